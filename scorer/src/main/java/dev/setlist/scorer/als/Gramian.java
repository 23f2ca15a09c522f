package dev.setlist.scorer.als;

/**
 * The Gramian {@code Q^T Q} of a factor matrix (flat, row-major, {@code d} columns): the {@code d x d}
 * summary of every row that lets a half-step account for all unobserved pairs at the cost of one
 * matrix instead of one term per pair. Each fixed block of rows is summed in single precision, four
 * rank-one terms per pass (so the inner loop vectorizes), and blocks are added in double precision in
 * block order: the result is the same for any number of threads.
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
            float[][] quad = new float[4][d];
            return (from, to) -> {
                float[][] sum = new float[d][d];
                // Four rows at a time: row a of the sum gains r0[a] r0 + r1[a] r1 + r2[a] r2 + r3[a] r3.
                for (int r = from; r < to; r += 4) {
                    int count = Math.min(4, to - r);
                    for (int j = 0; j < 4; j++) {
                        if (j < count) {
                            System.arraycopy(factors, (r + j) * d, quad[j], 0, d);
                        } else {
                            java.util.Arrays.fill(quad[j], 0f);
                        }
                    }
                    float[] r0 = quad[0];
                    float[] r1 = quad[1];
                    float[] r2 = quad[2];
                    float[] r3 = quad[3];
                    for (int a = 0; a < d; a++) {
                        // The lower triangle only: the upper one is its mirror.
                        DenseKernels.axpy4(r0[a], r0, r1[a], r1, r2[a], r2, r3[a], r3, sum[a], a + 1);
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
        // Mirror the lower triangle, so the result is exactly symmetric.
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < a; b++) {
                total[b * d + a] = total[a * d + b];
            }
        }
        return total;
    }
}
