package dev.setlist.scorer.als;

import java.util.Arrays;

/**
 * Solves one row's regularized weighted least-squares problem of an iALS half-step: given the fixed
 * side's factors {@code Q} (flat, row-major, {@code d} columns), its Gramian {@code G = Q^T Q}, and the
 * row's interactions (column indices and confidences {@code c}), find
 * <pre>
 *   x = argmin  sum_i c_i (x.q_i - 1)^2 + alpha0 sum_(i not observed) (x.q_i)^2 + reg |x|^2
 * </pre>
 * that is, {@code A x = b} with {@code A = alpha0 G + reg I + sum_i (c_i - alpha0) q_i q_i^T} and
 * {@code b = sum_i c_i q_i}. The work depends on the row alone, never on which thread runs it.
 *
 * <p>Not thread-safe: holds scratch space. One per worker thread.
 */
final class RowSolver {

    private final int d;
    private final double[] system;
    private final double[] rhs;
    private final float[] residual;
    private final float[] direction;
    private final float[] product;

    RowSolver(int factors) {
        this.d = factors;
        this.system = new double[factors * factors];
        this.rhs = new double[factors];
        this.residual = new float[factors];
        this.direction = new float[factors];
        this.product = new float[factors];
    }

    /**
     * Forms {@code A} and {@code b} in double precision and solves by Cholesky, leaving the factor of
     * {@code A} in {@link #factorOfSystem()} and the solution in {@code out[outFrom..outFrom+d)}.
     */
    void exact(int[] columns, float[] confidences, int from, int to, float[] fixed, double[] gramian,
               double unobservedWeight, double regularization, float[] out, int outFrom) {
        formSystem(columns, confidences, from, to, fixed, gramian, unobservedWeight, regularization);
        Cholesky.factor(system, d);
        Cholesky.solve(system, d, rhs);
        for (int a = 0; a < d; a++) {
            out[outFrom + a] = (float) rhs[a];
        }
    }

    /** Fills the lower triangle of {@code A} and all of {@code b}; see the class comment. */
    void formSystem(int[] columns, float[] confidences, int from, int to, float[] fixed, double[] gramian,
                    double unobservedWeight, double regularization) {
        for (int r = 0; r < d; r++) {
            int row = r * d;
            for (int c = 0; c <= r; c++) {
                system[row + c] = unobservedWeight * gramian[row + c];
            }
            system[row + r] += regularization;
        }
        Arrays.fill(rhs, 0);
        for (int k = from; k < to; k++) {
            int q = columns[k] * d;
            double confidence = confidences[k];
            DenseKernels.addLowerOuter(system, confidence - unobservedWeight, fixed, q, d);
            for (int a = 0; a < d; a++) {
                rhs[a] += confidence * fixed[q + a];
            }
        }
    }

    /** The Cholesky factor {@code L} left by the last {@link #exact} call (lower triangle, row-major). */
    double[] factorOfSystem() {
        return system;
    }

    /**
     * Improves {@code x = out[outFrom..outFrom+d)} in place by {@code steps} conjugate-gradient steps on
     * {@code A x = b}, starting from its current value, without forming {@code A}.
     */
    void conjugateGradient(int[] columns, float[] confidences, int from, int to, float[] fixed, float[] gramian,
                           float unobservedWeight, float regularization, int steps, float[] out, int outFrom) {
        float[] r = residual;
        float[] p = direction;
        float[] ap = product;
        // r = b - A x, in one pass over the row's interactions; p holds a copy of x until it is reset to r.
        float[] x = p;
        System.arraycopy(out, outFrom, x, 0, d);
        DenseKernels.symmetricTimes(gramian, x, r, d);
        for (int a = 0; a < d; a++) {
            r[a] = -unobservedWeight * r[a] - regularization * x[a];
        }
        for (int k = from; k < to; k++) {
            int q = columns[k] * d;
            float confidence = confidences[k];
            float predicted = DenseKernels.dot(fixed, q, x, 0, d);
            DenseKernels.axpy(confidence - (confidence - unobservedWeight) * predicted, fixed, q, r, 0, d);
        }
        System.arraycopy(r, 0, p, 0, d);
        float rr = DenseKernels.dot(r, 0, r, 0, d);
        for (int step = 0; step < steps && rr > 1e-20f; step++) {
            // ap = A p
            DenseKernels.symmetricTimes(gramian, p, ap, d);
            for (int a = 0; a < d; a++) {
                ap[a] = unobservedWeight * ap[a] + regularization * p[a];
            }
            for (int k = from; k < to; k++) {
                int q = columns[k] * d;
                float confidence = confidences[k];
                float projected = DenseKernels.dot(fixed, q, p, 0, d);
                DenseKernels.axpy((confidence - unobservedWeight) * projected, fixed, q, ap, 0, d);
            }
            float curvature = DenseKernels.dot(p, 0, ap, 0, d);
            if (!(curvature > 0f)) {
                break;
            }
            float stepLength = rr / curvature;
            DenseKernels.axpy(stepLength, p, 0, out, outFrom, d);
            DenseKernels.axpy(-stepLength, ap, 0, r, 0, d);
            float rrNext = DenseKernels.dot(r, 0, r, 0, d);
            float beta = rrNext / rr;
            for (int a = 0; a < d; a++) {
                p[a] = r[a] + beta * p[a];
            }
            rr = rrNext;
        }
    }
}
