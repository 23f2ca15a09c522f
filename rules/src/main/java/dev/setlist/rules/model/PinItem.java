package dev.setlist.rules.model;

/**
 * Output constraint: item {@code itemId} goes to {@code position}, counted from 1.
 *
 * <p>Immutable. The rule name is filled in by the engine.
 */
public record PinItem(String itemId, int position, String reason, String rule) implements RuleOutput {

    public PinItem {
        java.util.Objects.requireNonNull(reason, "reason");
        java.util.Objects.requireNonNull(itemId, "itemId");
        if (position < 1) { throw new IllegalArgumentException("position counts from 1, was " + position); }
    }

    public PinItem(String itemId, int position, String reason) {
        this(itemId, position, reason, null);
    }

    @Override
    public PinItem withRule(String ruleName) {
        return new PinItem(itemId, position, reason, ruleName);
    }
}
