package dev.setlist.plugin.insights;

import java.time.LocalDate;
import java.util.List;

/**
 * How one person answers wildcards, and how their exploration rate follows: per day, the wildcards
 * offered (in the playlists served), taken and declined, the exploration rate the playlists were made with
 * and the acceptance the person's answers left; and where the adaptive rate stands now.
 *
 * @param personId the person
 * @param from     the first day
 * @param to       the last day (today)
 * @param now      the adaptive rate now
 * @param days     one entry per day, days without anything included
 */
public record ExplorationTrend(String personId, LocalDate from, LocalDate to, Now now, List<Day> days) {

    /**
     * The adaptive exploration rate now.
     *
     * @param acceptance the posterior mean of the probability that the person takes a wildcard
     * @param rate       the exploration rate it gives: {@code min + (max - min) * acceptance}
     * @param min        the lowest rate the person allows
     * @param max        the highest
     * @param taken      pseudo-count of wildcards taken (with forgetting)
     * @param declined   pseudo-count of wildcards declined
     */
    public record Now(double acceptance, double rate, double min, double max, double taken, double declined) {
    }

    /**
     * One day.
     *
     * @param date        the day
     * @param playlists   playlists served that day
     * @param offered     wildcards among their items
     * @param taken       wildcards taken
     * @param declined    wildcards declined
     * @param exploration the mean exploration rate the day's playlists were made with, or {@code null}
     * @param acceptance  the acceptance after the day's last answer, or {@code null} when none
     */
    public record Day(LocalDate date, int playlists, int offered, int taken, int declined, Double exploration,
                      Double acceptance) {
    }
}
