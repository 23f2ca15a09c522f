package dev.setlist.plugin.sim;

import dev.setlist.scorer.catalog.ItemProfile;

import java.time.Instant;

/**
 * What the simulator knows a person really did with one item: the ground truth beside the events.
 *
 * @param persona  the person
 * @param item     the item
 * @param started  when it started
 * @param fraction how much of it played, in [0, 1]
 * @param manner   how it was played
 * @param offered  whether it came from the system's playlist
 * @param wildcard whether it was offered as a wildcard
 */
public record PlayRecord(Persona persona, ItemProfile item, Instant started, double fraction, Manner manner,
                         boolean offered, boolean wildcard) {

    /** How a play went. */
    public enum Manner {
        /** Watched or listened to, awake, to the end. */
        FINISHED,
        /** Stopped part way, awake. */
        ABANDONED,
        /** Started and skipped within seconds. */
        SKIPPED,
        /** Played on while the person slept (autoplay). */
        ASLEEP,
        /** Music playing muted in the background. */
        BACKGROUND
    }

    /** Whether the person actually paid attention to it (finished or abandoned awake). */
    public boolean attended() {
        return manner == Manner.FINISHED || manner == Manner.ABANDONED;
    }
}
