package dev.setlist.scorer.candidates;

/**
 * The best {@code k} (item, score) pairs seen so far: a binary min-heap on parallel primitive arrays, so
 * selecting from a whole catalog costs {@code O(n log k)} with no boxing and no full sort. Higher scores
 * win; between equal scores the lower item index wins, so results never depend on the order of offers.
 *
 * <p>Not thread-safe; one per selection.
 */
final class TopK {

    private final int capacity;
    private final int[] items;
    private final float[] scores;
    private int size;

    TopK(int capacity) {
        this.capacity = capacity;
        this.items = new int[capacity];
        this.scores = new float[capacity];
    }

    boolean isFull() {
        return size == capacity;
    }

    int size() {
        return size;
    }

    /** The score an offer must beat once full; negative infinity before. */
    float threshold() {
        return isFull() && capacity > 0 ? scores[0] : Float.NEGATIVE_INFINITY;
    }

    /** Offers a pair; returns whether it was kept. */
    boolean offer(int item, float score) {
        if (capacity == 0) {
            return false;
        }
        if (size < capacity) {
            items[size] = item;
            scores[size] = score;
            siftUp(size++);
            return true;
        }
        if (!worse(items[0], scores[0], item, score)) {
            return false;
        }
        items[0] = item;
        scores[0] = score;
        siftDown(0);
        return true;
    }

    /** The kept items, best first (empties the heap). */
    int[] drainBestFirst() {
        int[] result = new int[size];
        for (int k = size - 1; k >= 0; k--) {
            result[k] = items[0];
            size--;
            items[0] = items[size];
            scores[0] = scores[size];
            siftDown(0);
        }
        return result;
    }

    /** Whether (a, aScore) ranks below (b, bScore). */
    private static boolean worse(int a, float aScore, int b, float bScore) {
        return aScore < bScore || (aScore == bScore && a > b);
    }

    private void siftUp(int position) {
        int item = items[position];
        float score = scores[position];
        while (position > 0) {
            int parent = (position - 1) >>> 1;
            if (!worse(item, score, items[parent], scores[parent])) {
                break;
            }
            items[position] = items[parent];
            scores[position] = scores[parent];
            position = parent;
        }
        items[position] = item;
        scores[position] = score;
    }

    private void siftDown(int position) {
        if (size == 0) {
            return;
        }
        int item = items[position];
        float score = scores[position];
        while (true) {
            int child = 2 * position + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && worse(items[child + 1], scores[child + 1], items[child], scores[child])) {
                child++;
            }
            if (!worse(items[child], scores[child], item, score)) {
                break;
            }
            items[position] = items[child];
            scores[position] = scores[child];
            position = child;
        }
        items[position] = item;
        scores[position] = score;
    }
}
