package dev.setlist.scorer;

import dev.setlist.scorer.data.UserHistory;

/**
 * A fitted model over a fixed item universe (the item indices of the data it was fitted on).
 * Scores come from a person's history, so a person who arrived after fitting, or whose history
 * changed a moment ago, is scored exactly like one seen in training: for latent-factor models this
 * is the fold-in.
 *
 * <p>Implementations are immutable and thread-safe: share freely.
 */
public interface RecommenderModel {

    /** Number of items this model scores; valid item indices are {@code 0..itemCount()-1}. */
    int itemCount();

    /**
     * Writes a score for every item into {@code scores} (length at least {@link #itemCount()});
     * higher is better. Items in the history are scored too; callers exclude them when they must.
     * Item indices in {@code history} at or beyond {@link #itemCount()} are ignored.
     */
    void score(UserHistory history, float[] scores);
}
