package dev.setlist.scorer.data;

import java.util.Arrays;

/**
 * One person's interactions as parallel arrays: item indices (strictly increasing) and their
 * confidence weights (finite and positive). This is what every {@link dev.setlist.scorer.RecommenderModel}
 * scores from, whether the person was in the training data or arrived a second ago.
 *
 * <p>Immutable once built; the arrays are owned by this object and must not be changed by callers.
 */
public record UserHistory(int[] items, float[] weights) {

    public static final UserHistory EMPTY = new UserHistory(new int[0], new float[0]);

    public UserHistory {
        if (items.length != weights.length) {
            throw new IllegalArgumentException(
                    "items and weights differ in length: " + items.length + " vs " + weights.length);
        }
        for (int i = 0; i < items.length; i++) {
            if (items[i] < 0) {
                throw new IllegalArgumentException("negative item index " + items[i]);
            }
            if (i > 0 && items[i] <= items[i - 1]) {
                throw new IllegalArgumentException("item indices must be strictly increasing at position " + i);
            }
            if (!(weights[i] > 0f) || !Float.isFinite(weights[i])) {
                throw new IllegalArgumentException(
                        "weight of item " + items[i] + " must be finite and positive, was " + weights[i]);
            }
        }
    }

    public int size() {
        return items.length;
    }

    public boolean isEmpty() {
        return items.length == 0;
    }

    /** Whether {@code item} is in this history (binary search). */
    public boolean contains(int item) {
        return Arrays.binarySearch(items, item) >= 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UserHistory that
                && Arrays.equals(items, that.items)
                && Arrays.equals(weights, that.weights);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(items) + Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return "UserHistory" + Arrays.toString(items);
    }
}
