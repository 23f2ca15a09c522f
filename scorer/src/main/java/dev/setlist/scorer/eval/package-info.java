/**
 * The yardstick every change to the scorer is judged by: reads a MovieLens folder (CSV or 100K
 * layout), turns ratings into implicit positives and splits each person's history in time by one
 * stated protocol (TRAIN, VALIDATION for tuning, TEST for the figures), runs every
 * {@link dev.setlist.scorer.Recommender} through the same ranking of the whole catalog, and
 * reports Recall, NDCG, hit rate and MRR at 10 and 20 with catalog coverage, genre diversity and
 * novelty, as a table and as JSON. {@link dev.setlist.scorer.eval.Evaluation} is the entry point for
 * the {@code setlist evaluate} and {@code setlist tune} commands; hyperparameters are only ever
 * chosen on VALIDATION. This package depends on the scorer's data types, the baselines and iALS; no
 * production path (the server, the rules, the sequencer) may depend on it.
 */
package dev.setlist.scorer.eval;
