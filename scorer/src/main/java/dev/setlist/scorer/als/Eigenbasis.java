package dev.setlist.scorer.als;

/**
 * The eigenvectors {@code V} of a Gramian {@code G = V diag(lambda) V^T}, used to change the basis of both
 * factor matrices before a conjugate-gradient half-step. Predictions are unchanged ({@code (qV).(xV) = q.x}
 * for orthogonal {@code V}), but in the new basis the Gramian of the fixed side is diagonal, so the
 * {@code alpha0 G p} product that every CG step needs costs {@code d} multiplications instead of
 * {@code d^2}, and its diagonal gives a Jacobi preconditioner for free. Rotating both sides costs one
 * {@code d x d} product per row per half-step, against one per CG step without it.
 *
 * <p>Immutable; share freely.
 */
final class Eigenbasis {

    /** {@code rows[a][b] = V(a, b)}: row {@code a} holds coordinate {@code a} of every eigenvector. */
    private final float[][] rows;
    private final float[] eigenvalues;

    private Eigenbasis(float[][] rows, float[] eigenvalues) {
        this.rows = rows;
        this.eigenvalues = eigenvalues;
    }

    /** The eigenbasis of a symmetric row-major {@code d x d} Gramian, largest eigenvalue first. */
    static Eigenbasis of(double[] gramian, int d) {
        SymmetricEigen decomposition = SymmetricEigen.of(gramian, d);
        double[] v = decomposition.vectors();
        double[] values = decomposition.values();
        // Order by decreasing eigenvalue (ties by index), so the leading coordinates carry the most energy.
        long[] order = new long[d];
        for (int b = 0; b < d; b++) {
            order[b] = ((long) (Integer.MAX_VALUE - Float.floatToIntBits((float) Math.max(0, values[b]))) << 32) | b;
        }
        java.util.Arrays.sort(order);
        float[][] rows = new float[d][d];
        float[] eigenvalues = new float[d];
        for (int b = 0; b < d; b++) {
            int column = (int) order[b];
            // A Gramian is positive semi-definite; rounding can leave a tiny negative eigenvalue.
            eigenvalues[b] = (float) Math.max(0, values[column]);
            for (int a = 0; a < d; a++) {
                rows[a][b] = (float) v[a * d + column];
            }
        }
        return new Eigenbasis(rows, eigenvalues);
    }

    /** The eigenvalues: the diagonal of the Gramian in the new basis. */
    float[] eigenvalues() {
        return eigenvalues;
    }

    /** {@code out = in V} (both of length {@code d}, distinct arrays). */
    void rotate(float[] in, float[] out) {
        java.util.Arrays.fill(out, 0f);
        DenseKernels.combine(in, rows, rows.length, out, out.length);
    }

    /** Replaces every row {@code q} of a flat row-major factor matrix by {@code q V}, in parallel over fixed chunks. */
    void rotateRows(float[] factors, int rowCount, RowParallelism parallelism) {
        int d = rows.length;
        parallelism.forEachChunk(rowCount, 1024, worker -> {
            float[] in = new float[d];
            float[] out = new float[d];
            return (from, to) -> {
                for (int row = from; row < to; row++) {
                    System.arraycopy(factors, row * d, in, 0, d);
                    rotate(in, out);
                    System.arraycopy(out, 0, factors, row * d, d);
                }
            };
        });
    }
}
