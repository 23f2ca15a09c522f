package dev.setlist.scorer.session;

import java.util.Arrays;

/**
 * Items likely to come next in a session, strongest first, with their scores in (0, 1].
 *
 * <p>Immutable by convention: the arrays belong to this record and must not be changed.
 */
public record NextItems(int[] items, float[] scores) {

    public static final NextItems NONE = new NextItems(new int[0], new float[0]);

    public NextItems {
        if (items.length != scores.length) {
            throw new IllegalArgumentException("items and scores differ in length");
        }
    }

    public int size() {
        return items.length;
    }

    public boolean isEmpty() {
        return items.length == 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NextItems that && Arrays.equals(items, that.items) && Arrays.equals(scores, that.scores);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(items) + Arrays.hashCode(scores);
    }

    @Override
    public String toString() {
        return "NextItems" + Arrays.toString(items);
    }
}
