package dev.setlist.scorer.eval;

import dev.setlist.scorer.als.AlsSettings;
import dev.setlist.scorer.data.Interactions;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A search over iALS hyperparameters in two phases, within a fixed budget of trials:
 * <ol>
 *   <li>Exploration: the base configuration, then random draws (Bergstra and Bengio 2012: for the same
 *       budget, random points cover the few dimensions that matter better than a grid), for half the
 *       budget. Each draw takes {@code factors} from {32, 64, 128}; {@code unobservedWeight} (alpha0)
 *       log-uniformly from [0.01, 1]; {@code regularizationExponent} (nu) from {0, 0.5, 1}; the penalty of
 *       an average person's vector, {@code lambda (|I_u| + alpha0 |I|)^nu}, log-uniformly from [0.5, 50],
 *       and {@code regularization} from it and the data, so that every nu is searched on a sensible
 *       scale; {@code alpha} log-uniformly from [0.25, 4]; {@code iterations} from {8, 16, 24}.</li>
 *   <li>Refinement: hill climbing from the best so far, one hyperparameter at a time (factors, the
 *       penalty, alpha and alpha0 halved or doubled, iterations by 8, nu by 0.5 at the same average
 *       penalty); an improvement becomes the new centre.</li>
 * </ol>
 * Everything else (solver, CG steps, initialization, seed, threads) is the base's. The proposals
 * depend only on the seed and the objectives reported, so a search on the same data is reproducible.
 *
 * <p>Immutable; share freely. Each {@link #start} returns a search of its own.
 */
public final class AlsSearchSpace implements SearchSpace {

    private static final int[] FACTORS = {32, 64, 128};
    private static final double[] EXPONENTS = {0, 0.5, 1};
    private static final int[] ITERATIONS = {8, 16, 24};

    private final AlsSettings base;
    private final int trials;
    private final long seed;

    /**
     * @param trials how many configurations to try, the base included (at least 1)
     */
    public AlsSearchSpace(AlsSettings base, int trials, long seed) {
        this.base = Objects.requireNonNull(base, "base");
        if (trials < 1) {
            throw new IllegalArgumentException("trials must be at least 1, was " + trials);
        }
        this.trials = trials;
        this.seed = seed;
    }

    @Override
    public Search start(Interactions training) {
        return new AlsSearch(training);
    }

    private final class AlsSearch implements Search {
        private final double meanHistory;
        private final int itemCount;
        private final SplittableRandom random = new SplittableRandom(seed);
        private final Set<AlsSettings> tried = new HashSet<>();
        private final Deque<AlsSettings> neighbours = new ArrayDeque<>();
        private AlsSettings pending;
        private AlsSettings best;
        private double bestObjective = Double.NEGATIVE_INFINITY;

        AlsSearch(Interactions training) {
            this.meanHistory = (double) training.size() / Math.max(1, training.userCount());
            this.itemCount = training.itemCount();
        }

        @Override
        public ConfiguredRecommender next() {
            if (tried.size() >= trials) {
                return null;
            }
            AlsSettings proposal;
            if (tried.isEmpty()) {
                proposal = base;
            } else if (tried.size() < Math.max(1, trials / 2)) {
                proposal = draw();
            } else {
                proposal = nextNeighbour();
            }
            tried.add(proposal);
            pending = proposal;
            return Contender.configured(proposal);
        }

        @Override
        public void report(double objective) {
            if (pending == null) {
                throw new IllegalStateException("report() before next()");
            }
            if (objective > bestObjective) {
                bestObjective = objective;
                best = pending;
                neighbours.clear();
            }
            pending = null;
        }

        private AlsSettings draw() {
            for (int attempt = 0; ; attempt++) {
                double unobservedWeight = logUniform(0.01, 1);
                double exponent = EXPONENTS[random.nextInt(EXPONENTS.length)];
                double penalty = logUniform(0.5, 50);
                AlsSettings drawn = base
                        .withFactors(FACTORS[random.nextInt(FACTORS.length)])
                        .withUnobservedWeight(round(unobservedWeight))
                        .withRegularizationExponent(exponent)
                        .withRegularization(round(penalty / scale(unobservedWeight, exponent)))
                        .withAlpha(round(logUniform(0.25, 4)))
                        .withIterations(ITERATIONS[random.nextInt(ITERATIONS.length)]);
                if (!tried.contains(drawn) || attempt > 100) {
                    return drawn;
                }
            }
        }

        /** The next untried single-hyperparameter move from the best so far; a random draw when none is left. */
        private AlsSettings nextNeighbour() {
            if (neighbours.isEmpty()) {
                addNeighboursOf(best);
            }
            while (!neighbours.isEmpty()) {
                AlsSettings candidate = neighbours.poll();
                if (!tried.contains(candidate)) {
                    return candidate;
                }
            }
            return draw();
        }

        private void addNeighboursOf(AlsSettings centre) {
            double a0 = centre.unobservedWeight();
            double nu = centre.regularizationExponent();
            if (centre.factors() > 8) {
                neighbours.add(centre.withFactors(centre.factors() / 2));
            }
            neighbours.add(centre.withFactors(centre.factors() * 2));
            neighbours.add(centre.withRegularization(round(centre.regularization() * 2)));
            neighbours.add(centre.withRegularization(round(centre.regularization() / 2)));
            neighbours.add(centre.withAlpha(round(centre.alpha() * 2)));
            neighbours.add(centre.withAlpha(round(centre.alpha() / 2)));
            if (a0 < 1) {
                neighbours.add(centre.withUnobservedWeight(Math.min(1, round(a0 * 2))));
            }
            neighbours.add(centre.withUnobservedWeight(round(a0 / 2)));
            neighbours.add(centre.withIterations(centre.iterations() + 8));
            if (centre.iterations() > 8) {
                neighbours.add(centre.withIterations(centre.iterations() - 8));
            }
            for (double step : new double[] {-0.5, 0.5}) {
                double moved = nu + step;
                if (moved >= 0 && moved <= 1) {
                    double penalty = centre.regularization() * scale(a0, nu);
                    neighbours.add(centre.withRegularizationExponent(moved)
                            .withRegularization(round(penalty / scale(a0, moved))));
                }
            }
        }

        /** {@code (mean history + alpha0 * items)^nu}: what regularization is multiplied by for an average person. */
        private double scale(double unobservedWeight, double exponent) {
            return Math.pow(meanHistory + unobservedWeight * itemCount, exponent);
        }

        private double logUniform(double low, double high) {
            return Math.exp(Math.log(low) + random.nextDouble() * (Math.log(high) - Math.log(low)));
        }
    }

    /** Three significant digits: what a person would copy into a configuration file. */
    private static double round(double value) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.3g", value));
    }
}
