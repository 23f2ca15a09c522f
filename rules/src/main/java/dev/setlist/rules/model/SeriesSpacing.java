package dev.setlist.rules.model;

/**
 * Output constraint: at least {@code gap} other items between two items of one series (1: never back to back).
 *
 * <p>Immutable. The rule name is filled in by the engine.
 */
public record SeriesSpacing(int gap, String reason, String rule) implements RuleOutput {

    public SeriesSpacing {
        java.util.Objects.requireNonNull(reason, "reason");
        if (gap < 1) { throw new IllegalArgumentException("gap must be at least 1: " + gap); }
    }

    public SeriesSpacing(int gap, String reason) {
        this(gap, reason, null);
    }

    @Override
    public SeriesSpacing withRule(String ruleName) {
        return new SeriesSpacing(gap, reason, ruleName);
    }
}
