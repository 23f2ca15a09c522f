package dev.setlist.plugin.playlist;

import java.util.Locale;

/** What a person said about an item, through the API (the page's buttons, a client). */
public enum Feedback {
    /** Played it through. */
    PLAYED,
    /** Skipped it early. */
    SKIPPED,
    /** Thumbs up. */
    LIKED,
    /** Thumbs down: never offered again unasked. */
    DISLIKED,
    /** Took a wildcard: played it. */
    WILDCARD_TAKEN,
    /** Passed on a wildcard. */
    WILDCARD_DECLINED;

    /** Parses {@code played}, {@code wildcard-taken}, {@code WILDCARD_TAKEN}... */
    public static Feedback parse(String text) {
        String normal = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (Feedback feedback : values()) {
            if (feedback.name().equals(normal)) {
                return feedback;
            }
        }
        throw new IllegalArgumentException("unknown feedback '" + text + "'; known: played, skipped, liked, disliked, "
                + "wildcard_taken, wildcard_declined");
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
