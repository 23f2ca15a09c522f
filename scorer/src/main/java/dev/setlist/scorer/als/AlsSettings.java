package dev.setlist.scorer.als;

import java.util.Objects;

/**
 * Hyperparameters of implicit alternating least squares (iALS), with the seed as a field so that a
 * settings value names exactly one model.
 *
 * <p>The objective, for user vectors {@code x_u} and item vectors {@code q_i} of length {@code factors}:
 * <pre>
 *   L = sum over observed (u,i) of  c_ui (x_u.q_i - 1)^2          c_ui = 1 + alpha * w_ui
 *     + unobservedWeight * sum over unobserved (u,i) of (x_u.q_i)^2
 *     + sum_u reg(|I_u|, itemCount) |x_u|^2 + sum_i reg(|U_i|, userCount) |q_i|^2
 *   reg(n, N) = regularization * (n + unobservedWeight * N)^regularizationExponent
 * </pre>
 * With {@code unobservedWeight = 1} and {@code regularizationExponent = 0} this is exactly Hu, Koren and
 * Volinsky (2008); a small {@code unobservedWeight} and frequency-scaled regularization are the
 * refinements of Rendle, Krichene, Zhang and Koren (2022). See {@code docs/scorer.md}.
 *
 * <p>Immutable; share freely.
 *
 * <p>The defaults are the best point of a validation search on ml-latest-small (see {@code docs/scorer.md}):
 * on data of that size the classic weighting ({@code alpha0 = 1}, constant {@code lambda}) beat every
 * Rendle-style point tried; the refinements stay available for larger, sparser catalogs.
 *
 * @param factors                number of latent dimensions {@code d}; default 32
 * @param regularization         {@code lambda}, the L2 weight before frequency scaling; default 10
 * @param alpha                  confidence slope: an observed weight {@code w} counts {@code 1 + alpha * w}; default 1
 * @param unobservedWeight       {@code alpha0}, the weight of every unobserved pair, in (0, 1]; default 1
 * @param regularizationExponent {@code nu}, how strongly regularization grows with a row's frequency; default 0
 * @param iterations             full sweeps (an item half-step, then a user half-step); default 15
 * @param solver                 how each row's least-squares problem is solved; default {@link Solver#CG}
 *                               (docs/adr/0001: as good as exact and several times faster)
 * @param cgSteps                conjugate-gradient steps per row and half-step (warm-started); default 3
 * @param initStd                initial factors are drawn from {@code N(0, (initStd / sqrt(factors))^2)},
 *                               as the reference code's {@code --stddev}; default 0.1
 * @param threads                worker threads for the half-steps; {@code 0} means one per available processor.
 *                               The model does not depend on it.
 * @param seed                   seed of the initial factors; default 42
 */
public record AlsSettings(
        int factors,
        double regularization,
        double alpha,
        double unobservedWeight,
        double regularizationExponent,
        int iterations,
        Solver solver,
        int cgSteps,
        double initStd,
        int threads,
        long seed) {

    /** How a row's regularized least-squares problem is solved in each half-step. */
    public enum Solver {
        /**
         * A few conjugate-gradient steps warm-started from the row's previous value (Takacs, Pilaszy and
         * Tikk 2011), run in the eigenbasis of the fixed side's Gramian with a Jacobi preconditioner. Never
         * forms the {@code d x d} matrix: each step costs {@code O(n d)}, plus one {@code d x d} rotation per
         * row and half-step.
         */
        CG,
        /** Forms the row's {@code d x d} system and solves it by Cholesky decomposition: {@code O(n d^2 + d^3)}. */
        EXACT
    }

    public AlsSettings {
        Objects.requireNonNull(solver, "solver");
        if (factors < 1 || factors > 4096) {
            throw new IllegalArgumentException("factors must be in [1, 4096], was " + factors);
        }
        if (!(regularization > 0) || !Double.isFinite(regularization)) {
            throw new IllegalArgumentException("regularization must be finite and positive, was " + regularization);
        }
        requireNonNegative("alpha", alpha);
        if (!(unobservedWeight > 0 && unobservedWeight <= 1)) {
            throw new IllegalArgumentException(
                    "unobservedWeight (alpha0) must be in (0, 1], was " + unobservedWeight);
        }
        requireNonNegative("regularizationExponent", regularizationExponent);
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be at least 1, was " + iterations);
        }
        if (cgSteps < 1) {
            throw new IllegalArgumentException("cgSteps must be at least 1, was " + cgSteps);
        }
        if (!(initStd > 0) || !Double.isFinite(initStd)) {
            throw new IllegalArgumentException("initStd must be finite and positive, was " + initStd);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 (one per processor) or positive, was " + threads);
        }
    }

    private static void requireNonNegative(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and not negative, was " + value);
        }
    }

    /** The documented defaults. */
    public static AlsSettings defaults() {
        return new AlsSettings(32, 10.0, 1.0, 1.0, 0.0, 15, Solver.CG, 3, 0.1, 0, 42L);
    }

    /** The regularization of a row with {@code count} interactions among {@code others} columns. */
    public double rowRegularization(int count, int others) {
        return regularization * Math.pow(count + unobservedWeight * others, regularizationExponent);
    }

    /** The number of worker threads to use: {@link #threads()}, or one per processor when it is 0. */
    public int effectiveThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    public AlsSettings withFactors(int value) {
        return new AlsSettings(value, regularization, alpha, unobservedWeight, regularizationExponent,
                iterations, solver, cgSteps, initStd, threads, seed);
    }

    public AlsSettings withRegularization(double value) {
        return new AlsSettings(factors, value, alpha, unobservedWeight, regularizationExponent,
                iterations, solver, cgSteps, initStd, threads, seed);
    }

    public AlsSettings withAlpha(double value) {
        return new AlsSettings(factors, regularization, value, unobservedWeight, regularizationExponent,
                iterations, solver, cgSteps, initStd, threads, seed);
    }

    public AlsSettings withUnobservedWeight(double value) {
        return new AlsSettings(factors, regularization, alpha, value, regularizationExponent,
                iterations, solver, cgSteps, initStd, threads, seed);
    }

    public AlsSettings withRegularizationExponent(double value) {
        return new AlsSettings(factors, regularization, alpha, unobservedWeight, value,
                iterations, solver, cgSteps, initStd, threads, seed);
    }

    public AlsSettings withIterations(int value) {
        return new AlsSettings(factors, regularization, alpha, unobservedWeight, regularizationExponent,
                value, solver, cgSteps, initStd, threads, seed);
    }

    public AlsSettings withSolver(Solver value) {
        return new AlsSettings(factors, regularization, alpha, unobservedWeight, regularizationExponent,
                iterations, value, cgSteps, initStd, threads, seed);
    }

    public AlsSettings withCgSteps(int value) {
        return new AlsSettings(factors, regularization, alpha, unobservedWeight, regularizationExponent,
                iterations, solver, value, initStd, threads, seed);
    }

    public AlsSettings withInitStd(double value) {
        return new AlsSettings(factors, regularization, alpha, unobservedWeight, regularizationExponent,
                iterations, solver, cgSteps, value, threads, seed);
    }

    public AlsSettings withThreads(int value) {
        return new AlsSettings(factors, regularization, alpha, unobservedWeight, regularizationExponent,
                iterations, solver, cgSteps, initStd, value, seed);
    }

    public AlsSettings withSeed(long value) {
        return new AlsSettings(factors, regularization, alpha, unobservedWeight, regularizationExponent,
                iterations, solver, cgSteps, initStd, threads, value);
    }
}
