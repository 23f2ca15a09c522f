package dev.setlist.rules.model;

/**
 * Output constraint: at most {@code max} featured items per playlist.
 *
 * <p>Immutable. The rule name is filled in by the engine.
 */
public record FeaturedCap(int max, String reason, String rule) implements RuleOutput {

    public FeaturedCap {
        java.util.Objects.requireNonNull(reason, "reason");
        if (max < 0) { throw new IllegalArgumentException("max must not be negative: " + max); }
    }

    public FeaturedCap(int max, String reason) {
        this(max, reason, null);
    }

    @Override
    public FeaturedCap withRule(String ruleName) {
        return new FeaturedCap(max, reason, ruleName);
    }
}
