package dev.setlist.scorer.content;

import dev.setlist.scorer.als.AlsModel;
import dev.setlist.scorer.catalog.ItemProfile;

import java.util.List;
import java.util.Objects;

/**
 * Fits the map from item features to the latent space: ridge regression of the (centred) vectors of the
 * items that have interactions on their feature vectors,
 * <pre>
 *   W = argmin sum_(warm i) |x_i W + mu - q_i|^2 + ridge |W|^2,   mu = mean of the warm q_i
 * </pre>
 * solved from the normal equations {@code (X^T X + ridge I) W = X^T (Q - mu)} by conjugate gradient with
 * a Jacobi preconditioner, all {@code d} columns at once, in double precision. {@code X^T X} is never
 * formed: each iteration costs two passes over the warm items' features.
 *
 * <p>Immutable; share freely.
 */
public final class ContentTrainer {

    private final ContentSettings settings;

    public ContentTrainer(ContentSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Fits on {@code catalog} (list position = item index; it may extend beyond the model's items with
     * items added since training) and the model's vectors of its warm items (those with interactions).
     *
     * @throws IllegalArgumentException when the catalog is shorter than the model's item count
     */
    public ContentModel fit(List<ItemProfile> catalog, AlsModel model) {
        Objects.requireNonNull(model, "model");
        if (catalog.size() < model.itemCount()) {
            throw new IllegalArgumentException("the catalog has " + catalog.size() + " items but the model has "
                    + model.itemCount() + "; every model item needs a profile");
        }
        ItemFeatures features = ItemFeatures.of(catalog, settings);
        int d = model.factors();
        int featureCount = features.featureCount();
        int[] warm = warmItems(model);
        double[] mean = new double[d];
        double[][] targets = new double[warm.length][];
        for (int w = 0; w < warm.length; w++) {
            float[] q = model.itemVector(warm[w]);
            targets[w] = new double[d];
            for (int a = 0; a < d; a++) {
                targets[w][a] = q[a];
                mean[a] += q[a] / warm.length;
            }
        }
        for (double[] target : targets) {
            for (int a = 0; a < d; a++) {
                target[a] -= mean[a];
            }
        }
        double[][] weights = solve(features, warm, targets, featureCount, d);
        float[] flat = new float[featureCount * d];
        for (int f = 0; f < featureCount; f++) {
            for (int a = 0; a < d; a++) {
                flat[f * d + a] = (float) weights[f][a];
            }
        }
        float[] meanSingle = new float[d];
        for (int a = 0; a < d; a++) {
            meanSingle[a] = (float) mean[a];
        }
        return new ContentModel(features, d, flat, meanSingle);
    }

    private static int[] warmItems(AlsModel model) {
        int count = 0;
        for (int item = 0; item < model.itemCount(); item++) {
            if (!model.isCold(item)) {
                count++;
            }
        }
        int[] warm = new int[count];
        int n = 0;
        for (int item = 0; item < model.itemCount(); item++) {
            if (!model.isCold(item)) {
                warm[n++] = item;
            }
        }
        return warm;
    }

    /** Preconditioned conjugate gradient on {@code (X^T X + ridge I) W = X^T T}, one independent CG per column. */
    private double[][] solve(ItemFeatures features, int[] warm, double[][] targets, int featureCount, int d) {
        int[] pointers = features.itemPointers();
        int[] indices = features.itemFeatureIndices();
        float[] values = features.itemFeatureValues();
        double ridge = settings.ridge();
        double[] diagonal = new double[featureCount];
        double[][] rhs = new double[featureCount][d];
        for (int w = 0; w < warm.length; w++) {
            int item = warm[w];
            for (int k = pointers[item]; k < pointers[item + 1]; k++) {
                double value = values[k];
                diagonal[indices[k]] += value * value;
                axpy(value, targets[w], rhs[indices[k]], d);
            }
        }
        double[] inverseDiagonal = new double[featureCount];
        for (int f = 0; f < featureCount; f++) {
            inverseDiagonal[f] = 1 / (diagonal[f] + ridge);
        }
        double[][] solution = new double[featureCount][d];
        double[][] residual = new double[featureCount][];
        double[][] preconditioned = new double[featureCount][d];
        double[][] direction = new double[featureCount][d];
        double[][] product = new double[featureCount][d];
        for (int f = 0; f < featureCount; f++) {
            residual[f] = rhs[f].clone();
        }
        double[] rz = new double[d];
        double[] initialNorm = new double[d];
        for (int f = 0; f < featureCount; f++) {
            for (int a = 0; a < d; a++) {
                double z = inverseDiagonal[f] * residual[f][a];
                preconditioned[f][a] = z;
                direction[f][a] = z;
                rz[a] += residual[f][a] * z;
                initialNorm[a] += residual[f][a] * residual[f][a];
            }
        }
        double[] itemTerm = new double[d];
        double tolerance = settings.tolerance() * settings.tolerance();
        for (int iteration = 0; iteration < settings.maxIterations(); iteration++) {
            // product = (X^T X + ridge I) direction, item by item.
            for (int f = 0; f < featureCount; f++) {
                for (int a = 0; a < d; a++) {
                    product[f][a] = ridge * direction[f][a];
                }
            }
            for (int item : warm) {
                java.util.Arrays.fill(itemTerm, 0);
                for (int k = pointers[item]; k < pointers[item + 1]; k++) {
                    axpy(values[k], direction[indices[k]], itemTerm, d);
                }
                for (int k = pointers[item]; k < pointers[item + 1]; k++) {
                    axpy(values[k], itemTerm, product[indices[k]], d);
                }
            }
            double[] curvature = new double[d];
            for (int f = 0; f < featureCount; f++) {
                for (int a = 0; a < d; a++) {
                    curvature[a] += direction[f][a] * product[f][a];
                }
            }
            double[] step = new double[d];
            for (int a = 0; a < d; a++) {
                step[a] = curvature[a] > 0 ? rz[a] / curvature[a] : 0;
            }
            double[] rzNext = new double[d];
            double[] residualNorm = new double[d];
            for (int f = 0; f < featureCount; f++) {
                for (int a = 0; a < d; a++) {
                    solution[f][a] += step[a] * direction[f][a];
                    residual[f][a] -= step[a] * product[f][a];
                    double z = inverseDiagonal[f] * residual[f][a];
                    preconditioned[f][a] = z;
                    rzNext[a] += residual[f][a] * z;
                    residualNorm[a] += residual[f][a] * residual[f][a];
                }
            }
            boolean converged = true;
            for (int a = 0; a < d; a++) {
                converged &= residualNorm[a] <= tolerance * initialNorm[a];
            }
            if (converged) {
                break;
            }
            for (int f = 0; f < featureCount; f++) {
                for (int a = 0; a < d; a++) {
                    double beta = rz[a] > 0 ? rzNext[a] / rz[a] : 0;
                    direction[f][a] = preconditioned[f][a] + beta * direction[f][a];
                }
            }
            rz = rzNext;
        }
        return solution;
    }

    private static void axpy(double a, double[] x, double[] y, int n) {
        for (int j = 0; j < n; j++) {
            y[j] += a * x[j];
        }
    }
}
