package dev.setlist.scorer.als;

/**
 * The Gramian {@code Q^T Q} of a factor matrix (flat, row-major, {@code d} columns): the {@code d x d}
 * summary of every row that lets a half-step account for all unobserved pairs at the cost of one
 * matrix instead of one term per pair. Accumulated in double precision over fixed blocks of rows whose
 * partial sums are added in block order, so the result is the same for any number of threads.
 *
 * <p>Stateless; thread-safe.
 */
final class Gramian {

    private static final int BLOCK_ROWS = 2048;

    private Gramian() {
    }

    /** The full symmetric Gramian, row-major {@code d x d}. */
    static double[] of(float[] factors, int rows, int d, RowParallelism parallelism) {
        int blocks = Math.max(1, (rows + BLOCK_ROWS - 1) / BLOCK_ROWS);
        double[][] partial = new double[blocks][];
        parallelism.forEachChunk(rows, BLOCK_ROWS, worker -> (from, to) -> {
            double[] sum = new double[d * d];
            for (int row = from; row < to; row++) {
                DenseKernels.addLowerOuter(sum, 1.0, factors, row * d, d);
            }
            partial[from / BLOCK_ROWS] = sum;
        });
        double[] total = new double[d * d];
        for (double[] block : partial) {
            if (block != null) {
                for (int j = 0; j < total.length; j++) {
                    total[j] += block[j];
                }
            }
        }
        DenseKernels.mirrorLower(total, d);
        return total;
    }

    /** The same Gramian, rounded to single precision for the conjugate-gradient products. */
    static float[] toFloat(double[] gramian) {
        float[] result = new float[gramian.length];
        for (int j = 0; j < gramian.length; j++) {
            result[j] = (float) gramian[j];
        }
        return result;
    }
}
