package dev.setlist.plugin.insights;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What one person played, genre by genre, day by day: minutes played per genre (an item of several
 * genres shares its minutes among them equally), from the stops in the event log. The most played genres
 * are named; the rest are summed as {@value #OTHER}.
 *
 * @param personId the person
 * @param from     the first day, in the server's time zone
 * @param to       the last day (today)
 * @param zone     the time zone days are counted in
 * @param genres   the named genres, most played first ({@value #OTHER} last when there are others)
 * @param totals   minutes per genre over the whole range
 * @param days     one entry per day from {@code from} to {@code to}, days without plays included
 */
public record GenreMix(String personId, LocalDate from, LocalDate to, String zone, List<String> genres,
                       Map<String, Double> totals, List<Day> days) {

    /** The name under which genres beyond the most played are summed. */
    public static final String OTHER = "Other";
    /** The name of the genre of an item that has none. */
    public static final String UNKNOWN = "Unknown";

    /**
     * One day.
     *
     * @param date    the day
     * @param plays   how many plays stopped that day
     * @param minutes minutes played that day
     * @param byGenre minutes per genre
     */
    public record Day(LocalDate date, int plays, double minutes, Map<String, Double> byGenre) {
    }
}
