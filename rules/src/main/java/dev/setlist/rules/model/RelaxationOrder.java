package dev.setlist.rules.model;

/**
 * Output constraint: which constraints the sequencer may give up first when the catalog cannot satisfy them all, as a comma-separated list of kinds such as {@code "genre spacing, series spacing, genre cap"}. The last such fact inserted wins.
 *
 * <p>Immutable. The rule name is filled in by the engine.
 */
public record RelaxationOrder(String kinds, String reason, String rule) implements RuleOutput {

    public RelaxationOrder {
        java.util.Objects.requireNonNull(reason, "reason");
        java.util.Objects.requireNonNull(kinds, "kinds");
    }

    public RelaxationOrder(String kinds, String reason) {
        this(kinds, reason, null);
    }

    @Override
    public RelaxationOrder withRule(String ruleName) {
        return new RelaxationOrder(kinds, reason, ruleName);
    }
}
