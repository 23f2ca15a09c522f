package dev.setlist.rules.model;

/**
 * Classification: a child is probably watching or listening (a kids profile, a low parental
 * ceiling, a kids device).
 *
 * @param reason why we think so
 */
public record KidsPresent(String reason) {
}
