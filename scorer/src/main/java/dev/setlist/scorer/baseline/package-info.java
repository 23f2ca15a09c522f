/**
 * The yardsticks iALS is measured against, each a {@link dev.setlist.scorer.Recommender} run through
 * the same harness: most-popular (the floor any personal model must clear), item-based
 * nearest neighbours with cosine similarity (the classic memory-based method), and EASE, Steck's
 * closed-form linear autoencoder, the strongest simple baseline on MovieLens-sized data. Each is a
 * trainer that holds its settings and an immutable model, with no state shared between fits. EASE
 * needs a dense inverse of the item Gram matrix, which {@code CholeskyInverse} computes in pure
 * Java, blocked for the caches and vectorized by the JIT. This package depends on the scorer's
 * data types only; nothing outside evaluation and benchmarks should need it, and it must not
 * depend on the evaluation package that uses it.
 */
package dev.setlist.scorer.baseline;
