package dev.setlist.scorer.baseline;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CholeskyInverseTest {

    /** A Gram matrix of random binary rows plus a ridge, like EASE's, in full (both triangles). */
    private static double[] randomGram(int n, long seed) {
        Random random = new Random(seed);
        double[] gram = new double[n * n];
        for (int row = 0; row < 3 * n; row++) {
            int[] items = random.ints(1 + random.nextInt(Math.max(1, n / 3)), 0, n).distinct().toArray();
            for (int a : items) {
                for (int b : items) {
                    gram[a * n + b] += 1;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            gram[i * n + i] += 2.5;
        }
        return gram;
    }

    @Test
    void invertsAHandComputedMatrix() {
        // [[3,2,1],[2,4,2],[1,2,3]] has determinant 16 and inverse [[8,-4,0],[-4,8,-4],[0,-4,8]] / 16.
        double[] a = {3, 2, 1, 2, 4, 2, 1, 2, 3};
        CholeskyInverse.invertInPlace(a, 3, 1);
        assertThat(a).containsExactly(new double[] {0.5, -0.25, 0, -0.25, 0.5, -0.25, 0, -0.25, 0.5}, within(1e-15));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 63, 64, 65, 129, 300})
    void agreesWithCommonsMathAcrossPanelBoundaries(int n) {
        double[] a = randomGram(n, n);
        double[][] rows = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a, i * n, rows[i], 0, n);
        }
        RealMatrix expected = new LUDecomposition(new Array2DRowRealMatrix(rows)).getSolver().getInverse();
        CholeskyInverse.invertInPlace(a, n, 2);
        double largestError = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                largestError = Math.max(largestError, Math.abs(a[i * n + j] - expected.getEntry(i, j)));
            }
        }
        assertThat(largestError).isLessThan(1e-12);
    }

    @Test
    void readsOnlyTheLowerTriangle() {
        int n = 70;
        double[] full = randomGram(n, 3);
        double[] lowerOnly = full.clone();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                lowerOnly[i * n + j] = Double.NaN;
            }
        }
        CholeskyInverse.invertInPlace(full, n, 1);
        CholeskyInverse.invertInPlace(lowerOnly, n, 1);
        assertThat(Arrays.equals(lowerOnly, full)).isTrue();
    }

    @Test
    void givesTheSameBitsWithAnyNumberOfThreads() {
        int n = 333;
        double[] one = randomGram(n, 5);
        double[] three = one.clone();
        CholeskyInverse.invertInPlace(one, n, 1);
        CholeskyInverse.invertInPlace(three, n, 3);
        assertThat(Arrays.equals(three, one)).isTrue();
    }

    @Test
    void rejectsAMatrixThatIsNotPositiveDefinite() {
        // Eigenvalues 3 and -1.
        double[] a = {1, 2, 2, 1};
        assertThatThrownBy(() -> CholeskyInverse.invertInPlace(a, 2, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not positive definite")
                .hasMessageContaining("row 1");
    }

    @Test
    void rejectsAnArrayTooShortForTheMatrix() {
        assertThatThrownBy(() -> CholeskyInverse.invertInPlace(new double[8], 3, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 x 3");
    }
}
