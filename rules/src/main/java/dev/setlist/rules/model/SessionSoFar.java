package dev.setlist.rules.model;

import dev.setlist.scorer.catalog.ItemProfile;
import dev.setlist.scorer.catalog.ItemProfile.ItemKind;

import java.util.List;

/**
 * What this person has played in the current session, summarised for rules: how long, and the run
 * of one series and of one genre at its end (the raw material of binge fatigue).
 *
 * <p>Immutable; share freely. Build it with {@link #of(List)} from the items played, oldest first.
 *
 * @param itemIds         ids played so far, oldest first
 * @param minutes         minutes played so far
 * @param seriesId        the series of the trailing run, or {@code null}
 * @param seriesName      its name, or {@code null}
 * @param seriesRun       how many items in a row, at the end, belong to {@code seriesId} (0 when none)
 * @param genre           the genre of the longest trailing run of one genre, or {@code null}
 * @param genreRun        its length (0 when none)
 * @param lastArtist      the artist of the last item, or {@code null}
 * @param lastKind        the kind of the last item, or {@code null} when nothing was played
 */
public record SessionSoFar(List<String> itemIds, int minutes, String seriesId, String seriesName, int seriesRun,
                           String genre, int genreRun, String lastArtist, ItemKind lastKind) {

    public static final SessionSoFar EMPTY = new SessionSoFar(List.of(), 0, null, null, 0, null, 0, null, null);

    public SessionSoFar {
        itemIds = itemIds == null ? List.of() : List.copyOf(itemIds);
    }

    /** The summary of {@code played}, oldest first. */
    public static SessionSoFar of(List<ItemProfile> played) {
        if (played.isEmpty()) {
            return EMPTY;
        }
        ItemProfile last = played.get(played.size() - 1);
        int seconds = 0;
        for (ItemProfile item : played) {
            seconds += item.runtimeSeconds();
        }
        int seriesRun = 0;
        if (last.seriesId() != null) {
            for (int i = played.size() - 1; i >= 0 && last.seriesId().equals(played.get(i).seriesId()); i--) {
                seriesRun++;
            }
        }
        String genre = null;
        int genreRun = 0;
        for (String candidate : last.genres()) {
            int run = 0;
            for (int i = played.size() - 1; i >= 0 && containsIgnoreCase(played.get(i).genres(), candidate); i--) {
                run++;
            }
            if (run > genreRun) {
                genre = candidate;
                genreRun = run;
            }
        }
        return new SessionSoFar(played.stream().map(ItemProfile::id).toList(), seconds / 60,
                last.seriesId(), last.seriesName(), seriesRun, genre, genreRun, last.artist(), last.kind());
    }

    private static boolean containsIgnoreCase(List<String> values, String wanted) {
        for (String value : values) {
            if (value.equalsIgnoreCase(wanted)) {
                return true;
            }
        }
        return false;
    }

    /** How many items were played in this session. */
    public int played() {
        return itemIds.size();
    }
}
