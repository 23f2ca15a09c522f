package dev.setlist.scorer.als;

/**
 * Eigenvalues and eigenvectors of a small symmetric matrix by cyclic Jacobi rotations. Chosen over
 * Commons Math's {@code EigenDecomposition}, whose QL iteration gives up ("convergence failed") on the
 * nearly singular Gramians of small or sparse data: Jacobi converges for every symmetric matrix, is
 * accurate for tiny eigenvalues, and at {@code d = 64} costs a few million multiplications, once per
 * half-step. Deterministic.
 *
 * <p>Immutable result; share freely.
 *
 * @param values  eigenvalues, in no particular order
 * @param vectors row-major {@code d x d}: column {@code b} is the unit eigenvector of {@code values[b]}
 */
record SymmetricEigen(double[] values, double[] vectors) {

    private static final int MAX_SWEEPS = 100;

    /** Decomposes a symmetric row-major {@code d x d} matrix (only read, never changed). */
    static SymmetricEigen of(double[] symmetric, int d) {
        double[] a = symmetric.clone();
        double[] v = new double[d * d];
        for (int i = 0; i < d; i++) {
            v[i * d + i] = 1;
        }
        double scale = 0;
        for (double value : a) {
            scale += value * value;
        }
        double tolerance = 1e-30 * Math.max(scale, Double.MIN_NORMAL);
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double off = 0;
            for (int p = 0; p < d; p++) {
                for (int q = p + 1; q < d; q++) {
                    off += a[p * d + q] * a[p * d + q];
                }
            }
            if (off <= tolerance) {
                break;
            }
            for (int p = 0; p < d; p++) {
                for (int q = p + 1; q < d; q++) {
                    double apq = a[p * d + q];
                    if (apq == 0) {
                        continue;
                    }
                    double theta = (a[q * d + q] - a[p * d + p]) / (2 * apq);
                    double t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < d; k++) {
                        double akp = a[k * d + p];
                        double akq = a[k * d + q];
                        a[k * d + p] = c * akp - s * akq;
                        a[k * d + q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < d; k++) {
                        double apk = a[p * d + k];
                        double aqk = a[q * d + k];
                        a[p * d + k] = c * apk - s * aqk;
                        a[q * d + k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < d; k++) {
                        double vkp = v[k * d + p];
                        double vkq = v[k * d + q];
                        v[k * d + p] = c * vkp - s * vkq;
                        v[k * d + q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        double[] values = new double[d];
        for (int i = 0; i < d; i++) {
            values[i] = a[i * d + i];
        }
        return new SymmetricEigen(values, v);
    }
}
