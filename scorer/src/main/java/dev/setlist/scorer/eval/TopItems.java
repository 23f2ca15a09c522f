package dev.setlist.scorer.eval;

import java.util.Arrays;

/**
 * Picks the best {@code k} items from a full score array, leaving out excluded items: a bounded heap
 * over keys that order by score descending, then item index ascending, so that ties are broken the
 * same way every time.
 *
 * <p>Stateless; thread-safe.
 */
final class TopItems {

    private TopItems() {
    }

    /**
     * The indices of the {@code k} highest of {@code scores[0..itemCount)} (fewer when not enough items
     * remain), best first, skipping the items in {@code excluded} (ascending).
     *
     * @throws IllegalStateException when a candidate's score is NaN: a broken model must not be ranked
     */
    static int[] select(float[] scores, int itemCount, int[] excluded, int k) {
        long[] heap = new long[Math.max(0, Math.min(k, itemCount))];
        int size = 0;
        int nextExcluded = 0;
        for (int item = 0; item < itemCount; item++) {
            if (nextExcluded < excluded.length && excluded[nextExcluded] == item) {
                nextExcluded++;
                continue;
            }
            float score = scores[item];
            if (Float.isNaN(score)) {
                throw new IllegalStateException("the model scored item " + item + " as NaN");
            }
            long key = key(score, item);
            if (size < heap.length) {
                heap[size++] = key;
                siftUp(heap, size - 1);
            } else if (size > 0 && key < heap[0]) {
                heap[0] = key;
                siftDown(heap, size);
            }
        }
        long[] kept = Arrays.copyOf(heap, size);
        Arrays.sort(kept);
        int[] ranked = new int[size];
        for (int r = 0; r < size; r++) {
            ranked[r] = (int) (kept[r] & Integer.MAX_VALUE);
        }
        return ranked;
    }

    /**
     * A key where smaller means better: the score's IEEE bits mapped to an order-preserving int,
     * reversed into 32 unsigned bits, above 31 bits of item index.
     */
    private static long key(float score, int item) {
        int bits = Float.floatToIntBits(score + 0.0f);
        int ordered = bits >= 0 ? bits : bits ^ Integer.MAX_VALUE;
        long descending = (long) Integer.MAX_VALUE - ordered;
        return (descending << 31) | item;
    }

    /** Restores the max-heap property upwards from {@code index}. */
    private static void siftUp(long[] heap, int index) {
        long value = heap[index];
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            if (heap[parent] >= value) {
                break;
            }
            heap[index] = heap[parent];
            index = parent;
        }
        heap[index] = value;
    }

    /** Restores the max-heap property downwards from the root. */
    private static void siftDown(long[] heap, int size) {
        long value = heap[0];
        int index = 0;
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
