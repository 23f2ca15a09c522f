package dev.setlist.scorer;

import dev.setlist.scorer.data.Interactions;

/**
 * The seam every recommender sits behind, from the most-popular baseline to iALS: fit a model to
 * interactions, then score from a person's history. The evaluation harness and the server treat all
 * recommenders alike through this interface.
 *
 * <p>Implementations hold only their settings: immutable, share freely.
 */
public interface Recommender {

    /** A short stable name for tables and logs, for example {@code iALS} or {@code EASE}. */
    String name();

    /**
     * Fits a model to {@code data}.
     *
     * @throws IllegalArgumentException when the data cannot be fitted (for example it is empty)
     */
    RecommenderModel fit(Interactions data);
}
