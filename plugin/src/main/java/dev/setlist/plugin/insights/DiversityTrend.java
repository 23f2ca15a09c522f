package dev.setlist.plugin.insights;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * How diverse the playlists served to one person were: each playlist's intra-list diversity (the mean
 * dissimilarity of its pairs of items, 0 to 1) and genre count, and the day's means.
 *
 * @param personId the person
 * @param from     the first day
 * @param to       the last day (today)
 * @param served   every playlist served in the range, oldest first
 * @param days     one entry per day, days without playlists included
 */
public record DiversityTrend(String personId, LocalDate from, LocalDate to, List<Served> served, List<Day> days) {

    /**
     * One served playlist.
     *
     * @param servedAt  when
     * @param kind      playlist, remainder, journey, together or surprise
     * @param media     video or music
     * @param mode      the mode it was made in
     * @param items     how many items
     * @param diversity its intra-list diversity
     * @param genres    how many distinct genres
     * @param wildcards how many wildcards
     */
    public record Served(Instant servedAt, String kind, String media, String mode, int items, double diversity,
                         int genres, int wildcards) {
    }

    /**
     * One day.
     *
     * @param date      the day
     * @param playlists how many were served
     * @param diversity their mean intra-list diversity, or {@code null} when none
     * @param genres    their mean genre count, or {@code null} when none
     */
    public record Day(LocalDate date, int playlists, Double diversity, Double genres) {
    }
}
