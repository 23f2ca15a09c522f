package dev.setlist.rules;

import java.util.Objects;

/**
 * One reason a rule book was refused, at a position a curator's editor can jump to.
 *
 * <p>Immutable; share freely.
 *
 * @param file    the file's path as the curator knows it (relative to the rules folder;
 *                shipped files start with {@code defaults/})
 * @param line    1-based line, or {@code 0} when the problem concerns the whole file or book
 * @param column  1-based column, or {@code 0} when unknown or the whole line
 * @param message what is wrong
 */
public record RuleProblem(String file, int line, int column, String message) {

    public RuleProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    /** A problem about a whole file (or, with file {@code ""}, the whole book). */
    public static RuleProblem ofFile(String file, String message) {
        return new RuleProblem(file, 0, 0, message);
    }

    /** {@code file:line:column: message}, the form compilers and editors understand. */
    @Override
    public String toString() {
        if (line <= 0) {
            return (file.isEmpty() ? "" : file + ": ") + message;
        }
        return file + ":" + line + ":" + column + ": " + message;
    }
}
