package dev.setlist.rules.model;

/**
 * Output constraint: the first item is of {@code kind} and, when {@code maxMinutes} is positive, no longer than that.
 *
 * <p>Immutable. The rule name is filled in by the engine.
 */
public record OpenWith(dev.setlist.scorer.catalog.ItemProfile.ItemKind kind, int maxMinutes, String reason, String rule) implements RuleOutput {

    public OpenWith {
        java.util.Objects.requireNonNull(reason, "reason");
        java.util.Objects.requireNonNull(kind, "kind");
        if (maxMinutes < 0) { throw new IllegalArgumentException("maxMinutes must not be negative: " + maxMinutes); }
    }

    public OpenWith(dev.setlist.scorer.catalog.ItemProfile.ItemKind kind, int maxMinutes, String reason) {
        this(kind, maxMinutes, reason, null);
    }

    @Override
    public OpenWith withRule(String ruleName) {
        return new OpenWith(kind, maxMinutes, reason, ruleName);
    }
}
