package dev.setlist.scorer.eval;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One configuration tried while tuning: fitted on TRAIN, measured on VALIDATION.
 *
 * <p>Immutable; share freely.
 *
 * @param number          its place in the search, from 1
 * @param recommender     the recommender's name
 * @param hyperparameters the configuration
 * @param validation      the figures on VALIDATION
 * @param fitTime         how long fitting took
 */
public record TuningTrial(int number, String recommender, List<Hyperparameter> hyperparameters, Metrics validation,
                          Duration fitTime) {

    public TuningTrial {
        Objects.requireNonNull(recommender, "recommender");
        hyperparameters = List.copyOf(hyperparameters);
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(fitTime, "fitTime");
    }

    /** The figure tuning maximizes: NDCG at the largest cutoff. */
    public double objective() {
        List<CutoffMetrics> cutoffs = validation.cutoffs();
        return cutoffs.get(cutoffs.size() - 1).ndcg();
    }
}
