package dev.setlist.rules.model;

import dev.setlist.scorer.catalog.ItemProfile.ItemKind;

import java.util.List;

/**
 * All of this evaluation's candidates in one fact, for rules that only matter in a rare context: a
 * rule that first matches its context and then takes items {@code from} this list looks at the
 * candidates only when the context holds, where a plain {@code Item(...)} pattern whose condition
 * depends on another pattern stores every candidate in every evaluation. Both forms match exactly
 * the same items:
 *
 * <pre>{@code
 * rule "Fatigue: rest the binged series"
 * when
 *     Binge( $series : seriesId, $name : seriesName, $length : length )
 *     Candidates( $candidates : items )
 *     $item : Item( seriesId == $series ) from $candidates
 * then ...
 * }</pre>
 *
 * <p>Going through the list costs more per item than a constant condition on a plain pattern, so
 * rules of a common context with constant conditions (the mode rules) keep plain patterns.
 *
 * <p>Whether some candidate is of a kind is a question about the list, not about each item:
 * {@code Candidates( hasKind(ItemKind.EPISODE) )} is tested once per evaluation, where
 * {@code exists Item( kind == ItemKind.EPISODE )} stores every episode in the {@code exists} node.
 *
 * <p>Immutable; share freely. The engine inserts exactly one per evaluation, listing every
 * {@link Item} it inserted, in the same order.
 *
 * @param items every candidate of the evaluation, unmodifiable
 */
public record Candidates(List<Item> items) {

    public Candidates {
        items = List.copyOf(items);
    }

    /** Whether at least one candidate is of {@code kind} (the first one found answers). */
    public boolean hasKind(ItemKind kind) {
        for (int i = 0, size = items.size(); i < size; i++) {
            if (items.get(i).kind() == kind) {
                return true;
            }
        }
        return false;
    }
}
