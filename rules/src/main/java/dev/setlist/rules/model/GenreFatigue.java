package dev.setlist.rules.model;

/**
 * Classification: the session ends with a run of one genre at least {@link Tuning#genreRun()} long.
 *
 * @param genre  the genre
 * @param length the run's length
 */
public record GenreFatigue(String genre, int length) {
}
