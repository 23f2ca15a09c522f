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
    void picksFromTheFartherHalfOfThePoolAndRepeatsForASeed() {
        UserHistory history = DATA.data().history(0);
        int favourite = DATA.favouriteCluster()[0];
        // A pool of every unplayed item: the far half should be items of other clusters.
        int[] pool = IntStream.range(0, MODEL.itemCount()).filter(i -> !history.contains(i)).toArray();

        int[] picked = PICKER.pick(history, pool, 5, 42);

        assertThat(picked).hasSize(5).doesNotHaveDuplicates();
        assertThat(IntStream.of(picked).filter(i -> DATA.itemCluster()[i] != favourite).count()).isEqualTo(5);
        assertThat(PICKER.pick(history, pool, 5, 42)).containsExactly(picked);
        float[] centroid = PICKER.tasteCentroid(history);
        double[] similarities = IntStream.of(pool).mapToDouble(i -> PICKER.tasteSimilarity(centroid, i)).sorted().toArray();
        double median = similarities[similarities.length / 2];
        assertThat(IntStream.of(picked).mapToDouble(i -> PICKER.tasteSimilarity(centroid, i))).allMatch(s -> s <= median);
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
