package dev.setlist.scorer.eval;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopItemsTest {

    @Test
    void ranksByScoreThenByLowerIndex() {
        float[] scores = {0.5f, 2f, 2f, -1f, 3f, -0.0f, 0f};
        assertThat(TopItems.select(scores, scores.length, new int[0], 4)).containsExactly(4, 1, 2, 0);
        assertThat(TopItems.select(scores, scores.length, new int[0], 7)).containsExactly(4, 1, 2, 0, 5, 6, 3);
    }

    @Test
    void leavesOutExcludedItems() {
        float[] scores = {0.5f, 2f, 2f, -1f, 3f};
        assertThat(TopItems.select(scores, scores.length, new int[] {1, 4}, 2)).containsExactly(2, 0);
    }

    @Test
    void returnsFewerWhenFewerItemsRemain() {
        float[] scores = {1f, 2f, 3f};
        assertThat(TopItems.select(scores, scores.length, new int[] {0}, 20)).containsExactly(2, 1);
        assertThat(TopItems.select(scores, 2, new int[0], 20)).containsExactly(1, 0);
    }

    @Test
    void ordersNegativeScoresCorrectly() {
        float[] scores = {-3f, -1e-30f, -2f, Float.NEGATIVE_INFINITY, -1f};
        assertThat(TopItems.select(scores, scores.length, new int[0], 5)).containsExactly(1, 4, 2, 0, 3);
    }

    @Test
    void refusesToRankANanScoreButIgnoresOneOnAnExcludedItem() {
        float[] scores = {1f, Float.NaN, 2f};
        assertThatThrownBy(() -> TopItems.select(scores, scores.length, new int[0], 2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("item 1");
        assertThat(TopItems.select(scores, scores.length, new int[] {1}, 2)).containsExactly(2, 0);
    }
}
