package dev.setlist.scorer.als;

import dev.setlist.scorer.Recommender;
import dev.setlist.scorer.data.Interactions;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Trains implicit alternating least squares (Hu, Koren and Volinsky 2008, with the unobserved weight and
 * frequency-scaled regularization of Rendle et al. 2022): starting from small random factors, each
 * iteration solves every item's row with the users fixed, then every user's row with the items fixed.
 * Each half-step first computes the fixed side's Gramian once, so that all unobserved pairs cost one
 * {@code d x d} matrix; rows are then solved independently, in parallel, by warm-started conjugate
 * gradient or an exact Cholesky solve ({@link AlsSettings#solver()}).
 *
 * <p>The user half-step comes last, so the returned user vectors are the solves against the final
 * item vectors: for {@link AlsSettings.Solver#EXACT} they equal {@link AlsModel#foldIn} of the same
 * history. Users and items without interactions get the zero vector, their exact minimiser. Both sides
 * are returned in the eigenbasis of the item Gramian, largest eigenvalue first (an orthogonal change of
 * basis, so every prediction is the same), which lets scoring bound most of a score from a few coordinates.
 *
 * <p>Deterministic: the same settings (including the seed) and data give a bitwise identical model for
 * any number of threads. Immutable; share freely; each {@link #fit} uses its own threads and stops them.
 */
public final class AlsTrainer implements Recommender {

    /** Rows per unit of parallel work: small enough to balance two cores, large enough to amortize claiming. */
    private static final int CHUNK_ROWS = 256;

    private final AlsSettings settings;

    public AlsTrainer(AlsSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public AlsSettings settings() {
        return settings;
    }

    @Override
    public String name() {
        return "iALS";
    }

    /**
     * @throws IllegalArgumentException when {@code data} has no interactions
     */
    @Override
    public AlsModel fit(Interactions data) {
        Objects.requireNonNull(data, "data");
        if (data.size() == 0) {
            throw new IllegalArgumentException("cannot fit iALS to data with no interactions ("
                    + data.userCount() + " users, " + data.itemCount() + " items)");
        }
        int d = settings.factors();
        float[] users = initialFactors(data.userCount(), d, 0);
        float[] items = initialFactors(data.itemCount(), d, 1);
        float[] userConfidences = confidences(data.userWeights());
        float[] itemConfidences = confidences(data.itemWeights());
        try (RowParallelism parallelism = new RowParallelism(settings.effectiveThreads())) {
            for (int iteration = 0; iteration < settings.iterations(); iteration++) {
                halfStep(data.itemPointers(), data.itemUsers(), itemConfidences, users, data.userCount(),
                        items, data.itemCount(), parallelism);
                halfStep(data.userPointers(), data.userItems(), userConfidences, items, data.itemCount(),
                        users, data.userCount(), parallelism);
            }
            // Hand over both sides in the eigenbasis of the item Gramian, largest eigenvalue first: predictions
            // are unchanged, and the model's leading coordinates then carry most of every score (AlsModel#headScores).
            Eigenbasis basis = Eigenbasis.of(Gramian.of(items, data.itemCount(), d, parallelism), d);
            basis.rotateRows(items, data.itemCount(), parallelism);
            basis.rotateRows(users, data.userCount(), parallelism);
            double[] itemGramian = Gramian.of(items, data.itemCount(), d, parallelism);
            return new AlsModel(settings, items, users, data.userCount(), itemFrequencies(data), itemGramian);
        }
    }

    /**
     * Solves every row of {@code solved} against the fixed side {@code fixed}: one half-step. Package-private
     * so that tests can check the objective after each half-step.
     */
    void halfStep(int[] pointers, int[] columns, float[] confidences, float[] fixed, int fixedRows,
                  float[] solved, int solvedRows, RowParallelism parallelism) {
        int d = settings.factors();
        double[] gramian = Gramian.of(fixed, fixedRows, d, parallelism);
        double alpha0 = settings.unobservedWeight();
        boolean exact = settings.solver() == AlsSettings.Solver.EXACT;
        Eigenbasis basis = exact ? null : Eigenbasis.of(gramian, d);
        if (!exact) {
            basis.rotateRows(fixed, fixedRows, parallelism);
        }
        parallelism.forEachChunk(solvedRows, CHUNK_ROWS, worker -> {
            RowSolver solver = new RowSolver(d);
            return (from, to) -> {
                for (int row = from; row < to; row++) {
                    int start = pointers[row];
                    int end = pointers[row + 1];
                    int offset = row * d;
                    if (start == end) {
                        java.util.Arrays.fill(solved, offset, offset + d, 0f);
                        continue;
                    }
                    double regularization = settings.rowRegularization(end - start, fixedRows);
                    if (exact) {
                        solver.exact(columns, confidences, start, end, fixed, gramian, alpha0, regularization,
                                solved, offset);
                    } else {
                        solver.conjugateGradient(columns, confidences, start, end, fixed, basis,
                                (float) alpha0, (float) regularization, settings.cgSteps(), solved, offset);
                    }
                }
            };
        });
    }

    /** Confidences {@code 1 + alpha * w}, aligned with the given weights. */
    float[] confidences(float[] weights) {
        float[] result = new float[weights.length];
        float alpha = (float) settings.alpha();
        for (int j = 0; j < weights.length; j++) {
            result[j] = 1f + alpha * weights[j];
        }
        return result;
    }

    /**
     * Factors drawn from {@code N(0, (initStd / sqrt(d))^2)}. Rows are generated in fixed blocks, each from
     * its own stream derived from the seed, the side and the block, so any block can be drawn alone.
     */
    float[] initialFactors(int rows, int d, int side) {
        float[] factors = new float[rows * d];
        double std = settings.initStd() / Math.sqrt(d);
        int block = 1024;
        for (int from = 0; from < rows; from += block) {
            SplittableRandom random = new SplittableRandom(mix(settings.seed(), side, from / block));
            int to = Math.min(rows, from + block);
            for (int j = from * d; j < to * d; j++) {
                factors[j] = (float) (random.nextGaussian() * std);
            }
        }
        return factors;
    }

    private static long mix(long seed, int side, int block) {
        long z = seed + 0x9E3779B97F4A7C15L * (1 + 2L * block + side);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static int[] itemFrequencies(Interactions data) {
        int[] frequencies = new int[data.itemCount()];
        for (int item = 0; item < frequencies.length; item++) {
            frequencies[item] = data.itemDegree(item);
        }
        return frequencies;
    }
}
