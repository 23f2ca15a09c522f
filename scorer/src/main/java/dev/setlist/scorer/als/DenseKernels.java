package dev.setlist.scorer.als;

/**
 * The few dense loops that training, fold-in and scoring spend their time in, written so that the JIT
 * can unroll and vectorize them: flat arrays with offsets, no objects, no bounds beyond the arrays'.
 * Summation order is fixed, so results are bitwise reproducible.
 *
 * <p>Stateless; thread-safe.
 */
final class DenseKernels {

    private DenseKernels() {
    }

    /** {@code a[aFrom..aFrom+n) . b[bFrom..bFrom+n)}, with four independent partial sums. */
    static float dot(float[] a, int aFrom, float[] b, int bFrom, int n) {
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            s0 += a[aFrom + j] * b[bFrom + j];
            s1 += a[aFrom + j + 1] * b[bFrom + j + 1];
            s2 += a[aFrom + j + 2] * b[bFrom + j + 2];
            s3 += a[aFrom + j + 3] * b[bFrom + j + 3];
        }
        for (; j < n; j++) {
            s0 += a[aFrom + j] * b[bFrom + j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** {@code y[yFrom..yFrom+n) += a * x[xFrom..xFrom+n)}. */
    static void axpy(float a, float[] x, int xFrom, float[] y, int yFrom, int n) {
        for (int j = 0; j < n; j++) {
            y[yFrom + j] += a * x[xFrom + j];
        }
    }

    /** {@code out = m v} for a dense row-major symmetric {@code n x n} matrix {@code m}, as a sum of columns. */
    static void symmetricTimes(float[] m, float[] v, float[] out, int n) {
        java.util.Arrays.fill(out, 0, n, 0f);
        for (int c = 0; c < n; c++) {
            float vc = v[c];
            if (vc != 0f) {
                axpy(vc, m, c * n, out, 0, n);
            }
        }
    }

    /**
     * Adds {@code coefficient * x x^T} to the lower triangle (including the diagonal) of the row-major
     * {@code n x n} matrix {@code m}.
     */
    static void addLowerOuter(double[] m, double coefficient, float[] x, int xFrom, int n) {
        for (int r = 0; r < n; r++) {
            double scaled = coefficient * x[xFrom + r];
            int row = r * n;
            for (int c = 0; c <= r; c++) {
                m[row + c] += scaled * x[xFrom + c];
            }
        }
    }

    /** Copies the lower triangle of a row-major {@code n x n} matrix into its upper triangle. */
    static void mirrorLower(double[] m, int n) {
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < r; c++) {
                m[c * n + r] = m[r * n + c];
            }
        }
    }
}
