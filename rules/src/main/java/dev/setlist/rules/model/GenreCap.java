package dev.setlist.rules.model;

/**
 * Output constraint: at most {@code max} items of genre {@code genre}, or of every genre when {@code genre} is null.
 *
 * <p>Immutable. The rule name is filled in by the engine.
 */
public record GenreCap(String genre, int max, String reason, String rule) implements RuleOutput {

    public GenreCap {
        java.util.Objects.requireNonNull(reason, "reason");
        if (max < 0) { throw new IllegalArgumentException("max must not be negative: " + max); }
    }

    public GenreCap(String genre, int max, String reason) {
        this(genre, max, reason, null);
    }

    @Override
    public GenreCap withRule(String ruleName) {
        return new GenreCap(genre, max, reason, ruleName);
    }
}
