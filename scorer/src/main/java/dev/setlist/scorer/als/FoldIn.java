package dev.setlist.scorer.als;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * One person's fold-in: the vector {@code x = A^-1 b} and the Cholesky factor {@code L} of the system
 * matrix {@code A} it was solved from. Read as a Bayesian linear model with unit noise, {@code A} is the
 * posterior precision of {@code x}: the posterior variance of an item's score is {@code q^T A^-1 q}, and
 * {@code x + L^-T z} with standard normal {@code z} is a posterior sample (Thompson sampling). Both give
 * exploration an uncertainty per (person, item) at {@code O(d^2)} per item or per sample.
 *
 * <p>Immutable; share freely.
 */
public final class FoldIn {

    private final AlsModel model;
    private final float[] vector;
    private final double[][] factor;
    private final double regularization;

    FoldIn(AlsModel model, float[] vector, double[][] factor, double regularization) {
        this.model = model;
        this.vector = vector;
        this.factor = factor;
        this.regularization = regularization;
    }

    /** The model this fold-in belongs to. */
    public AlsModel model() {
        return model;
    }

    /** A copy of the person's vector. */
    public float[] vector() {
        return vector.clone();
    }

    /** The taste score of {@code item}: {@code q_item . x}. */
    public float score(int item) {
        return model.itemDot(item, vector);
    }

    /** {@code q^T A^-1 q} for the vector of {@code item}: how unsure the model is of this person's score. */
    public double variance(int item) {
        int d = model.factors();
        float[] q = model.itemVector(item);
        double[] z = new double[d];
        for (int a = 0; a < d; a++) {
            z[a] = q[a];
        }
        Cholesky.forward(factor, d, z);
        double sum = 0;
        for (double value : z) {
            sum += value * value;
        }
        return sum;
    }

    /**
     * {@link #variance(int)} of several items at once: {@code out[c]} for {@code items[c]}. The triangular solve
     * runs on all of them together (each step an operation on a row of the items' coordinates, which the
     * processor vectorizes), several times faster than item by item for a few dozen items or more. The values
     * agree with {@link #variance(int)} to rounding.
     */
    public void variances(int[] items, double[] out) {
        int d = model.factors();
        int m = items.length;
        if (out.length < m) {
            throw new IllegalArgumentException("out has length " + out.length + ", need " + m);
        }
        double[][] z = new double[d][m];
        float[] row = new float[d];
        for (int c = 0; c < m; c++) {
            model.copyItemVector(java.util.Objects.checkIndex(items[c], model.itemCount()), row);
            for (int a = 0; a < d; a++) {
                z[a][c] = row[a];
            }
        }
        // Forward substitution L Z = Q, row by row of Z: z_i = (q_i - sum_{j<i} L_ij z_j) / L_ii.
        for (int i = 0; i < d; i++) {
            double[] zi = z[i];
            double[] li = factor[i];
            for (int j = 0; j < i; j++) {
                DenseKernels.axpy(-li[j], z[j], zi, m);
            }
            double pivot = li[i];
            for (int c = 0; c < m; c++) {
                zi[c] /= pivot;
            }
        }
        Arrays.fill(out, 0, m, 0);
        for (int i = 0; i < d; i++) {
            double[] zi = z[i];
            for (int c = 0; c < m; c++) {
                out[c] += zi[c] * zi[c];
            }
        }
    }

    /**
     * An upper bound on {@link #variance(int)} at the cost of four divisions: the variance under the prior
     * part of {@code A} alone, {@code alpha0 G + reg I}, bounded over four bands of the Gramian's
     * eigen-coordinates. Tight for items unlike the history (whose variance the history hardly reduces);
     * lets candidate selection skip exact variances that cannot matter.
     */
    public double varianceUpperBound(int item) {
        return model.varianceBound(item, regularization);
    }

    /**
     * For every item, an upper bound on its posterior standard deviation ({@code sqrt} of
     * {@link #varianceUpperBound}, rounded up to a float). The table depends only on the model and this
     * fold-in's regularization, so the model keeps it for the regularization last asked for: requests share it.
     * Read only; the array must not be changed.
     */
    public float[] standardDeviationBounds() {
        return model.standardDeviationBounds(regularization);
    }

    /** A draw from the posterior of the person's vector: {@code x + L^-T z}, {@code z ~ N(0, I)}. */
    public float[] sample(RandomGenerator random) {
        int d = model.factors();
        double[] z = new double[d];
        for (int a = 0; a < d; a++) {
            z[a] = random.nextGaussian();
        }
        Cholesky.backward(factor, d, z);
        float[] draw = new float[d];
        for (int a = 0; a < d; a++) {
            draw[a] = (float) (vector[a] + z[a]);
        }
        return draw;
    }

    @Override
    public String toString() {
        return "FoldIn" + Arrays.toString(vector);
    }
}
