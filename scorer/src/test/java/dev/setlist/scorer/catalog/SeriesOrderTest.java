package dev.setlist.scorer.catalog;

import dev.setlist.scorer.catalog.ItemProfile.ItemKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;

import static org.assertj.core.api.Assertions.assertThat;

class SeriesOrderTest {

    private static final Instant ADDED = Instant.parse("2026-01-01T00:00:00Z");

    private static ItemProfile episode(String id, String series, int season, int episode) {
        return new ItemProfile(id, ItemKind.EPISODE, id, List.of("Drama"), List.of(), List.of(), null, 2020, 2700,
                series, "Series " + series, season, episode, null, null, null, ADDED);
    }

    private static ItemProfile film(String id) {
        return new ItemProfile(id, ItemKind.MOVIE, id, List.of("Drama"), List.of(), List.of(), null, 2020, 5400,
                null, null, 0, 0, null, null, null, ADDED);
    }

    /** Two series listed out of order, a film, a special and an unnumbered episode between them. */
    private static final List<ItemProfile> CATALOG = List.of(
            episode("a-s2e1", "a", 2, 1), film("film"), episode("a-s1e2", "a", 1, 2), episode("b-s1e1", "b", 1, 1),
            episode("a-s1e1", "a", 1, 1), episode("a-special", "a", 0, 1), episode("b-s1e2", "b", 1, 2),
            episode("a-unnumbered", "a", 1, 0), episode("a-s1e10", "a", 1, 10));

    private static int index(String id) {
        for (int k = 0; k < CATALOG.size(); k++) {
            if (CATALOG.get(k).id().equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException(id);
    }

    private static IntPredicate finished(String... ids) {
        Set<Integer> done = new TreeSet<>();
        for (String id : ids) {
            done.add(index(id));
        }
        return done::contains;
    }

    /** What {@link SeriesOrder#holdBack} adds for a person who finished {@code ids}, checked against nextUp. */
    private static List<String> heldBack(String... ids) {
        int[] finished = new int[ids.length];
        for (int k = 0; k < ids.length; k++) {
            finished[k] = index(ids[k]);
        }
        BitSet held = new BitSet();
        SeriesOrder order = SeriesOrder.of(CATALOG);
        order.holdBack(finished, held);
        List<String> heldIds = new ArrayList<>();
        held.stream().forEach(index -> heldIds.add(CATALOG.get(index).id()));
        for (int index = 0; index < CATALOG.size(); index++) {
            int episode = index;
            boolean nextUp = order.nextUp(index, finished(ids)).stream().anyMatch(next -> next == episode);
            assertThat(held.get(index)).as("%s held back exactly when ordered and not next up", CATALOG.get(index).id())
                    .isEqualTo(order.inOrder(index) && !nextUp);
        }
        return heldIds;
    }

    private static String nextUp(String episode, IntPredicate finished) {
        var next = SeriesOrder.of(CATALOG).nextUp(index(episode), finished);
        return next.isPresent() ? CATALOG.get(next.getAsInt()).id() : null;
    }

    @Test
    void aSeriesNobodyStartedIsOfferedFromItsFirstEpisodeInSeasonThenEpisodeOrder() {
        assertThat(nextUp("a-s1e10", finished())).isEqualTo("a-s1e1");
        assertThat(nextUp("b-s1e2", finished())).isEqualTo("b-s1e1");
        assertThat(heldBack()).containsExactlyInAnyOrder("a-s1e2", "a-s1e10", "a-s2e1", "b-s1e2");
    }

    @Test
    void afterTheFurthestFinishedEpisodeComesTheOneAfterItEvenAcrossASeasonOrAGap() {
        assertThat(nextUp("a-s1e1", finished("a-s1e1"))).isEqualTo("a-s1e2");
        // Episode 10 follows episode 2: numbers order, they need not be consecutive.
        assertThat(nextUp("a-s1e1", finished("a-s1e1", "a-s1e2"))).isEqualTo("a-s1e10");
        assertThat(nextUp("a-s1e1", finished("a-s1e1", "a-s1e2", "a-s1e10"))).isEqualTo("a-s2e1");
        // Someone who jumped ahead is not sent back to what they skipped.
        assertThat(nextUp("a-s1e1", finished("a-s1e10"))).isEqualTo("a-s2e1");
        assertThat(heldBack("a-s1e10")).containsExactlyInAnyOrder("a-s1e1", "a-s1e2", "a-s1e10",
                "b-s1e2");
    }

    @Test
    void aSeriesFinishedToItsLastEpisodeHasNothingNextAndHoldsEveryEpisodeBack() {
        assertThat(nextUp("a-s1e1", finished("a-s2e1"))).isNull();
        assertThat(heldBack("a-s2e1", "film")).contains("a-s1e1", "a-s1e2", "a-s1e10", "a-s2e1");
    }

    @Test
    void filmsSpecialsAndUnnumberedEpisodesTakeNoPartAndAreNeverHeldBack() {
        assertThat(nextUp("film", finished())).isNull();
        assertThat(nextUp("a-special", finished())).isNull();
        assertThat(nextUp("a-unnumbered", finished())).isNull();
        assertThat(heldBack("a-special")).doesNotContain("film", "a-special", "a-unnumbered");
        SeriesOrder order = SeriesOrder.of(CATALOG);
        assertThat(order.seriesCount()).isEqualTo(2);
        assertThat(order.inOrder(index("a-s1e10"))).isTrue();
        assertThat(order.inOrder(index("a-special"))).isFalse();
        assertThat(order.inOrder(index("film"))).isFalse();
        assertThat(order.inOrder(CATALOG.size())).isFalse();
        assertThat(SeriesOrder.NONE.nextUp(0, finished())).isEmpty();
    }

    @Test
    void holdingBackAddsToWhatIsAlreadyLeftOutAndNeverLetsItBackIn() {
        SeriesOrder order = SeriesOrder.of(CATALOG);
        BitSet ineligible = new BitSet();
        ineligible.set(index("a-s1e1"));
        ineligible.set(index("film"));
        order.holdBack(new int[0], ineligible);
        assertThat(ineligible.get(index("a-s1e1"))).as("next up, but left out for another reason").isTrue();
        assertThat(ineligible.get(index("film"))).isTrue();
        assertThat(ineligible.get(index("b-s1e1"))).isFalse();
        assertThat(ineligible.get(index("a-s1e2"))).isTrue();
    }
}
