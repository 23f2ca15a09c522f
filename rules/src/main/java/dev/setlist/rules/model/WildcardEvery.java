package dev.setlist.rules.model;

/**
 * Output constraint: every {@code every}-th position goes to a wildcard when one is left.
 *
 * <p>Immutable. The rule name is filled in by the engine.
 */
public record WildcardEvery(int every, String reason, String rule) implements RuleOutput {

    public WildcardEvery {
        java.util.Objects.requireNonNull(reason, "reason");
        if (every < 1) { throw new IllegalArgumentException("every must be at least 1: " + every); }
    }

    public WildcardEvery(int every, String reason) {
        this(every, reason, null);
    }

    @Override
    public WildcardEvery withRule(String ruleName) {
        return new WildcardEvery(every, reason, ruleName);
    }
}
