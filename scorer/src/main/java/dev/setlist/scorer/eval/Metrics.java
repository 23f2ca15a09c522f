package dev.setlist.scorer.eval;

import java.util.List;

/**
 * All figures of one evaluation: one {@link CutoffMetrics} per list length, ascending.
 *
 * <p>Immutable; share freely.
 *
 * @param users   the number of people evaluated (everyone with a held-out item)
 * @param cutoffs the figures at each list length
 */
public record Metrics(int users, List<CutoffMetrics> cutoffs) {

    public Metrics {
        cutoffs = List.copyOf(cutoffs);
    }

    /** The figures at list length {@code k}. */
    public CutoffMetrics at(int k) {
        for (CutoffMetrics metrics : cutoffs) {
            if (metrics.cutoff() == k) {
                return metrics;
            }
        }
        throw new IllegalArgumentException("no figures at K = " + k + "; measured at " + cutoffs.stream()
                .map(CutoffMetrics::cutoff).toList());
    }
}
