package dev.setlist.scorer.eval;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One recommender's line of an {@link EvaluationReport}: its configuration, its TEST figures and
 * how long it took, or why it could not be evaluated.
 *
 * <p>Immutable; share freely.
 *
 * @param recommender     the recommender's name
 * @param hyperparameters the configuration measured
 * @param tuned           whether the configuration was chosen on VALIDATION by this run
 * @param metrics         the figures on TEST, or {@code null} when {@code failure} is set
 * @param fitTime         how long fitting on TRAIN + VALIDATION took ({@link Duration#ZERO} when fitting failed)
 * @param evaluationTime  how long scoring and ranking every person took ({@link Duration#ZERO} on failure)
 * @param failure         why the recommender could not be fitted or measured, or {@code null}
 */
public record EvaluationRow(String recommender, List<Hyperparameter> hyperparameters, boolean tuned, Metrics metrics,
                            Duration fitTime, Duration evaluationTime, String failure) {

    public EvaluationRow {
        Objects.requireNonNull(recommender, "recommender");
        hyperparameters = List.copyOf(hyperparameters);
        Objects.requireNonNull(fitTime, "fitTime");
        Objects.requireNonNull(evaluationTime, "evaluationTime");
        if ((metrics == null) == (failure == null)) {
            throw new IllegalArgumentException("a row has either figures or a failure");
        }
    }

    public boolean failed() {
        return failure != null;
    }
}
