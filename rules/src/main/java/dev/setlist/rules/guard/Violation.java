package dev.setlist.rules.guard;

/**
 * One refused construct in a rule source.
 *
 * @param line    1-based line
 * @param column  1-based column
 * @param message what is refused and why
 */
public record Violation(int line, int column, String message) {
}
