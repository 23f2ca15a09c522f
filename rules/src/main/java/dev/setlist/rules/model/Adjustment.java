package dev.setlist.rules.model;

import java.util.Objects;

/**
 * Output: multiply one candidate's score by {@code factor} (a boost above 1, a bury below). Factors
 * from several rules multiply.
 *
 * @param itemId the item
 * @param factor finite and positive
 * @param reason why
 * @param rule   the rule that said so (filled in by the engine)
 */
public record Adjustment(String itemId, double factor, String reason, String rule) implements RuleOutput {

    public Adjustment {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(reason, "reason");
        if (!(factor > 0) || !Double.isFinite(factor)) {
            throw new IllegalArgumentException("an adjustment factor must be finite and positive, was " + factor);
        }
    }

    public Adjustment(String itemId, double factor, String reason) {
        this(itemId, factor, reason, null);
    }

    /** Raises {@code item}'s score by {@code percent} percent. */
    public static Adjustment boost(Item item, double percent, String reason) {
        return new Adjustment(item.id(), 1 + percent / 100.0, reason);
    }

    /** Lowers {@code item}'s score by {@code percent} percent (below 100). */
    public static Adjustment bury(Item item, double percent, String reason) {
        return new Adjustment(item.id(), 1 - percent / 100.0, reason);
    }

    @Override
    public Adjustment withRule(String ruleName) {
        return new Adjustment(itemId, factor, reason, ruleName);
    }
}
