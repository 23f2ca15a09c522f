package dev.setlist.rules.model;

/**
 * Classification: the listener's local time is late at night.
 *
 * @param reason why, for example {@code "23:00 local time"}
 */
public record LateNight(String reason) {
}
