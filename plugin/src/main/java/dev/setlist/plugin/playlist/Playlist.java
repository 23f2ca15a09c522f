package dev.setlist.plugin.playlist;

import dev.setlist.scorer.candidates.ScoreParts;

import java.time.Instant;
import java.util.List;

/**
 * An ordered session for one person, as the API returns it.
 *
 * @param userId       the person
 * @param userName     their name
 * @param generatedAt  when it was made
 * @param model        which model ranked it, and when that model was trained
 * @param basedOn      how many of the person's interactions it was folded from
 * @param items        the items in playing order
 */
public record Playlist(String userId, String userName, Instant generatedAt, String model, int basedOn,
                       List<Entry> items) {

    /**
     * One item of a playlist.
     *
     * @param position       1-based place in the order
     * @param itemId         the media server's id
     * @param title          display title (for an episode, the series name comes in {@code seriesName})
     * @param kind           movie, episode or track
     * @param seriesName     for an episode, its series
     * @param artist         for a track, its artist
     * @param year           production year, or {@code null}
     * @param runtimeMinutes running time in minutes
     * @param genres         genres
     * @param parentalRating the official rating, or {@code null}
     * @param score          the score that placed it
     * @param parts          what the score is made of
     * @param reasons        why it is here, in words
     * @param wildcard       whether it was offered as a wildcard
     */
    public record Entry(int position, String itemId, String title, String kind, String seriesName, String artist,
                       Integer year, int runtimeMinutes, List<String> genres, String parentalRating, double score,
                       ScoreParts parts, List<String> reasons, boolean wildcard) {
    }
}
