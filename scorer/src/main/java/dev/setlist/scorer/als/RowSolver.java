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
 * {@code b = sum_i c_i q_i}. The row's item vectors are first copied into scratch rows, so that every
 * inner loop runs from index 0 and vectorizes. The work depends on the row alone, never on which thread
 * runs it.
 *
 * <p>Not thread-safe: holds scratch space. One per worker thread.
 */
final class RowSolver {

    /** Interactions kept gathered across conjugate-gradient passes; longer rows are re-gathered per pass. */
    private static final int RESIDENT = 2048;

    /**
     * From this many interactions on, projections {@code q_i . v} are computed from the transposed rows as a
     * vectorized combination ({@code sum_a v_a Q^T[a]}); below it, as scalar dot products, which is cheaper
     * than transposing a handful of rows.
     */
    private static final int TRANSPOSE_FROM = 16;

    private final int d;
    private final double[][] system;
    private final double[] rhs;
    private final double[] rowCopy;
    private final float[] x;
    private final float[] residual;
    private final float[] direction;
    private final float[] product;
    private final float[] preconditioned;
    private final float[] inverseDiagonal;
    private int capacity;
    private float[][] gathered;
    private float[] confidence;
    private float[] coefficient;
    private float[] projection;
    private float[][] transposed;

    RowSolver(int factors) {
        this.d = factors;
        this.system = new double[factors][factors];
        this.rhs = new double[factors];
        this.rowCopy = new double[factors];
        this.x = new float[factors];
        this.residual = new float[factors];
        this.direction = new float[factors];
        this.product = new float[factors];
        this.preconditioned = new float[factors];
        this.inverseDiagonal = new float[factors];
        this.gathered = new float[0][];
        this.confidence = new float[0];
        this.coefficient = new float[0];
        this.projection = new float[0];
        this.transposed = new float[factors][0];
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
     * Improves {@code x = out[outFrom..outFrom+d)} by {@code steps} steps of Jacobi-preconditioned conjugate
     * gradient on {@code A x = b}, warm-started from its current value, without forming {@code A}. Works in
     * the eigenbasis of the fixed side's Gramian: {@code fixed} must already be rotated into it
     * ({@link Eigenbasis#rotateRows}); the row's current value is rotated here, and the result is written
     * back in the new basis.
     */
    void conjugateGradient(int[] columns, float[] confidences, int from, int to, float[] fixed, Eigenbasis basis,
                           float unobservedWeight, float regularization, int steps, float[] out, int outFrom) {
        boolean resident = to - from <= RESIDENT;
        if (resident) {
            gather(columns, confidences, from, to, fixed);
        }
        float[] eigenvalues = basis.eigenvalues();
        float[] r = residual;
        float[] p = direction;
        float[] ap = product;
        float[] z = preconditioned;
        System.arraycopy(out, outFrom, p, 0, d);
        basis.rotate(p, x);
        // The diagonal of A: alpha0 lambda + reg + sum_i (c_i - alpha0) q_i^2, inverted.
        for (int a = 0; a < d; a++) {
            inverseDiagonal[a] = unobservedWeight * eigenvalues[a] + regularization;
        }
        addSquares(columns, confidences, from, to, fixed, unobservedWeight, resident, inverseDiagonal);
        for (int a = 0; a < d; a++) {
            inverseDiagonal[a] = 1f / inverseDiagonal[a];
        }
        // r = b - A x = sum_i (c_i - (c_i - alpha0) q_i.x) q_i - (alpha0 lambda + reg) x
        for (int a = 0; a < d; a++) {
            r[a] = -(unobservedWeight * eigenvalues[a] + regularization) * x[a];
        }
        addInteractions(x, true, columns, confidences, from, to, fixed, unobservedWeight, resident, r);
        for (int a = 0; a < d; a++) {
            z[a] = inverseDiagonal[a] * r[a];
        }
        System.arraycopy(z, 0, p, 0, d);
        float rz = DenseKernels.dot(r, z, d);
        for (int step = 0; step < steps && rz > 1e-24f; step++) {
            // ap = A p = (alpha0 lambda + reg) p + sum_i (c_i - alpha0) (q_i.p) q_i
            for (int a = 0; a < d; a++) {
                ap[a] = (unobservedWeight * eigenvalues[a] + regularization) * p[a];
            }
            addInteractions(p, false, columns, confidences, from, to, fixed, unobservedWeight, resident, ap);
            float curvature = DenseKernels.dot(p, ap, d);
            if (!(curvature > 0f)) {
                break;
            }
            float stepLength = rz / curvature;
            DenseKernels.axpy(stepLength, p, x, d);
            DenseKernels.axpy(-stepLength, ap, r, d);
            for (int a = 0; a < d; a++) {
                z[a] = inverseDiagonal[a] * r[a];
            }
            float rzNext = DenseKernels.dot(r, z, d);
            float beta = rzNext / rz;
            for (int a = 0; a < d; a++) {
                p[a] = z[a] + beta * p[a];
            }
            rz = rzNext;
        }
        System.arraycopy(x, 0, out, outFrom, d);
    }

    /** {@code diagonal += sum_i (c_i - alpha0) q_i * q_i} (element-wise squares). */
    private void addSquares(int[] columns, float[] confidences, int from, int to, float[] fixed,
                            float unobservedWeight, boolean resident, float[] diagonal) {
        for (int blockFrom = from; blockFrom < to; blockFrom += RESIDENT) {
            int blockTo = Math.min(to, blockFrom + RESIDENT);
            if (!resident) {
                gather(columns, confidences, blockFrom, blockTo, fixed);
            }
            int m = padded(blockTo - blockFrom);
            for (int i = 0; i < m; i++) {
                float weight = confidence[i] == 0f ? 0f : confidence[i] - unobservedWeight;
                float[] row = gathered[i];
                for (int a = 0; a < d; a++) {
                    diagonal[a] += weight * row[a] * row[a];
                }
            }
        }
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
            int m = padded(blockTo - blockFrom);
            if (m >= TRANSPOSE_FROM) {
                Arrays.fill(projection, 0, m, 0f);
                DenseKernels.combine(v, transposed, d, projection, m);
            } else {
                for (int i = 0; i < m; i++) {
                    projection[i] = DenseKernels.dot(gathered[i], v, d);
                }
            }
            for (int i = 0; i < m; i++) {
                float c = confidence[i];
                float w = c == 0f ? 0f : (c - unobservedWeight) * projection[i];
                coefficient[i] = residualTerm ? c - w : w;
            }
            DenseKernels.combine(coefficient, gathered, m, out, d);
        }
    }

    /** Copies the item vectors of interactions {@code [from, to)} into the scratch rows. */
    private void gather(int[] columns, float[] confidences, int from, int to, float[] fixed) {
        int m = to - from;
        ensureCapacity(padded(m));
        for (int i = 0; i < m; i++) {
            float[] row = gathered[i];
            System.arraycopy(fixed, columns[from + i] * d, row, 0, d);
            confidence[i] = confidences[from + i];
        }
        // Up to three zero rows with zero confidence, so that combinations run four rows at a time.
        for (int i = m; i < padded(m); i++) {
            java.util.Arrays.fill(gathered[i], 0f);
            confidence[i] = 0f;
        }
        if (padded(m) >= TRANSPOSE_FROM) {
            for (int i = 0; i < padded(m); i++) {
                float[] row = gathered[i];
                for (int a = 0; a < d; a++) {
                    transposed[a][i] = row[a];
                }
            }
        }
    }

    private static int padded(int m) {
        return (m + 3) & ~3;
    }

    private void ensureCapacity(int m) {
        if (m <= capacity) {
            return;
        }
        int grown = Math.min(RESIDENT, padded(Math.max(m, 2 * capacity)));
        float[][] rows = Arrays.copyOf(gathered, grown);
        for (int i = capacity; i < grown; i++) {
            rows[i] = new float[d];
        }
        gathered = rows;
        confidence = new float[grown];
        coefficient = new float[grown];
        projection = new float[grown];
        for (int a = 0; a < d; a++) {
            transposed[a] = new float[grown];
        }
        capacity = grown;
    }
}
