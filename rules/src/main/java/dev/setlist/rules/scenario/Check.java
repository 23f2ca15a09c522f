package dev.setlist.rules.scenario;

/**
 * The result of one expectation.
 *
 * @param passed      whether it held
 * @param expectation the expectation in words
 * @param detail      what was found instead (on failure) or a short confirmation
 */
public record Check(boolean passed, String expectation, String detail) {
}
