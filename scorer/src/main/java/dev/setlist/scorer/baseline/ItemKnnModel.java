package dev.setlist.scorer.baseline;

import dev.setlist.scorer.RecommenderModel;
import dev.setlist.scorer.data.UserHistory;

import java.util.Arrays;

/**
 * Item-to-item similarities, pruned to each item's nearest neighbours, stored for scoring: row
 * {@code i} lists every item {@code j} that has {@code i} among its neighbours, with
 * {@code sim(i, j)}. Scoring a history therefore touches only the rows of its items:
 * {@code score(j) = sum over history items i of w_i sim(i, j)}.
 *
 * <p>Immutable; share freely.
 */
public final class ItemKnnModel implements RecommenderModel {

    private final int itemCount;
    private final int[] rowPointers;
    private final int[] columns;
    private final float[] similarities;

    private ItemKnnModel(int itemCount, int[] rowPointers, int[] columns, float[] similarities) {
        this.itemCount = itemCount;
        this.rowPointers = rowPointers;
        this.columns = columns;
        this.similarities = similarities;
    }

    /**
     * Builds the scoring rows from neighbour lists: item {@code j}'s {@code counts[j]} neighbours sit at
     * {@code [j * slots, j * slots + counts[j])} of {@code items} and {@code values}.
     */
    static ItemKnnModel fromNeighbourLists(int itemCount, int slots, int[] counts, int[] items, float[] values) {
        int[] pointers = new int[itemCount + 1];
        for (int j = 0; j < itemCount; j++) {
            for (int s = 0; s < counts[j]; s++) {
                pointers[items[j * slots + s] + 1]++;
            }
        }
        for (int i = 0; i < itemCount; i++) {
            pointers[i + 1] += pointers[i];
        }
        int[] next = Arrays.copyOf(pointers, itemCount);
        int[] columns = new int[pointers[itemCount]];
        float[] similarities = new float[pointers[itemCount]];
        // Visiting j in increasing order keeps every row sorted by column.
        for (int j = 0; j < itemCount; j++) {
            for (int s = 0; s < counts[j]; s++) {
                int i = items[j * slots + s];
                int slot = next[i]++;
                columns[slot] = j;
                similarities[slot] = values[j * slots + s];
            }
        }
        return new ItemKnnModel(itemCount, pointers, columns, similarities);
    }

    @Override
    public int itemCount() {
        return itemCount;
    }

    /** Number of stored similarities. */
    public int size() {
        return columns.length;
    }

    /**
     * The similarity of {@code i} to {@code j} as used in scoring: {@code sim(i, j)} when {@code i} is
     * one of {@code j}'s neighbours, otherwise {@code 0}.
     */
    public float similarity(int i, int j) {
        int position = Arrays.binarySearch(columns, rowPointers[i], rowPointers[i + 1], j);
        return position >= 0 ? similarities[position] : 0f;
    }

    @Override
    public void score(UserHistory history, float[] scores) {
        Arrays.fill(scores, 0, itemCount, 0f);
        int[] items = history.items();
        float[] weights = history.weights();
        for (int h = 0; h < items.length; h++) {
            int i = items[h];
            if (i >= itemCount) {
                continue;
            }
            float weight = weights[h];
            for (int k = rowPointers[i]; k < rowPointers[i + 1]; k++) {
                scores[columns[k]] += weight * similarities[k];
            }
        }
    }
}
