package dev.setlist.scorer.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.IntPredicate;

/**
 * The episodes of each series in the order they are meant to be watched, over one catalog, to offer a series
 * only through the episode a person is up to ("next up", as Jellyfin's own row): the first episode, for a
 * series they have not started; after that, the one after the furthest episode they finished, whatever they
 * skipped before it; nothing once they finished the last.
 *
 * <p>Only numbered episodes of numbered seasons take part: specials (season 0) and episodes without a number
 * have no place in the order and are offered like films. Episodes are addressed by their index in the
 * catalog the order was built over.
 *
 * <p>Immutable; share freely.
 */
public final class SeriesOrder {

    /** An order over no episodes: nothing is held back. */
    public static final SeriesOrder NONE = new SeriesOrder(new int[0][], new int[0], new int[0], new BitSet());

    private static final Comparator<ItemProfile> WATCHING_ORDER = Comparator.comparingInt(ItemProfile::season)
            .thenComparingInt(ItemProfile::episode).thenComparing(ItemProfile::id);

    /** Per series, the catalog indices of its episodes in watching order. */
    private final int[][] series;
    /** By catalog index: the position of the item's series in {@link #series}, or -1 when it has no order. */
    private final int[] seriesOf;
    /** By catalog index: the item's position in its series' order (meaningful where {@link #seriesOf} is set). */
    private final int[] positionOf;
    /** Every ordered episode. */
    private final BitSet ordered;

    private SeriesOrder(int[][] series, int[] seriesOf, int[] positionOf, BitSet ordered) {
        this.series = series;
        this.seriesOf = seriesOf;
        this.positionOf = positionOf;
        this.ordered = ordered;
    }

    /** The order of the episodes of {@code catalog}, indexed by their position in it. */
    public static SeriesOrder of(List<ItemProfile> catalog) {
        Map<String, List<Integer>> bySeries = new HashMap<>();
        for (int index = 0; index < catalog.size(); index++) {
            ItemProfile item = catalog.get(index);
            if (ordered(item)) {
                bySeries.computeIfAbsent(item.seriesId(), id -> new ArrayList<>()).add(index);
            }
        }
        List<String> ids = new ArrayList<>(bySeries.keySet());
        ids.sort(Comparator.naturalOrder());
        int[][] series = new int[ids.size()][];
        int[] seriesOf = new int[catalog.size()];
        Arrays.fill(seriesOf, -1);
        int[] positionOf = new int[catalog.size()];
        BitSet ordered = new BitSet(catalog.size());
        for (int position = 0; position < ids.size(); position++) {
            List<Integer> episodes = bySeries.get(ids.get(position));
            episodes.sort(Comparator.comparing(catalog::get, WATCHING_ORDER));
            series[position] = episodes.stream().mapToInt(Integer::intValue).toArray();
            for (int k = 0; k < series[position].length; k++) {
                int episode = series[position][k];
                seriesOf[episode] = position;
                positionOf[episode] = k;
                ordered.set(episode);
            }
        }
        return new SeriesOrder(series, seriesOf, positionOf, ordered);
    }

    private static boolean ordered(ItemProfile item) {
        return item.kind() == ItemProfile.ItemKind.EPISODE && item.seriesId() != null && !item.seriesId().isBlank()
                && item.season() > 0 && item.episode() > 0;
    }

    /** Number of series with ordered episodes. */
    public int seriesCount() {
        return series.length;
    }

    /** Whether the item at {@code index} is an episode with a place in its series' order. */
    public boolean inOrder(int index) {
        return index >= 0 && index < seriesOf.length && seriesOf[index] >= 0;
    }

    /**
     * The episode of {@code episode}'s series that a person who finished the episodes {@code finished} is up
     * to: the catalog index of the episode after the furthest finished one (the first episode when none is
     * finished), or empty when the series is done that far or {@code episode} takes no
     * part in an order.
     */
    public OptionalInt nextUp(int episode, IntPredicate finished) {
        if (!inOrder(episode)) {
            return OptionalInt.empty();
        }
        int next = nextUpIn(series[seriesOf[episode]], finished);
        return next < 0 ? OptionalInt.empty() : OptionalInt.of(next);
    }

    /**
     * Adds to {@code heldBack} the catalog index of every ordered episode that is not its series' next up for a
     * person who finished the items at {@code finished} (catalog indices, in any order; films, tracks and
     * unordered episodes among them are ignored): those a playlist that keeps series in order leaves out.
     * It costs one pass over {@code finished} and one over the series, not a lookup per episode.
     */
    public void holdBack(int[] finished, BitSet heldBack) {
        int[] furthest = new int[series.length];
        Arrays.fill(furthest, -1);
        for (int index : finished) {
            if (inOrder(index)) {
                furthest[seriesOf[index]] = Math.max(furthest[seriesOf[index]], positionOf[index]);
            }
        }
        BitSet held = (BitSet) ordered.clone();
        for (int position = 0; position < series.length; position++) {
            int next = furthest[position] + 1;
            if (next < series[position].length) {
                held.clear(series[position][next]);
            }
        }
        // Added, never cleared in place: a next-up episode left out for another reason stays out.
        heldBack.or(held);
    }

    /** The episode after the furthest finished one (the first, when none is), or -1 after the last. */
    private static int nextUpIn(int[] episodes, IntPredicate finished) {
        int next = 0;
        for (int k = episodes.length - 1; k >= 0; k--) {
            if (finished.test(episodes[k])) {
                next = k + 1;
                break;
            }
        }
        return next < episodes.length ? episodes[next] : -1;
    }
}
