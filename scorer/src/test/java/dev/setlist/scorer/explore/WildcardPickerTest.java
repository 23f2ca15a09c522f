package dev.setlist.scorer.explore;

import dev.setlist.scorer.als.AlsModel;
import dev.setlist.scorer.als.AlsSettings;
import dev.setlist.scorer.als.AlsTrainer;
import dev.setlist.scorer.data.SyntheticInteractions;
import dev.setlist.scorer.data.UserHistory;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WildcardPickerTest {

    private static final SyntheticInteractions.Clustered DATA =
            SyntheticInteractions.clustered(300, 120, 3, 20, 0.95, 8);
    private static final AlsModel MODEL = new AlsTrainer(AlsSettings.defaults().withFactors(6).withIterations(5)
            .withRegularization(0.05).withThreads(1)).fit(DATA.data());
    private static final WildcardPicker PICKER = new WildcardPicker(MODEL);

    @Test
    void picksFromTheFartherHalfOfTheLeastExposedAndRepeatsForASeed() {
        UserHistory history = DATA.data().history(0);
        int[] pool = IntStream.range(0, MODEL.itemCount()).filter(i -> !history.contains(i)).toArray();

        int[] picked = PICKER.pick(history, pool, 5, 42);

        assertThat(picked).hasSize(5).doesNotHaveDuplicates();
        assertThat(PICKER.pick(history, pool, 5, 42)).containsExactly(picked);
        // The least exposed: no pick was played by more people than the fifth least played item of the pool.
        int ceiling = IntStream.of(pool).map(MODEL::itemFrequency).sorted().toArray()[4];
        assertThat(IntStream.of(picked).map(MODEL::itemFrequency)).allMatch(f -> f <= ceiling);
        int[] leastExposed = IntStream.of(pool).filter(i -> MODEL.itemFrequency(i) <= ceiling).toArray();
        assertThat(leastExposed.length).isLessThan(pool.length / 2);
        // And of those, the farther half from the person's usual taste (at least as many as asked for).
        float[] centroid = PICKER.tasteCentroid(history);
        double[] similarities = IntStream.of(leastExposed).mapToDouble(i -> PICKER.tasteSimilarity(centroid, i))
                .sorted().toArray();
        double farthest = similarities[Math.max(5, (similarities.length + 1) / 2) - 1];
        assertThat(IntStream.of(picked).mapToDouble(i -> PICKER.tasteSimilarity(centroid, i)))
                .allMatch(s -> s <= farthest);
    }

    @Test
    void neverPicksWhatThePersonPlayed() {
        UserHistory history = DATA.data().history(0);
        int[] everything = IntStream.range(0, MODEL.itemCount()).toArray();

        for (long seed = 0; seed < 20; seed++) {
            int[] picked = PICKER.pick(history, everything, 5, seed);
            assertThat(picked).hasSize(5);
            assertThat(IntStream.of(picked)).noneMatch(history::contains);
        }
        assertThat(PICKER.pick(history, history.items(), 3, 1)).isEmpty();
    }

    @Test
    void differentSeedsVaryThePicks() {
        UserHistory history = DATA.data().history(0);
        int[] pool = IntStream.range(0, MODEL.itemCount()).filter(i -> !history.contains(i)).toArray();

        long distinct = IntStream.range(0, 10).mapToObj(seed -> Arrays.toString(PICKER.pick(history, pool, 3, seed)))
                .distinct().count();
        assertThat(distinct).isGreaterThan(1);
    }

    @Test
    void noKnownTasteMeansNoWildcards() {
        assertThat(PICKER.pick(UserHistory.EMPTY, new int[] {1, 2, 3}, 2, 1)).isEmpty();
        assertThat(PICKER.tasteCentroid(UserHistory.EMPTY)).isNull();
        assertThat(PICKER.pick(DATA.data().history(0), new int[0], 2, 1)).isEmpty();
        assertThatThrownBy(() -> PICKER.pick(UserHistory.EMPTY, new int[0], -1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSmallPoolGivesWhatItHas() {
        UserHistory history = DATA.data().history(0);
        int[] pool = IntStream.range(0, MODEL.itemCount()).filter(i -> !history.contains(i)).limit(3).toArray();

        assertThat(PICKER.pick(history, pool, 10, 1)).hasSize(3).doesNotHaveDuplicates();
    }
}
