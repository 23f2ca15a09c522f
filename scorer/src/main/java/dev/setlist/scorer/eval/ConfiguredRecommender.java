package dev.setlist.scorer.eval;

import dev.setlist.scorer.Recommender;

import java.util.List;
import java.util.Objects;

/**
 * A recommender with the hyperparameter values it was built with, as reports show them.
 *
 * <p>Immutable; share freely.
 */
public record ConfiguredRecommender(Recommender recommender, List<Hyperparameter> hyperparameters) {

    public ConfiguredRecommender {
        Objects.requireNonNull(recommender, "recommender");
        hyperparameters = List.copyOf(hyperparameters);
    }

    public String name() {
        return recommender.name();
    }

    @Override
    public String toString() {
        return name() + " (" + Hyperparameter.describe(hyperparameters) + ")";
    }
}
