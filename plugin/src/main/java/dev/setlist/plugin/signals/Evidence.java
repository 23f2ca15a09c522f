package dev.setlist.plugin.signals;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One thing a person did with an item and what it was counted as: a finished play, a skip, a
 * favourite... with every discount applied and its reason, so that the UI can say why an item weighs
 * what it weighs.
 *
 * <p>Immutable; share freely.
 *
 * @param at         when it happened
 * @param kind       what it was
 * @param fraction   for a play, how much of the item was reached (0..1), otherwise {@code -1}
 * @param baseWeight the weight before discounts (may be negative for a favourite or like withdrawn)
 * @param weight     the weight after discounts: what it added to the interaction
 * @param discounts  the discounts applied, in order; empty when none
 * @param note       a short human explanation
 */
public record Evidence(Instant at, Kind kind, double fraction, double baseWeight, double weight,
                       List<Discount> discounts, String note) {

    public Evidence {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        discounts = List.copyOf(discounts);
    }

    /** What a piece of evidence records. */
    public enum Kind {
        /** Played to the end (or past the completion threshold). */
        FINISHED,
        /** Played to the end again, after an earlier finished play. */
        REWATCHED,
        /** Stopped between the skip and completion thresholds. */
        ABANDONED,
        /** Stopped before the skip threshold. */
        SKIPPED,
        /** Plays learned from the server's history on first sync. */
        IMPORTED,
        /** Marked played (or unplayed) by hand. */
        MARKED_PLAYED,
        FAVOURITE,
        UNFAVOURITE,
        LIKED,
        DISLIKED,
        /** A like or dislike removed. */
        RATING_CLEARED
    }

    /**
     * A factor below 1 applied to a play, and why.
     *
     * @param kind   which rule applied it
     * @param factor the multiplier, in [0, 1]
     * @param reason the explanation shown to people
     */
    public record Discount(Kind kind, double factor, String reason) {

        public Discount {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(reason, "reason");
            if (!(factor >= 0 && factor <= 1)) {
                throw new IllegalArgumentException("a discount factor is in [0, 1]: " + factor);
            }
        }

        /** The rules that discount a play. */
        public enum Kind {
            /** A late-night autoplay chain with nobody touching the remote. */
            SLEEPY_VIEWER,
            /** The client reported the player muted. */
            MUTED,
            /** Most of the distance covered was skipped, not played. */
            SKIPPED_AHEAD
        }
    }
}
