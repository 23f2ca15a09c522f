package dev.setlist.rules.model;

import java.util.Objects;

/**
 * Classification: one inference rule's vote for a mode when the request named none. The strongest
 * vote becomes the {@link ActiveMode}; give votes distinct weights so that ties cannot happen.
 *
 * @param mode   the mode voted for
 * @param weight how sure the rule is, higher wins
 * @param reason why, for the explanation
 */
public record ModeVote(Mode mode, int weight, String reason) {

    public ModeVote {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(reason, "reason");
    }
}
