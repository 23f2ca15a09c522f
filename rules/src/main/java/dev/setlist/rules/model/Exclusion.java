package dev.setlist.rules.model;

import java.util.Objects;

/**
 * Output: never offer this item in this playlist.
 *
 * @param itemId the item
 * @param reason why
 * @param rule   the rule that said so (filled in by the engine)
 */
public record Exclusion(String itemId, String reason, String rule) implements RuleOutput {

    public Exclusion {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(reason, "reason");
    }

    public Exclusion(String itemId, String reason) {
        this(itemId, reason, null);
    }

    public static Exclusion of(Item item, String reason) {
        return new Exclusion(item.id(), reason);
    }

    @Override
    public Exclusion withRule(String ruleName) {
        return new Exclusion(itemId, reason, ruleName);
    }
}
