package dev.setlist.plugin.taste;

import dev.setlist.plugin.signals.InteractionLedger;
import dev.setlist.plugin.store.PersonStore;

import java.util.HashMap;
import java.util.Map;

/**
 * What one person's taste is folded from: their interactions' weights, plus the items they chose in the
 * pairwise quiz (weight 1, or their own weight when higher).
 *
 * <p>Thread-safe.
 */
public final class PersonHistory {

    private final InteractionLedger ledger;
    private final PersonStore people;

    public PersonHistory(InteractionLedger ledger, PersonStore people) {
        this.ledger = ledger;
        this.people = people;
    }

    /** Item id to confidence weight; zero weights (skips, dislikes) are kept, callers drop them. */
    public Map<String, Double> weights(String userId) {
        Map<String, Double> weights = new HashMap<>();
        ledger.snapshot(userId).forEach((itemId, interaction) -> weights.put(itemId, interaction.weight()));
        for (PersonStore.OnboardingAnswer answer : people.answers(userId)) {
            weights.merge(answer.chosenId(), 1.0, Math::max);
        }
        return weights;
    }
}
