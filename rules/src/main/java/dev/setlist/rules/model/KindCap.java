package dev.setlist.rules.model;

/**
 * Output constraint: at most {@code max} items of one kind (for example one feature film).
 *
 * <p>Immutable. The rule name is filled in by the engine.
 */
public record KindCap(dev.setlist.scorer.catalog.ItemProfile.ItemKind kind, int max, String reason, String rule) implements RuleOutput {

    public KindCap {
        java.util.Objects.requireNonNull(reason, "reason");
        java.util.Objects.requireNonNull(kind, "kind");
        if (max < 0) { throw new IllegalArgumentException("max must not be negative: " + max); }
    }

    public KindCap(dev.setlist.scorer.catalog.ItemProfile.ItemKind kind, int max, String reason) {
        this(kind, max, reason, null);
    }

    @Override
    public KindCap withRule(String ruleName) {
        return new KindCap(kind, max, reason, ruleName);
    }
}
