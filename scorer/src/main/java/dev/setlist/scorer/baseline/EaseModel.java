package dev.setlist.scorer.baseline;

import dev.setlist.scorer.RecommenderModel;
import dev.setlist.scorer.data.UserHistory;

import java.util.Arrays;

/**
 * The dense item-to-item weights {@code B} of EASE (zero diagonal), as floats in row-major order,
 * over the items that had interactions when it was fitted (every other item's row and column are
 * zero). A history's scores are the weighted sum of its items' rows:
 * {@code score(j) = sum_i w_i B[i, j]}.
 *
 * <p>Immutable; share freely.
 */
public final class EaseModel implements RecommenderModel {

    private final int itemCount;
    private final int[] activeItems;
    private final int[] positionOf;
    private final float[] weights;

    /**
     * @param activeItems the items with interactions, ascending; {@code weights} is indexed by their positions
     * @param positionOf  each item's position among the active items, or {@code -1}
     * @param weights     {@code B} over the active items, row-major
     */
    EaseModel(int itemCount, int[] activeItems, int[] positionOf, float[] weights) {
        this.itemCount = itemCount;
        this.activeItems = activeItems;
        this.positionOf = positionOf;
        this.weights = weights;
    }

    @Override
    public int itemCount() {
        return itemCount;
    }

    /** The weight {@code B[i, j]} of item {@code i} in reconstructing item {@code j}. */
    public float weight(int i, int j) {
        int row = positionOf[i];
        int column = positionOf[j];
        return row < 0 || column < 0 ? 0f : weights[row * activeItems.length + column];
    }

    @Override
    public void score(UserHistory history, float[] scores) {
        Arrays.fill(scores, 0, itemCount, 0f);
        int n = activeItems.length;
        int[] items = history.items();
        float[] historyWeights = history.weights();
        for (int h = 0; h < items.length; h++) {
            int i = items[h];
            int position = i < itemCount ? positionOf[i] : -1;
            if (position < 0) {
                continue;
            }
            float w = historyWeights[h];
            int row = position * n;
            for (int j = 0; j < n; j++) {
                scores[activeItems[j]] += w * weights[row + j];
            }
        }
    }
}
