package dev.setlist.plugin.taste;

import dev.setlist.plugin.signals.InteractionLedger;
import dev.setlist.plugin.signals.PlayTimeline;
import dev.setlist.plugin.store.PersonStore;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one person's taste is folded from: their interactions' weights, plus the items they chose in the
 * pairwise quiz (weight 1, or their own weight when higher). After a reset that kept the history, only
 * what happened since the reset counts ({@link FreshStarts}); statistics read the ledger itself.
 *
 * <p>Thread-safe.
 */
public final class PersonHistory {

    private final InteractionLedger ledger;
    private final PersonStore people;
    private final FreshStarts fresh;

    public PersonHistory(InteractionLedger ledger, PersonStore people, FreshStarts fresh) {
        this.ledger = ledger;
        this.people = people;
        this.fresh = fresh;
    }

    /** The person's interactions by item id, as recommendations see them (since a reset, if any). */
    public Map<String, InteractionLedger.Interaction> interactions(String userId) {
        return fresh.interactions(userId, ledger);
    }

    /** Item id to confidence weight; zero weights (skips, dislikes) are kept, callers drop them. */
    public Map<String, Double> weights(String userId) {
        return weights(userId, interactions(userId));
    }

    /** The weights of {@code interactions} (the person's, as {@link #interactions} gave them) and quiz answers. */
    public Map<String, Double> weights(String userId, Map<String, InteractionLedger.Interaction> interactions) {
        Map<String, Double> weights = new HashMap<>();
        interactions.forEach((itemId, interaction) -> weights.put(itemId, interaction.weight()));
        for (PersonStore.OnboardingAnswer answer : people.answers(userId)) {
            weights.merge(answer.chosenId(), 1.0, Math::max);
        }
        return weights;
    }

    /** The person's current session at {@code now}, without the plays before their reset. */
    public List<PlayTimeline.Play> currentSession(PlayTimeline timeline, String userId, Instant now) {
        List<PlayTimeline.Play> session = timeline.currentSession(userId, now);
        return fresh.since(userId)
                .map(since -> session.stream().filter(play -> play.startedAt().isAfter(since)).toList())
                .orElse(session);
    }
}
