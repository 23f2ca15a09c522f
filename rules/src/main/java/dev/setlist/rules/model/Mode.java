package dev.setlist.rules.model;

import java.util.Locale;

/**
 * The listening modes the shipped packs know. A request may set one; otherwise the classification
 * rules infer one from the time, the device and the client, and {@link #EVERYDAY} applies when none
 * is inferred.
 */
public enum Mode {
    EVERYDAY,
    WORKOUT,
    FOCUS,
    KIDS,
    LATE_NIGHT,
    MOVIE_NIGHT;

    /** The key used in rule sentences, scenario files and the API, for example {@code late_night}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a key leniently: case, spaces and hyphens do not matter ({@code "Late night"},
     * {@code late-night} and {@code LATE_NIGHT} are one mode).
     *
     * @throws IllegalArgumentException naming the known modes when {@code text} is none of them
     */
    public static Mode parse(String text) {
        String normal = text.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (Mode mode : values()) {
            if (mode.name().equals(normal)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown mode '" + text + "'; known modes: "
                + java.util.Arrays.stream(values()).map(Mode::key).toList());
    }
}
