package dev.setlist.rules.model;

/**
 * Classification: the session ends with a run of one series at least {@link Tuning#bingeRun()} long.
 *
 * @param seriesId   the series binged
 * @param seriesName its name
 * @param length     the run's length
 */
public record Binge(String seriesId, String seriesName, int length) {
}
