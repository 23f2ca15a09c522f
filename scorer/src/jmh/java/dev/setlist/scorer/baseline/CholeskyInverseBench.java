package dev.setlist.scorer.baseline;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

import java.util.Locale;
import java.util.Random;

/**
 * Times {@link CholeskyInverse} against Commons Math's LU and Cholesky inverses on EASE-like Gram
 * matrices (random binary rows plus a ridge), and reports the inverse's accuracy. A plain timing
 * runner: each size is inverted a few times after a warm-up and the best time is kept, which is
 * what matters for a one-shot computation of tens of seconds where JMH's statistics add nothing.
 * <pre>
 *   mvn -o -q -pl scorer test-compile exec:java -Dexec.classpathScope=test \
 *       -Dexec.mainClass=dev.setlist.scorer.baseline.CholeskyInverseBench -Dexec.args="1000 2000 4000"
 * </pre>
 * Sizes above 2,000 skip Commons Math (its generic inverse would take minutes).
 */
public final class CholeskyInverseBench {

    private CholeskyInverseBench() {
    }

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {1000, 2000} : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        int threads = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "%6s  %14s  %14s  %14s  %14s  %12s%n", "n", "Cholesky 1 thr", "Cholesky " + threads + " thr",
                "CM Cholesky", "CM LU", "max |AX - I|");
        CholeskyInverse.invertInPlace(gram(300, 1), 300, threads);
        for (int n : sizes) {
            double[] original = gram(n, n);
            double one = best(original, n, 1, 3);
            double all = best(original, n, threads, 3);
            String commonsCholesky = "-";
            String commonsLu = "-";
            if (n <= 2000) {
                RealMatrix matrix = new Array2DRowRealMatrix(rows(original, n), false);
                long start = System.nanoTime();
                new CholeskyDecomposition(matrix).getSolver().getInverse();
                commonsCholesky = String.format(Locale.ROOT, "%.2f s", (System.nanoTime() - start) / 1e9);
                start = System.nanoTime();
                new LUDecomposition(matrix).getSolver().getInverse();
                commonsLu = String.format(Locale.ROOT, "%.2f s", (System.nanoTime() - start) / 1e9);
            }
            double[] inverse = original.clone();
            CholeskyInverse.invertInPlace(inverse, n, threads);
            System.out.printf(Locale.ROOT, "%6d  %12.2f s  %12.2f s  %14s  %14s  %12.1e   (%.1f GFMA/s on %d threads)%n",
                    n, one, all, commonsCholesky, commonsLu, residual(original, inverse, n),
                    0.5 * n * (double) n * n / all / 1e9, threads);
        }
    }

    private static double best(double[] original, int n, int threads, int repeats) {
        double best = Double.MAX_VALUE;
        for (int r = 0; r < repeats; r++) {
            double[] a = original.clone();
            long start = System.nanoTime();
            CholeskyInverse.invertInPlace(a, n, threads);
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return best;
    }

    /** The largest entry of {@code A X - I} over a sample of rows. */
    private static double residual(double[] a, double[] x, int n) {
        double worst = 0;
        for (int i = 0; i < n; i += Math.max(1, n / 64)) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += a[i * n + k] * x[k * n + j];
                }
                worst = Math.max(worst, Math.abs(sum - (i == j ? 1 : 0)));
            }
        }
        return worst;
    }

    /** A Gram matrix of {@code n / 10} random binary rows of up to 100 items each, plus 200 on the diagonal. */
    static double[] gram(int n, long seed) {
        Random random = new Random(seed);
        double[] gram = new double[n * n];
        for (int row = 0; row < Math.max(10, n / 10); row++) {
            int[] items = random.ints(5 + random.nextInt(95), 0, n).distinct().toArray();
            for (int a : items) {
                for (int b : items) {
                    gram[a * n + b] += 1;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            gram[i * n + i] += 200;
        }
        return gram;
    }

    private static double[][] rows(double[] a, int n) {
        double[][] rows = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a, i * n, rows[i], 0, n);
        }
        return rows;
    }
}
