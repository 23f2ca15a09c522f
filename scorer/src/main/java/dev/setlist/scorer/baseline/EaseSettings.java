package dev.setlist.scorer.baseline;

/**
 * Hyperparameters of {@link EaseTrainer}.
 *
 * <p>Immutable; share freely.
 *
 * @param regularization the L2 penalty {@code lambda} added to the diagonal of the Gram matrix
 *                       (default {@value #DEFAULT_REGULARIZATION}, the best value on the
 *                       ml-latest-small validation split; Steck reports a few hundred for
 *                       MovieLens-sized data)
 * @param threads        how many threads invert the Gram matrix (default: the available processors);
 *                       the model does not depend on it
 */
public record EaseSettings(double regularization, int threads) {

    public static final double DEFAULT_REGULARIZATION = 200.0;

    public EaseSettings {
        if (!(regularization > 0) || !Double.isFinite(regularization)) {
            throw new IllegalArgumentException("regularization must be finite and positive, was " + regularization);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
    }

    public static EaseSettings defaults() {
        return new EaseSettings(DEFAULT_REGULARIZATION, Runtime.getRuntime().availableProcessors());
    }

    public EaseSettings withRegularization(double value) {
        return new EaseSettings(value, threads);
    }

    public EaseSettings withThreads(int value) {
        return new EaseSettings(regularization, value);
    }
}
