/**
 * Implicit alternating least squares: {@link dev.setlist.scorer.als.AlsTrainer} fits item and user
 * vectors to confidence-weighted plays (Hu, Koren and Volinsky 2008, with the unobserved weight and
 * frequency-scaled regularization of Rendle et al. 2022, all in {@link dev.setlist.scorer.als.AlsSettings});
 * {@link dev.setlist.scorer.als.AlsModel} is the immutable result, and scores anyone from a history by
 * fold-in: an exact solve of that person's row of the training objective, the same solve the trainer's
 * last user half-step made, so a play a second ago counts at once without retraining.
 * {@link dev.setlist.scorer.als.FoldIn} keeps that solve's Cholesky factor, which is the posterior of the
 * person's vector and gives exploration its uncertainty. Training is deterministic for a seed whatever the
 * thread count. This package depends on the scorer's data types and Commons Math only; it knows nothing
 * of catalogs, content, sessions or rules.
 */
package dev.setlist.scorer.als;
