package dev.setlist.plugin.journey;

import dev.setlist.rules.model.Mode;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * What a caller asks of one journey; {@code null} fields take the person's settings or the defaults.
 *
 * @param fromId    the item the journey starts with
 * @param toId      the item it arrives at
 * @param length    how many items, both ends included ({@value #MIN_LENGTH} to {@value #MAX_LENGTH}, default
 *                  {@value #DEFAULT_LENGTH})
 * @param tastePull how strongly each step leans towards the person's taste rather than the straight
 *                  path, 0 to 1 (default {@value #DEFAULT_TASTE_PULL})
 * @param diversity the sequencer's diversity strength, 0 to 1, or {@code null} for 0: a journey's variety
 *                  comes from the path, and trading fit to the path for novelty would make it wander
 * @param mode      a mode for this request, or {@code null} (the person's chosen mode, else inferred)
 * @param localTime the listener's local time, or {@code null} for the server's
 * @param device    the device, or {@code null}
 * @param client    the client application, or {@code null}
 */
public record JourneyRequest(String fromId, String toId, int length, double tastePull, Double diversity, Mode mode,
                             LocalDateTime localTime, String device, String client) {

    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 50;
    public static final int DEFAULT_LENGTH = 10;
    /** Mostly the path, a little the person: the journey is the point, but it should sound like them. */
    public static final double DEFAULT_TASTE_PULL = 0.3;

    public JourneyRequest {
        Objects.requireNonNull(fromId, "fromId");
        Objects.requireNonNull(toId, "toId");
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new IllegalArgumentException("length must be between " + MIN_LENGTH + " and " + MAX_LENGTH
                    + ", was " + length);
        }
        if (!(tastePull >= 0 && tastePull <= 1)) {
            throw new IllegalArgumentException("pull must be between 0 and 1, was " + tastePull);
        }
        if (diversity != null && !(diversity >= 0 && diversity <= 1)) {
            throw new IllegalArgumentException("diversity must be between 0 and 1, was " + diversity);
        }
    }

    /** A journey of {@code length} items with every other choice left to the person's settings. */
    public static JourneyRequest of(String fromId, String toId, int length) {
        return new JourneyRequest(fromId, toId, length, DEFAULT_TASTE_PULL, null, null, null, null, null);
    }
}
