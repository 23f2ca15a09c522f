package dev.setlist.scorer.baseline;

import dev.setlist.scorer.Recommender;
import dev.setlist.scorer.data.Interactions;

import java.util.Arrays;
import java.util.Objects;

/**
 * Item-based nearest neighbours (Sarwar et al. 2001, Deshpande and Karypis 2004) with cosine
 * similarity between the items' columns of confidence weights:
 * {@code sim(i, j) = sum_u w_ui w_uj / (|w_i| |w_j|)}. Each item keeps its
 * {@link ItemKnnSettings#neighbours()} most similar items; a person's score for item {@code j} is
 * the sum of their weight times similarity over the items of their history among {@code j}'s
 * neighbours.
 *
 * <p>Fitting visits, for each item, every person who interacted with it and every item of theirs:
 * {@code sum over people of (history length)^2} steps, with one dense accumulator row.
 * Deterministic: equal similarities are broken by the lower item index.
 *
 * <p>Holds only its settings: immutable, share freely.
 */
public final class ItemKnnTrainer implements Recommender {

    private final ItemKnnSettings settings;

    public ItemKnnTrainer(ItemKnnSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public ItemKnnSettings settings() {
        return settings;
    }

    @Override
    public String name() {
        return "item-kNN";
    }

    /**
     * @throws IllegalArgumentException when {@code data} holds no interaction
     */
    @Override
    public ItemKnnModel fit(Interactions data) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("item-kNN cannot be fitted to data with no interactions");
        }
        int itemCount = data.itemCount();
        int[] itemPointers = data.itemPointers();
        int[] itemUsers = data.itemUsers();
        float[] itemWeights = data.itemWeights();
        int[] userPointers = data.userPointers();
        int[] userItems = data.userItems();
        float[] userWeights = data.userWeights();

        double[] norms = new double[itemCount];
        for (int item = 0; item < itemCount; item++) {
            double sum = 0;
            for (int k = itemPointers[item]; k < itemPointers[item + 1]; k++) {
                sum += (double) itemWeights[k] * itemWeights[k];
            }
            norms[item] = Math.sqrt(sum);
        }

        int k = settings.neighbours();
        // Neighbour lists of every item, k slots each, compacted at the end.
        int[] neighbourCounts = new int[itemCount];
        int[] neighbourItems = new int[Math.multiplyExact(itemCount, Math.min(k, Math.max(1, itemCount - 1)))];
        float[] neighbourSimilarities = new float[neighbourItems.length];
        int slotsPerItem = neighbourItems.length / itemCount;

        double[] dots = new double[itemCount];
        int[] touched = new int[itemCount];
        long[] keys = new long[itemCount];
        for (int item = 0; item < itemCount; item++) {
            if (norms[item] == 0) {
                continue;
            }
            int touchedCount = 0;
            for (int e = itemPointers[item]; e < itemPointers[item + 1]; e++) {
                int user = itemUsers[e];
                double weight = itemWeights[e];
                for (int f = userPointers[user]; f < userPointers[user + 1]; f++) {
                    int other = userItems[f];
                    if (dots[other] == 0) {
                        touched[touchedCount++] = other;
                    }
                    dots[other] += weight * userWeights[f];
                }
            }
            int candidates = 0;
            for (int t = 0; t < touchedCount; t++) {
                int other = touched[t];
                if (other != item) {
                    float similarity = (float) (dots[other] / (norms[item] * norms[other]));
                    keys[candidates++] = rankKey(similarity, other);
                }
                dots[other] = 0;
            }
            int kept = selectSmallest(keys, candidates, slotsPerItem);
            int base = item * slotsPerItem;
            for (int s = 0; s < kept; s++) {
                int other = (int) (keys[s] & Integer.MAX_VALUE);
                neighbourItems[base + s] = other;
                neighbourSimilarities[base + s] = Float.intBitsToFloat(Integer.MAX_VALUE - (int) (keys[s] >>> 31));
            }
            neighbourCounts[item] = kept;
        }
        return ItemKnnModel.fromNeighbourLists(itemCount, slotsPerItem, neighbourCounts, neighbourItems,
                neighbourSimilarities);
    }

    /**
     * A key that sorts by similarity descending, then item index ascending. Similarities are
     * non-negative here, so their IEEE bits order like the values.
     */
    private static long rankKey(float similarity, int item) {
        long descending = Integer.MAX_VALUE - Float.floatToIntBits(similarity);
        return (descending << 31) | item;
    }

    /**
     * Moves the {@code k} smallest of {@code keys[0..count)} to the front, sorted ascending, and
     * returns how many that is ({@code min(k, count)}). A bounded max-heap: {@code O(count log k)}.
     */
    static int selectSmallest(long[] keys, int count, int k) {
        int size = Math.min(k, count);
        if (size == 0) {
            return 0;
        }
        for (int i = size / 2 - 1; i >= 0; i--) {
            siftDown(keys, i, size);
        }
        for (int i = size; i < count; i++) {
            if (keys[i] < keys[0]) {
                keys[0] = keys[i];
                siftDown(keys, 0, size);
            }
        }
        Arrays.sort(keys, 0, size);
        return size;
    }

    private static void siftDown(long[] heap, int index, int size) {
        long value = heap[index];
        while (true) {
            int child = 2 * index + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && heap[child + 1] > heap[child]) {
                child++;
            }
            if (heap[child] <= value) {
                break;
            }
            heap[index] = heap[child];
            index = child;
        }
        heap[index] = value;
    }
}
