package dev.setlist.scorer.baseline;

import dev.setlist.scorer.Recommender;
import dev.setlist.scorer.data.Interactions;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * EASE, the "embarrassingly shallow autoencoder" (Steck, WWW 2019): an item-to-item weight matrix
 * {@code B} that reconstructs each person's row of {@code X} from the other items, in closed form:
 * {@code P = (X^T X + lambda I)^-1}, {@code B = I - P diag(1 / diag(P))}, which zeroes
 * {@code diag(B)} so that no item explains itself. Scores are {@code x_u B}.
 *
 * <p>The cost is the inverse of a dense {@code items x items} matrix: {@code items^2} doubles
 * (317 MB for the 6,298 items of ml-latest-small) and {@code items^3 / 2} multiply-adds in
 * {@link CholeskyInverse}; the model keeps {@code B} as floats, half that memory. Items without any
 * interaction are left out of the matrix (their rows and columns of {@code B} are exactly zero),
 * which on ml-latest-small's training split shrinks it from 6,298 to 4,582 items and the work
 * 2.6-fold. That is why EASE
 * is a yardstick for catalogs of tens of thousands of items, not a production model for larger ones.
 * Deterministic: the same data and settings give the same model, with any number of threads.
 *
 * <p>Holds only its settings: immutable, share freely.
 */
public final class EaseTrainer implements Recommender {

    /** The largest item count whose Gram matrix fits in one Java array. */
    public static final int MAX_ITEMS = 46_340;

    private final EaseSettings settings;

    public EaseTrainer(EaseSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public EaseSettings settings() {
        return settings;
    }

    @Override
    public String name() {
        return "EASE";
    }

    /**
     * @throws IllegalArgumentException when {@code data} holds no interaction, or more items with
     *                                  interactions than {@link #MAX_ITEMS} or than the heap can hold
     */
    @Override
    public EaseModel fit(Interactions data) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("EASE cannot be fitted to data with no interactions");
        }
        // An item nobody interacted with has a Gram row of lambda e_i, so its row and column of B
        // are exactly zero: leaving such items out of the inverse changes nothing but its size.
        int itemCount = data.itemCount();
        int[] activeItems = new int[itemCount];
        int[] positionOf = new int[itemCount];
        int n = 0;
        for (int item = 0; item < itemCount; item++) {
            positionOf[item] = data.itemDegree(item) > 0 ? n : -1;
            if (data.itemDegree(item) > 0) {
                activeItems[n++] = item;
            }
        }
        if (n > MAX_ITEMS) {
            throw new IllegalArgumentException("EASE needs a dense " + n + " x " + n
                    + " matrix; at most " + MAX_ITEMS + " items with interactions fit in one array");
        }
        // The double Gram matrix and the float weights live together for a moment.
        long needed = (long) n * n * (Double.BYTES + Float.BYTES);
        long available = Runtime.getRuntime().maxMemory();
        if (needed > available) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "EASE needs about %.1f GB for %d items with interactions; this JVM may use %.1f GB (-Xmx)",
                    needed / 1e9, n, available / 1e9));
        }
        double[] matrix = gramLowerTriangle(data, positionOf, n);
        double lambda = settings.regularization();
        for (int i = 0; i < n; i++) {
            matrix[i * n + i] += lambda;
        }
        CholeskyInverse.invertInPlace(matrix, n, settings.threads());
        double[] negatedInverseDiagonal = new double[n];
        for (int j = 0; j < n; j++) {
            negatedInverseDiagonal[j] = -1.0 / matrix[j * n + j];
        }
        float[] weights = new float[n * n];
        for (int i = 0; i < n; i++) {
            int row = i * n;
            for (int j = 0; j < n; j++) {
                weights[row + j] = (float) (matrix[row + j] * negatedInverseDiagonal[j]);
            }
            weights[row + i] = 0f;
        }
        return new EaseModel(itemCount, Arrays.copyOf(activeItems, n), positionOf, weights);
    }

    /**
     * {@code X^T X} over the active items ({@code positionOf[item] >= 0}) into the lower triangle of a
     * dense row-major matrix, one person at a time.
     */
    private static double[] gramLowerTriangle(Interactions data, int[] positionOf, int n) {
        double[] gram = new double[n * n];
        int[] pointers = data.userPointers();
        int[] items = data.userItems();
        float[] weights = data.userWeights();
        for (int user = 0; user < data.userCount(); user++) {
            // Items are strictly increasing within a row, so items[b] <= items[a] for b <= a.
            for (int a = pointers[user]; a < pointers[user + 1]; a++) {
                int row = positionOf[items[a]] * n;
                double weight = weights[a];
                for (int b = pointers[user]; b <= a; b++) {
                    gram[row + positionOf[items[b]]] += weight * weights[b];
                }
            }
        }
        return gram;
    }
}
