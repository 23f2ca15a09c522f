package dev.setlist.rules;

import dev.setlist.rules.model.Mode;

import java.util.Objects;

/**
 * The mode an evaluation ran in and where it came from.
 *
 * @param mode     the mode
 * @param explicit whether the request chose it (otherwise the rules inferred it)
 * @param rule     the rule that inferred it, or {@code null} when explicit or nothing was inferred
 * @param reason   why, for the explanation
 */
public record ModeDecision(Mode mode, boolean explicit, String rule, String reason) {

    public ModeDecision {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(reason, "reason");
    }
}
