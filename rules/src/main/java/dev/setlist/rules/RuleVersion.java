package dev.setlist.rules;

import java.time.Instant;
import java.util.Objects;

/**
 * One published version of the curator's rule files.
 *
 * <p>Immutable; share freely.
 *
 * @param number  1, 2, 3, ... in publishing order
 * @param author  who published it ({@code folder} for a save in the watched folder)
 * @param time    when it was published
 * @param message what changed, in the author's words
 * @param digest  a digest of the files, to tell versions apart at a glance
 * @param files   how many files it holds
 */
public record RuleVersion(int number, String author, Instant time, String message, String digest, int files) {

    public RuleVersion {
        if (number < 1) {
            throw new IllegalArgumentException("version numbers start at 1: " + number);
        }
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(digest, "digest");
    }

    /** The label used in outcomes and status, for example {@code v12}. */
    public String label() {
        return "v" + number;
    }
}
