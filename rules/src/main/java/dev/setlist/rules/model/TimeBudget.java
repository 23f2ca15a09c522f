package dev.setlist.rules.model;

/**
 * Output constraint: the playlist runs at most {@code minutes} minutes in all.
 *
 * <p>Immutable. The rule name is filled in by the engine.
 */
public record TimeBudget(int minutes, String reason, String rule) implements RuleOutput {

    public TimeBudget {
        java.util.Objects.requireNonNull(reason, "reason");
        if (minutes <= 0) { throw new IllegalArgumentException("minutes must be positive: " + minutes); }
    }

    public TimeBudget(int minutes, String reason) {
        this(minutes, reason, null);
    }

    @Override
    public TimeBudget withRule(String ruleName) {
        return new TimeBudget(minutes, reason, ruleName);
    }
}
