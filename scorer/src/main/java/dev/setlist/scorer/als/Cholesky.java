package dev.setlist.scorer.als;

/**
 * In-place Cholesky factorization {@code A = L L^T} of a small dense symmetric positive definite
 * matrix stored row-major in a {@code double[]}, and the triangular solves that use it. Only the
 * lower triangle of the input is read; after {@link #factor} it holds {@code L}.
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
    static void factor(double[] a, int n) {
        for (int j = 0; j < n; j++) {
            int rowJ = j * n;
            double diagonal = a[rowJ + j];
            for (int m = 0; m < j; m++) {
                diagonal -= a[rowJ + m] * a[rowJ + m];
            }
            if (!(diagonal > 0)) {
                throw new IllegalStateException("matrix is not positive definite at column " + j + ": " + diagonal);
            }
            double pivot = Math.sqrt(diagonal);
            a[rowJ + j] = pivot;
            for (int i = j + 1; i < n; i++) {
                int rowI = i * n;
                double sum = a[rowI + j];
                for (int m = 0; m < j; m++) {
                    sum -= a[rowI + m] * a[rowJ + m];
                }
                a[rowI + j] = sum / pivot;
            }
        }
    }

    /** Solves {@code L y = b} in place ({@code b} becomes {@code y}). */
    static void forward(double[] l, int n, double[] b) {
        for (int i = 0; i < n; i++) {
            int row = i * n;
            double sum = b[i];
            for (int m = 0; m < i; m++) {
                sum -= l[row + m] * b[m];
            }
            b[i] = sum / l[row + i];
        }
    }

    /** Solves {@code L^T x = y} in place ({@code y} becomes {@code x}). */
    static void backward(double[] l, int n, double[] y) {
        for (int i = n - 1; i >= 0; i--) {
            double sum = y[i];
            for (int m = i + 1; m < n; m++) {
                sum -= l[m * n + i] * y[m];
            }
            y[i] = sum / l[i * n + i];
        }
    }

    /** Solves {@code L L^T x = b} in place ({@code b} becomes {@code x}). */
    static void solve(double[] l, int n, double[] b) {
        forward(l, n, b);
        backward(l, n, b);
    }
}
