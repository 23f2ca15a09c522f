package dev.setlist.scorer.baseline;

import dev.setlist.scorer.data.Interactions;
import dev.setlist.scorer.data.UserHistory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ItemKnnTrainerTest {

    /*
     * On EaseTrainerTest's data ({a, b}, {b, c}, {a, b, c}), the item columns have norms sqrt 2,
     * sqrt 3 and sqrt 2, so sim(a, b) = sim(b, c) = 2 / sqrt 6 and sim(a, c) = 1 / 2.
     */
    private static final float AB = (float) (2 / Math.sqrt(6));
    private static final float AC = 0.5f;

    @Test
    void computesCosineSimilarities() {
        ItemKnnModel model = new ItemKnnTrainer(new ItemKnnSettings(2)).fit(EaseTrainerTest.smallData());
        assertThat(model.similarity(0, 1)).isCloseTo(AB, within(1e-6f));
        assertThat(model.similarity(1, 0)).isCloseTo(AB, within(1e-6f));
        assertThat(model.similarity(1, 2)).isCloseTo(AB, within(1e-6f));
        assertThat(model.similarity(0, 2)).isCloseTo(AC, within(1e-6f));
        assertThat(model.similarity(0, 0)).isZero();
        assertThat(model.similarity(0, 3)).isZero();
    }

    @Test
    void scoresAnItemFromTheHistoryItemsAmongItsNeighbours() {
        ItemKnnModel model = new ItemKnnTrainer(new ItemKnnSettings(2)).fit(EaseTrainerTest.smallData());
        float[] scores = new float[4];
        model.score(new UserHistory(new int[] {0}, new float[] {2f}), scores);
        assertThat(scores).containsExactly(new float[] {0, 2 * AB, 2 * AC, 0}, within(1e-6f));
    }

    @Test
    void keepsOnlyTheNearestNeighboursBreakingTiesByIndex() {
        // One neighbour each: a -> b, b -> a (a and c tie at 2 / sqrt 6; a has the lower index), c -> b.
        ItemKnnModel model = new ItemKnnTrainer(new ItemKnnSettings(1)).fit(EaseTrainerTest.smallData());
        assertThat(model.size()).isEqualTo(3);
        float[] scores = new float[4];
        model.score(new UserHistory(new int[] {0}, new float[] {1f}), scores);
        // a is b's neighbour, so b scores sim(a, b); a is not c's neighbour, so c scores nothing.
        assertThat(scores).containsExactly(new float[] {0, AB, 0, 0}, within(1e-6f));
        model.score(new UserHistory(new int[] {2}, new float[] {1f}), scores);
        assertThat(scores).containsExactly(new float[] {0, 0, 0, 0}, within(1e-6f));
        model.score(new UserHistory(new int[] {1}, new float[] {1f}), scores);
        assertThat(scores).containsExactly(new float[] {AB, 0, AB, 0}, within(1e-6f));
    }

    @Test
    void selectsTheSmallestKeysInOrder() {
        long[] keys = {9, 3, 7, 1, 8, 2, 6};
        int kept = ItemKnnTrainer.selectSmallest(keys, keys.length, 3);
        assertThat(kept).isEqualTo(3);
        assertThat(keys).startsWith(1, 2, 3);
        assertThat(ItemKnnTrainer.selectSmallest(new long[] {5, 4}, 2, 10)).isEqualTo(2);
    }

    @Test
    void refusesEmptyData() {
        Interactions empty = Interactions.builder().addItem("a").build();
        assertThatThrownBy(() -> new ItemKnnTrainer(ItemKnnSettings.defaults()).fit(empty))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no interactions");
    }

    @Test
    void settingsRejectFewerThanOneNeighbour() {
        assertThatThrownBy(() -> new ItemKnnSettings(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
