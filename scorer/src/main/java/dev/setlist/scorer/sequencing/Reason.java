package dev.setlist.scorer.sequencing;

import java.util.Objects;

/**
 * One human-readable reason attached to a playlist entry: which stage or rule said it, and what.
 *
 * <p>Immutable; share freely.
 *
 * @param source the rule name, or {@code sequencer} for reasons the sequencer adds
 * @param text   the sentence shown to a person, for example {@code "new arrival (added 3 days ago)"}
 */
public record Reason(String source, String text) {

    /** The source name the sequencer uses for its own reasons. */
    public static final String SEQUENCER = "sequencer";

    public Reason {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
        return source + ": " + text;
    }
}
