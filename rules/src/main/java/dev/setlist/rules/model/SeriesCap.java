package dev.setlist.rules.model;

/**
 * Output constraint: at most {@code max} items of any one series.
 *
 * <p>Immutable. The rule name is filled in by the engine.
 */
public record SeriesCap(int max, String reason, String rule) implements RuleOutput {

    public SeriesCap {
        java.util.Objects.requireNonNull(reason, "reason");
        if (max < 0) { throw new IllegalArgumentException("max must not be negative: " + max); }
    }

    public SeriesCap(int max, String reason) {
        this(max, reason, null);
    }

    @Override
    public SeriesCap withRule(String ruleName) {
        return new SeriesCap(max, reason, ruleName);
    }
}
