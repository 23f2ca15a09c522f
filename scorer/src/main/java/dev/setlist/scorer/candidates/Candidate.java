package dev.setlist.scorer.candidates;

import dev.setlist.scorer.catalog.ItemProfile;

import java.util.Objects;

/**
 * An item worth offering to one person, with the score that ranked it and the parts that score is
 * made of. Candidates flow from the scorer through the rules to the sequencer.
 *
 * <p>Immutable; share freely.
 *
 * @param item     the item and its attributes
 * @param score    the combined score (higher is better)
 * @param parts    the components of {@code score}, for rules and explanations
 * @param wildcard whether the item was picked as a wildcard: good, but far from the person's usual taste
 */
public record Candidate(ItemProfile item, double score, ScoreParts parts, boolean wildcard) {

    public Candidate {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(parts, "parts");
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("score of " + item.id() + " must be finite, was " + score);
        }
    }

    public String itemId() {
        return item.id();
    }

    /** This candidate with another combined score (after a boost or a bury). */
    public Candidate withScore(double newScore) {
        return new Candidate(item, newScore, parts, wildcard);
    }
}
