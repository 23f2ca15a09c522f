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
 * {@code b = sum_i c_i q_i}. The row's item vectors are first copied into scratch rows (and their
 * transpose), so that every inner loop runs from index 0 and vectorizes. The work depends on the row
 * alone, never on which thread runs it.
 *
 * <p>Not thread-safe: holds scratch space. One per worker thread.
 */
final class RowSolver {

    /** Interactions kept gathered across conjugate-gradient passes; longer rows are re-gathered per pass. */
    private static final int RESIDENT = 2048;

    private final int d;
    private final double[][] system;
    private final double[] rhs;
    private final double[] rowCopy;
    private final float[] x;
    private final float[] residual;
    private final float[] direction;
    private final float[] product;
    private int capacity;
    private float[][] gathered;
    private float[][] transposed;
    private float[] confidence;
    private float[] projection;
    private float[] coefficient;

    RowSolver(int factors) {
        this.d = factors;
        this.system = new double[factors][factors];
        this.rhs = new double[factors];
        this.rowCopy = new double[factors];
        this.x = new float[factors];
        this.residual = new float[factors];
        this.direction = new float[factors];
        this.product = new float[factors];
        this.gathered = new float[0][];
        this.transposed = new float[factors][0];
        this.confidence = new float[0];
        this.projection = new float[0];
        this.coefficient = new float[0];
    }

    /**
     * Forms {@code A} and {@code b} in double precision and solves by Cholesky, leaving the factor of
     * {@code A} in {@link #factorOfSystem()} and the solution in {@code out[outFrom..outFrom+d)}.
     */
    void exact(int[] columns, float[] confidences, int from, int to, float[] fixed, double[] gramian,
               double unobservedWeight, double regularization, float[] out, int outFrom) {
        for (int r = 0; r < d; r++) {
            double[] row = system[r];
            for (int c = 0; c <= r; c++) {
                row[c] = unobservedWeight * gramian[r * d + c];
            }
            row[r] += regularization;
        }
        Arrays.fill(rhs, 0);
        for (int k = from; k < to; k++) {
            int q = columns[k] * d;
            for (int a = 0; a < d; a++) {
                rowCopy[a] = fixed[q + a];
            }
            double weight = confidences[k] - unobservedWeight;
            for (int r = 0; r < d; r++) {
                DenseKernels.axpy(weight * rowCopy[r], rowCopy, system[r], r + 1);
            }
            DenseKernels.axpy(confidences[k], rowCopy, rhs, d);
        }
        Cholesky.factor(system, d);
        Cholesky.solve(system, d, rhs);
        for (int a = 0; a < d; a++) {
            out[outFrom + a] = (float) rhs[a];
        }
    }

    /** The Cholesky factor {@code L} left by the last {@link #exact} call (lower triangle, by rows). */
    double[][] factorOfSystem() {
        return system;
    }

    /**
     * Improves {@code x = out[outFrom..outFrom+d)} in place by {@code steps} conjugate-gradient steps on
     * {@code A x = b}, starting from its current value, without forming {@code A}.
     */
    void conjugateGradient(int[] columns, float[] confidences, int from, int to, float[] fixed, float[][] gramian,
                           float unobservedWeight, float regularization, int steps, float[] out, int outFrom) {
        boolean resident = to - from <= RESIDENT;
        if (resident) {
            gather(columns, confidences, from, to, fixed);
        }
        float[] r = residual;
        float[] p = direction;
        float[] ap = product;
        System.arraycopy(out, outFrom, x, 0, d);
        // r = b - A x = sum_i (c_i - (c_i - alpha0) q_i.x) q_i - alpha0 G x - reg x
        DenseKernels.symmetricTimes(gramian, x, r, d);
        for (int a = 0; a < d; a++) {
            r[a] = -unobservedWeight * r[a] - regularization * x[a];
        }
        addInteractions(x, true, columns, confidences, from, to, fixed, unobservedWeight, resident, r);
        System.arraycopy(r, 0, p, 0, d);
        float rr = DenseKernels.dot(r, r, d);
        for (int step = 0; step < steps && rr > 1e-24f; step++) {
            // ap = A p = alpha0 G p + reg p + sum_i (c_i - alpha0) (q_i.p) q_i
            DenseKernels.symmetricTimes(gramian, p, ap, d);
            for (int a = 0; a < d; a++) {
                ap[a] = unobservedWeight * ap[a] + regularization * p[a];
            }
            addInteractions(p, false, columns, confidences, from, to, fixed, unobservedWeight, resident, ap);
            float curvature = DenseKernels.dot(p, ap, d);
            if (!(curvature > 0f)) {
                break;
            }
            float stepLength = rr / curvature;
            DenseKernels.axpy(stepLength, p, x, d);
            DenseKernels.axpy(-stepLength, ap, r, d);
            float rrNext = DenseKernels.dot(r, r, d);
            float beta = rrNext / rr;
            for (int a = 0; a < d; a++) {
                p[a] = r[a] + beta * p[a];
            }
            rr = rrNext;
        }
        System.arraycopy(x, 0, out, outFrom, d);
    }

    /**
     * {@code out += sum_i w_i q_i} over the row's interactions, with {@code w_i = c_i - (c_i - alpha0) q_i.v}
     * for the residual or {@code w_i = (c_i - alpha0) q_i.v} for a product with {@code A}.
     */
    private void addInteractions(float[] v, boolean residualTerm, int[] columns, float[] confidences, int from,
                                 int to, float[] fixed, float unobservedWeight, boolean resident, float[] out) {
        for (int blockFrom = from; blockFrom < to; blockFrom += RESIDENT) {
            int blockTo = Math.min(to, blockFrom + RESIDENT);
            if (!resident) {
                gather(columns, confidences, blockFrom, blockTo, fixed);
            }
            int m = blockTo - blockFrom;
            Arrays.fill(projection, 0, m, 0f);
            DenseKernels.combine(v, transposed, d, projection, m);
            for (int i = 0; i < m; i++) {
                float c = confidence[i];
                float w = (c - unobservedWeight) * projection[i];
                coefficient[i] = residualTerm ? c - w : w;
            }
            DenseKernels.combine(coefficient, gathered, m, out, d);
        }
    }

    /** Copies the item vectors of interactions {@code [from, to)} into the scratch rows and their transpose. */
    private void gather(int[] columns, float[] confidences, int from, int to, float[] fixed) {
        int m = to - from;
        ensureCapacity(m);
        for (int i = 0; i < m; i++) {
            float[] row = gathered[i];
            System.arraycopy(fixed, columns[from + i] * d, row, 0, d);
            for (int a = 0; a < d; a++) {
                transposed[a][i] = row[a];
            }
            confidence[i] = confidences[from + i];
        }
    }

    private void ensureCapacity(int m) {
        if (m <= capacity) {
            return;
        }
        int grown = Math.min(RESIDENT, Math.max(m, 2 * capacity));
        float[][] rows = Arrays.copyOf(gathered, grown);
        for (int i = capacity; i < grown; i++) {
            rows[i] = new float[d];
        }
        gathered = rows;
        for (int a = 0; a < d; a++) {
            transposed[a] = new float[grown];
        }
        confidence = new float[grown];
        projection = new float[grown];
        coefficient = new float[grown];
        capacity = grown;
    }
}
