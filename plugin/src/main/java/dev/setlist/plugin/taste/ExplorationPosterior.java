package dev.setlist.plugin.taste;

import java.util.random.RandomGenerator;

/**
 * How readily one person takes wildcards: a Beta posterior on the probability that they take one,
 * from a uniform prior, with forgetting so that it follows a person who changes. The exploration rate
 * moves within the bounds a power user set: {@code min + (max - min) * p}, where {@code p} is the
 * posterior mean (what the page shows) or a Thompson draw (what each playlist uses, so that a person
 * who declined a few wildcards still gets an occasional one while the posterior is wide).
 *
 * <p>Immutable; share freely.
 *
 * @param taken    pseudo-count of wildcards taken (starts at 0; the prior adds 1)
 * @param declined pseudo-count of wildcards declined
 */
public record ExplorationPosterior(double taken, double declined) {

    /** Each answer first shrinks the old evidence by this factor: about the last 20 answers count. */
    public static final double FORGETTING = 0.95;

    public static final ExplorationPosterior PRIOR = new ExplorationPosterior(0, 0);

    public ExplorationPosterior {
        if (!(taken >= 0) || !(declined >= 0) || !Double.isFinite(taken) || !Double.isFinite(declined)) {
            throw new IllegalArgumentException("pseudo-counts must be finite and not negative: " + taken + ", " + declined);
        }
    }

    /** After the person took ({@code true}) or declined a wildcard. */
    public ExplorationPosterior after(boolean tookIt) {
        double keptTaken = taken * FORGETTING;
        double keptDeclined = declined * FORGETTING;
        return tookIt ? new ExplorationPosterior(keptTaken + 1, keptDeclined)
                : new ExplorationPosterior(keptTaken, keptDeclined + 1);
    }

    /** Posterior mean of the acceptance probability. */
    public double mean() {
        return (taken + 1) / (taken + declined + 2);
    }

    /** The exploration rate for the page: {@code min + (max - min) * mean()}. */
    public double rate(double min, double max) {
        return min + (max - min) * mean();
    }

    /** A Thompson draw of the exploration rate, within {@code [min, max]}. */
    public double sampleRate(double min, double max, RandomGenerator random) {
        return min + (max - min) * sampleBeta(taken + 1, declined + 1, random);
    }

    /** Beta(a, b) as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b) (Marsaglia and Tsang). */
    static double sampleBeta(double a, double b, RandomGenerator random) {
        double x = sampleGamma(a, random);
        double y = sampleGamma(b, random);
        return x / (x + y);
    }

    private static double sampleGamma(double shape, RandomGenerator random) {
        if (shape < 1) {
            return sampleGamma(shape + 1, random) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }
}
