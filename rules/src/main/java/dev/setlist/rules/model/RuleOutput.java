package dev.setlist.rules.model;

/**
 * What every output fact has: a human reason, and the name of the rule that inserted it. Rules
 * construct outputs without a rule name; the engine fills it in from the insertion itself, so the
 * name in an outcome is always the rule that really fired.
 */
public interface RuleOutput {

    /** The sentence shown to people. */
    String reason();

    /** The rule that inserted this output, or {@code null} before collection. */
    String rule();

    /** A copy naming {@code ruleName} as its source. */
    RuleOutput withRule(String ruleName);
}
