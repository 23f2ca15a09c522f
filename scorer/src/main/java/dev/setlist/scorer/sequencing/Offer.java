package dev.setlist.scorer.sequencing;

import dev.setlist.scorer.candidates.Candidate;

import java.util.List;
import java.util.Objects;

/**
 * A candidate as the sequencer receives it: already adjusted by the rules (its score includes every
 * boost and bury) and carrying the reasons gathered so far.
 *
 * <p>Immutable; share freely.
 *
 * @param candidate the candidate with its final pre-sequencing score
 * @param reasons   why it scored as it did; never null
 */
public record Offer(Candidate candidate, List<Reason> reasons) {

    public Offer {
        Objects.requireNonNull(candidate, "candidate");
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** An offer with no reasons yet. */
    public static Offer of(Candidate candidate) {
        return new Offer(candidate, List.of());
    }

    public String itemId() {
        return candidate.itemId();
    }
}
