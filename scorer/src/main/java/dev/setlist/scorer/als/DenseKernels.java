package dev.setlist.scorer.als;

/**
 * The few dense loops that training, fold-in and scoring spend their time in. Every loop that writes
 * runs over arrays from index 0: HotSpot's C2 (Java 17) vectorizes {@code y[j] += a * x[j]} but not
 * {@code y[j] += a * x[from + j]}, because it cannot rule out that {@code x} and {@code y} are one array,
 * and the difference measured here is sevenfold. Callers therefore copy rows out of flat factor arrays
 * ({@link System#arraycopy} is an intrinsic) before working on them. Summation order is fixed, so
 * results are bitwise reproducible.
 *
 * <p>Stateless; thread-safe.
 */
final class DenseKernels {

    private DenseKernels() {
    }

    /** {@code a[aFrom..aFrom+n) . b[0..n)}, with eight independent partial sums (reductions do not vectorize). */
    static float dot(float[] a, int aFrom, float[] b, int n) {
        return dot(a, aFrom, b, 0, n);
    }

    /** {@code a[aFrom..aFrom+n) . b[bFrom..bFrom+n)}, with eight independent partial sums. */
    static float dot(float[] a, int aFrom, float[] b, int bFrom, int n) {
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        float s4 = 0f;
        float s5 = 0f;
        float s6 = 0f;
        float s7 = 0f;
        int j = 0;
        for (; j + 7 < n; j += 8) {
            s0 += a[aFrom + j] * b[bFrom + j];
            s1 += a[aFrom + j + 1] * b[bFrom + j + 1];
            s2 += a[aFrom + j + 2] * b[bFrom + j + 2];
            s3 += a[aFrom + j + 3] * b[bFrom + j + 3];
            s4 += a[aFrom + j + 4] * b[bFrom + j + 4];
            s5 += a[aFrom + j + 5] * b[bFrom + j + 5];
            s6 += a[aFrom + j + 6] * b[bFrom + j + 6];
            s7 += a[aFrom + j + 7] * b[bFrom + j + 7];
        }
        for (; j < n; j++) {
            s0 += a[aFrom + j] * b[bFrom + j];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /** {@code a[0..n) . b[0..n)}. */
    static float dot(float[] a, float[] b, int n) {
        return dot(a, 0, b, n);
    }

    /** {@code y[0..n) += a * x[0..n)}. */
    static void axpy(float a, float[] x, float[] y, int n) {
        for (int j = 0; j < n; j++) {
            y[j] += a * x[j];
        }
    }

    /** {@code y[0..n) += a0 x0 + a1 x1 + a2 x2 + a3 x3}: four rows per pass over {@code y}. */
    static void axpy4(float a0, float[] x0, float a1, float[] x1, float a2, float[] x2, float a3, float[] x3,
                      float[] y, int n) {
        for (int j = 0; j < n; j++) {
            y[j] += (a0 * x0[j] + a1 * x1[j]) + (a2 * x2[j] + a3 * x3[j]);
        }
    }

    /** {@code y[0..n) += sum_r a[r] x[r][0..n)} over {@code rows} rows, four at a time. */
    static void combine(float[] a, float[][] x, int rows, float[] y, int n) {
        combine(a, x, 0, rows, y, n);
    }

    /** {@code y[0..n) += sum_r a[r] x[xFrom + r][0..n)} over {@code rows} rows, four at a time. */
    static void combine(float[] a, float[][] x, int xFrom, int rows, float[] y, int n) {
        int r = 0;
        for (; r + 3 < rows; r += 4) {
            int s = xFrom + r;
            axpy4(a[r], x[s], a[r + 1], x[s + 1], a[r + 2], x[s + 2], a[r + 3], x[s + 3], y, n);
        }
        for (; r < rows; r++) {
            axpy(a[r], x[xFrom + r], y, n);
        }
    }

    /** {@code y[0..n) += a * x[0..n)} in double precision. */
    static void axpy(double a, double[] x, double[] y, int n) {
        for (int j = 0; j < n; j++) {
            y[j] += a * x[j];
        }
    }
}
