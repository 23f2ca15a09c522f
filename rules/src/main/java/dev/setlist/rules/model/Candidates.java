package dev.setlist.rules.model;

import java.util.List;

/**
 * All of this evaluation's candidates in one fact, for rules that only matter in some context: a
 * rule that first matches its context and then takes items {@code from} this list looks at the
 * candidates only when the context holds, where a plain {@code Item(...)} pattern is tested and
 * stored for every candidate in every evaluation. Both forms match exactly the same items:
 *
 * <pre>{@code
 * rule "Workout: short items"
 * when
 *     ActiveMode( mode == Mode.WORKOUT )
 *     Candidates( $candidates : items )
 *     $item : Item( runtimeMinutes > 45 ) from $candidates
 * then ...
 * }</pre>
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
