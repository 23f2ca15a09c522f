package dev.setlist.scorer.sequencing;

import java.util.Objects;

/**
 * A constraint the sequencer gave up, where, and why.
 *
 * <p>Immutable; share freely.
 *
 * @param constraint the constraint relaxed
 * @param position   the 0-based position being filled when it was relaxed
 * @param why        a sentence for the report
 */
public record Relaxation(Constraint constraint, int position, String why) {

    public Relaxation {
        Objects.requireNonNull(constraint, "constraint");
        Objects.requireNonNull(why, "why");
    }

    @Override
    public String toString() {
        return constraint.describe() + " (" + constraint.source() + "), relaxed at position "
                + (position + 1) + ": " + why;
    }
}
