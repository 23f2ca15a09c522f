package dev.setlist.scorer.sequencing;

import dev.setlist.scorer.candidates.Candidate;

import java.util.List;
import java.util.Objects;

/**
 * One position of a sequenced playlist.
 *
 * <p>Immutable; share freely.
 *
 * @param position  0-based position
 * @param candidate the candidate placed here, with its rule-adjusted score
 * @param reasons   the reasons it carried in plus any the sequencer added (pin, wildcard slot)
 */
public record PlaylistEntry(int position, Candidate candidate, List<Reason> reasons) {

    public PlaylistEntry {
        Objects.requireNonNull(candidate, "candidate");
        reasons = List.copyOf(reasons);
    }

    public String itemId() {
        return candidate.itemId();
    }
}
