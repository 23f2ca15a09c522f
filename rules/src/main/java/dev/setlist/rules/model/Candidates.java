package dev.setlist.rules.model;

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
 * <p>Immutable; share freely. The engine inserts exactly one per evaluation, listing every
 * {@link Item} it inserted, in the same order.
 *
 * @param items every candidate of the evaluation, unmodifiable
 */
public record Candidates(List<Item> items) {

    public Candidates {
        items = List.copyOf(items);
    }
}
