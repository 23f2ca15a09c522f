package dev.setlist.scorer.data;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class InteractionsTest {

    private static final long DAY = Duration.ofDays(1).toMillis();

    @Test
    void storesTheSameMatrixByUserAndByItem() {
        Interactions data = Interactions.builder()
                .add("ann", "b", 2f, 1)
                .add("ann", "a", 1f, 2)
                .add("bob", "b", 3f, 3)
                .build();

        assertThat(data.userCount()).isEqualTo(2);
        assertThat(data.itemCount()).isEqualTo(2);
        assertThat(data.size()).isEqualTo(3);
        int ann = data.users().indexOf("ann");
        int a = data.items().indexOf("a");
        int b = data.items().indexOf("b");
        // Within a row, item indices are increasing whatever the order of the events.
        assertThat(data.history(ann).items()).containsExactly(Math.min(a, b), Math.max(a, b));
        assertThat(data.itemDegree(b)).isEqualTo(2);
        assertThat(data.itemDegree(a)).isEqualTo(1);
        int from = data.itemPointers()[b];
        assertThat(data.itemUsers()).containsSubsequence(data.users().indexOf("ann"), data.users().indexOf("bob"));
        assertThat(data.itemWeights()[from]).isEqualTo(2f);
        assertThat(data.itemWeights()[from + 1]).isEqualTo(3f);
    }

    @Test
    void repeatedPlaysOfAPairAddUp() {
        Interactions data = Interactions.builder()
                .add("ann", "song", 1f, 1)
                .add("ann", "song", 0.5f, 2)
                .build();

        assertThat(data.size()).isEqualTo(1);
        assertThat(data.history(0).weights()).containsExactly(1.5f);
    }

    @Test
    void anExactDuplicateEventCountsOnce() {
        Interactions data = Interactions.builder()
                .add("ann", "song", 1f, 7)
                .add("ann", "other", 1f, 8)
                .add("ann", "song", 1f, 7)
                .add("ann", "song", 1f, 9)
                .build();

        int song = data.items().indexOf("song");
        UserHistory history = data.history(0);
        int position = java.util.Arrays.binarySearch(history.items(), song);
        assertThat(history.weights()[position]).isEqualTo(2f);
    }

    @Test
    void halfLifeHalvesTheWeightOfAnEventThatOld() {
        Instant now = Instant.ofEpochMilli(100 * DAY);
        Interactions data = Interactions.builder()
                .halfLife(Duration.ofDays(10))
                .asOf(now)
                .add("ann", "today", 1f, 100 * DAY)
                .add("ann", "tenDaysAgo", 1f, 90 * DAY)
                .add("ann", "twentyDaysAgo", 4f, 80 * DAY)
                .add("ann", "future", 1f, 101 * DAY)
                .build();

        assertThat(weightOf(data, "today")).isEqualTo(1f);
        assertThat(weightOf(data, "tenDaysAgo")).isCloseTo(0.5f, within(1e-6f));
        assertThat(weightOf(data, "twentyDaysAgo")).isCloseTo(1f, within(1e-6f));
        // An event stamped after asOf is not aged.
        assertThat(weightOf(data, "future")).isEqualTo(1f);
    }

    @Test
    void withoutHalfLifeWeightsDoNotDecay() {
        Interactions data = Interactions.builder()
                .asOf(Instant.ofEpochMilli(1000 * DAY))
                .add("ann", "old", 3f, 0)
                .build();

        assertThat(weightOf(data, "old")).isEqualTo(3f);
    }

    @Test
    void aVeryOldEventKeepsATinyPositiveWeight() {
        Interactions data = Interactions.builder()
                .halfLife(Duration.ofMillis(1))
                .asOf(Instant.ofEpochMilli(10_000 * DAY))
                .add("ann", "ancient", 1f, 0)
                .build();

        assertThat(weightOf(data, "ancient")).isPositive();
    }

    @Test
    void rejectsNanNegativeZeroAndInfiniteWeightsAndKeepsWhatCameBefore() {
        Interactions.Builder builder = Interactions.builder().add("ann", "a", 1f, 1);

        for (float bad : new float[] {Float.NaN, -1f, 0f, Float.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> builder.add("ann", "b", bad, 2))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("(ann, b)")
                    .hasMessageContaining("finite and positive");
        }
        Interactions data = builder.build();
        assertThat(data.size()).isEqualTo(1);
        assertThat(data.items().indexOf("b")).isEqualTo(-1);
    }

    @Test
    void rejectsANonPositiveHalfLife() {
        assertThatThrownBy(() -> Interactions.builder().halfLife(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("halfLife");
        assertThatThrownBy(() -> Interactions.builder().halfLife(Duration.ofDays(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void registeredUsersAndItemsWithoutInteractionsHaveIndicesAndEmptyRows() {
        Interactions data = Interactions.builder()
                .addItem("unplayed")
                .addUser("newcomer")
                .add("ann", "a", 1f, 1)
                .build();

        assertThat(data.itemCount()).isEqualTo(2);
        assertThat(data.userCount()).isEqualTo(2);
        assertThat(data.itemDegree(data.items().indexOf("unplayed"))).isZero();
        assertThat(data.history(data.users().indexOf("newcomer")).isEmpty()).isTrue();
    }

    @Test
    void anEmptyBuilderBuildsEmptyData() {
        Interactions data = Interactions.builder().build();

        assertThat(data.size()).isZero();
        assertThat(data.userCount()).isZero();
        assertThat(data.itemCount()).isZero();
    }

    @Test
    void aBuilderOverKnownIndicesKeepsThemAndLeavesTheOriginalsAlone() {
        IdIndex items = new IdIndex();
        items.add("x");
        items.add("y");
        Interactions data = Interactions.builder(new IdIndex(), items).add("ann", "y", 1f, 1).add("ann", "z", 1f, 2).build();

        assertThat(data.items().indexOf("x")).isZero();
        assertThat(data.items().indexOf("y")).isEqualTo(1);
        assertThat(data.items().indexOf("z")).isEqualTo(2);
        assertThat(items.size()).isEqualTo(2);
    }

    private static float weightOf(Interactions data, String item) {
        UserHistory history = data.history(0);
        int position = java.util.Arrays.binarySearch(history.items(), data.items().indexOf(item));
        return history.weights()[position];
    }
}
