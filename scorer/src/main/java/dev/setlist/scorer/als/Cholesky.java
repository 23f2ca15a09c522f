package dev.setlist.scorer.als;

/**
 * In-place Cholesky factorization {@code A = L L^T} of a small dense symmetric positive definite
 * matrix given by rows, and the triangular solves that use it. Only the lower triangle of the input is
 * read; after {@link #factor} it holds {@code L}.
 *
 * <p>Stateless; thread-safe (the arrays passed in are the caller's).
 */
final class Cholesky {

    private Cholesky() {
    }

    /**
     * Overwrites the lower triangle of {@code a} with {@code L}.
     *
     * @throws IllegalStateException when {@code a} is not (numerically) positive definite
     */
    static void factor(double[][] a, int n) {
        for (int j = 0; j < n; j++) {
            double[] rowJ = a[j];
            double diagonal = rowJ[j] - sumOfProducts(rowJ, rowJ, j);
            if (!(diagonal > 0)) {
                throw new IllegalStateException("matrix is not positive definite at column " + j + ": " + diagonal);
            }
            double pivot = Math.sqrt(diagonal);
            rowJ[j] = pivot;
            for (int i = j + 1; i < n; i++) {
                double[] rowI = a[i];
                rowI[j] = (rowI[j] - sumOfProducts(rowI, rowJ, j)) / pivot;
            }
        }
    }

    private static double sumOfProducts(double[] a, double[] b, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int m = 0;
        for (; m + 3 < n; m += 4) {
            s0 += a[m] * b[m];
            s1 += a[m + 1] * b[m + 1];
            s2 += a[m + 2] * b[m + 2];
            s3 += a[m + 3] * b[m + 3];
        }
        for (; m < n; m++) {
            s0 += a[m] * b[m];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Solves {@code L y = b} in place ({@code b} becomes {@code y}). */
    static void forward(double[][] l, int n, double[] b) {
        for (int i = 0; i < n; i++) {
            b[i] = (b[i] - sumOfProducts(l[i], b, i)) / l[i][i];
        }
    }

    /** Solves {@code L^T x = y} in place ({@code y} becomes {@code x}), column by column of {@code L}. */
    static void backward(double[][] l, int n, double[] y) {
        for (int i = n - 1; i >= 0; i--) {
            double[] row = l[i];
            double value = y[i] / row[i];
            y[i] = value;
            // y[0..i) -= value * L[i][0..i): the contribution of x_i to the equations above it.
            DenseKernels.axpy(-value, row, y, i);
        }
    }

    /** Solves {@code L L^T x = b} in place ({@code b} becomes {@code x}). */
    static void solve(double[][] l, int n, double[] b) {
        forward(l, n, b);
        backward(l, n, b);
    }
}
