package dev.setlist.scorer.eval;

import java.util.List;
import java.util.Objects;

/**
 * Every configuration tried for one recommender, and the best by {@link TuningTrial#objective()}
 * (the first of equals).
 *
 * <p>Immutable; share freely.
 */
public record TuningResult(String recommender, List<TuningTrial> trials, ConfiguredRecommender best,
                           TuningTrial bestTrial) {

    public TuningResult {
        Objects.requireNonNull(recommender, "recommender");
        trials = List.copyOf(trials);
        Objects.requireNonNull(best, "best");
        Objects.requireNonNull(bestTrial, "bestTrial");
    }
}
