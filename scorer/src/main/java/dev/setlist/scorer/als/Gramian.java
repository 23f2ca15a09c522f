package dev.setlist.scorer.als;

/**
 * The Gramian {@code Q^T Q} of a factor matrix (flat, row-major, {@code d} columns): the {@code d x d}
 * summary of every row that lets a half-step account for all unobserved pairs at the cost of one
 * matrix instead of one term per pair. Each fixed block of rows is summed in single precision (so the
 * inner loop vectorizes), blocks are added in double precision in block order: the result is the same
 * for any number of threads.
 *
 * <p>Stateless; thread-safe.
 */
final class Gramian {

    private static final int BLOCK_ROWS = 1024;

    private Gramian() {
    }

    /** The full symmetric Gramian, row-major {@code d x d}. */
    static double[] of(float[] factors, int rows, int d, RowParallelism parallelism) {
        int blocks = Math.max(1, (rows + BLOCK_ROWS - 1) / BLOCK_ROWS);
        float[][][] partial = new float[blocks][][];
        parallelism.forEachChunk(rows, BLOCK_ROWS, worker -> {
            float[] row = new float[d];
            return (from, to) -> {
                float[][] sum = new float[d][d];
                for (int r = from; r < to; r++) {
                    System.arraycopy(factors, r * d, row, 0, d);
                    for (int a = 0; a < d; a++) {
                        float scale = row[a];
                        if (scale != 0f) {
                            DenseKernels.axpy(scale, row, sum[a], a + 1);
                        }
                    }
                }
                partial[from / BLOCK_ROWS] = sum;
            };
        });
        double[] total = new double[d * d];
        for (float[][] block : partial) {
            if (block == null) {
                continue;
            }
            for (int a = 0; a < d; a++) {
                for (int b = 0; b <= a; b++) {
                    total[a * d + b] += block[a][b];
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < a; b++) {
                total[b * d + a] = total[a * d + b];
            }
        }
        return total;
    }

    /** The Gramian as single-precision rows, for the conjugate-gradient products. */
    static float[][] rows(double[] gramian, int d) {
        float[][] rows = new float[d][d];
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                rows[a][b] = (float) gramian[a * d + b];
            }
        }
        return rows;
    }
}
