package dev.setlist.rules.model;

import java.util.Objects;

/**
 * The mode this evaluation runs in: inserted by the engine when the request named one
 * ({@code explicit}), otherwise by the mode-resolution rule from the strongest {@link ModeVote}.
 * Decision rules match it: {@code ActiveMode(mode == Mode.WORKOUT)}.
 *
 * @param mode     the mode
 * @param explicit whether the request chose it
 * @param reason   why this mode
 */
public record ActiveMode(Mode mode, boolean explicit, String reason) {

    public ActiveMode {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(reason, "reason");
    }
}
