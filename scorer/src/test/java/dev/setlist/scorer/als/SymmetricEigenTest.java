package dev.setlist.scorer.als;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SymmetricEigenTest {

    @Test
    void decomposesAHandComputedMatrix() {
        // [[2, 1], [1, 2]] has eigenvalues 1 and 3.
        double[] values = SymmetricEigen.of(new double[] {2, 1, 1, 2}, 2).values().clone();
        Arrays.sort(values);
        assertThat(values[0]).isCloseTo(1, within(1e-12));
        assertThat(values[1]).isCloseTo(3, within(1e-12));
    }

    @Test
    void reconstructsAGramianAndKeepsTheVectorsOrthonormal() {
        int d = 24;
        double[] gramian = gramian(d, 40, new SplittableRandom(3), 1.0);
        assertDecomposes(gramian, d);
    }

    @Test
    void convergesOnANearlySingularGramianWhereQlIterationGivesUp() {
        // Mostly tiny factors (items nobody played keep their small initial vectors) and one strong row.
        int d = 64;
        double[] gramian = gramian(d, 500, new SplittableRandom(7), 1e-3);
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                gramian[a * d + b] += (a == 0 && b == 0) ? 50 : 0;
            }
        }
        assertDecomposes(gramian, d);
    }

    private static double[] gramian(int d, int rows, SplittableRandom random, double scale) {
        double[] gramian = new double[d * d];
        for (int r = 0; r < rows; r++) {
            double[] q = new double[d];
            for (int a = 0; a < d; a++) {
                q[a] = scale * random.nextGaussian();
            }
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    gramian[a * d + b] += q[a] * q[b];
                }
            }
        }
        return gramian;
    }

    private static void assertDecomposes(double[] matrix, int d) {
        SymmetricEigen eigen = SymmetricEigen.of(matrix, d);
        double[] v = eigen.vectors();
        double norm = 0;
        for (double value : matrix) {
            norm = Math.max(norm, Math.abs(value));
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                double reconstructed = 0;
                double dot = 0;
                for (int k = 0; k < d; k++) {
                    reconstructed += v[a * d + k] * eigen.values()[k] * v[b * d + k];
                    dot += v[k * d + a] * v[k * d + b];
                }
                assertThat(reconstructed).isCloseTo(matrix[a * d + b], within(1e-9 * norm));
                assertThat(dot).isCloseTo(a == b ? 1 : 0, within(1e-9));
            }
        }
        assertThat(Arrays.stream(eigen.values()).min().orElseThrow()).isGreaterThan(-1e-9 * norm);
    }
}
