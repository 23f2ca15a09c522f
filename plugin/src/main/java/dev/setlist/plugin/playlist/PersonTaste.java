package dev.setlist.plugin.playlist;

import dev.setlist.plugin.signals.InteractionLedger;
import dev.setlist.plugin.taste.PersonHistory;
import dev.setlist.plugin.taste.TasteModel;
import dev.setlist.scorer.catalog.ItemProfile;
import dev.setlist.scorer.catalog.ItemProfile.ItemKind;
import dev.setlist.scorer.data.UserHistory;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * One person's taste at one moment, as the ranking stages read it: their interactions, the weights
 * they fold in with (plays and ratings, plus the items they chose in the onboarding quiz), when they
 * last played each item (for the rules' repeat window), and what must not be offered to them again.
 *
 * <p>Immutable; one per request.
 *
 * @param personId     the person (an account, or a profile inside one)
 * @param interactions their interactions by item id
 * @param weights      fold-in weights by item id
 * @param lastPlayed   when they last played each item, by item id
 */
public record PersonTaste(String personId, Map<String, InteractionLedger.Interaction> interactions,
                          Map<String, Double> weights, Map<String, Instant> lastPlayed) {

    public PersonTaste {
        interactions = Map.copyOf(interactions);
        weights = Map.copyOf(weights);
        lastPlayed = Map.copyOf(lastPlayed);
    }

    /** The person's taste now: their interactions, and the weights {@code histories} folds them in with. */
    public static PersonTaste of(String personId, PersonHistory histories) {
        Map<String, InteractionLedger.Interaction> interactions = histories.interactions(personId);
        Map<String, Instant> lastPlayed = new HashMap<>();
        interactions.forEach((itemId, interaction) -> {
            if (interaction.lastPlayed() != null) {
                lastPlayed.put(itemId, interaction.lastPlayed());
            }
        });
        return new PersonTaste(personId, interactions, histories.weights(personId, interactions), lastPlayed);
    }

    /** The history to fold in with {@code taste}; empty before the first model. */
    public UserHistory history(TasteModel taste) {
        return taste == null ? UserHistory.EMPTY : taste.history(weights);
    }

    /** The person's vector in {@code taste}: the fold-in of their history (zero when it is empty). */
    public float[] vector(TasteModel taste) {
        return taste.model().foldIn(history(taste));
    }

    public boolean disliked(String itemId) {
        InteractionLedger.Interaction interaction = interactions.get(itemId);
        return interaction != null && interaction.disliked();
    }

    public boolean finished(String itemId) {
        InteractionLedger.Interaction interaction = interactions.get(itemId);
        return interaction != null && interaction.finished();
    }

    /** Whether {@code item} is not to be offered again unasked: disliked, or a finished film or episode. */
    public boolean offeredNoMore(ItemProfile item) {
        return disliked(item.id()) || (finished(item.id()) && item.kind() != ItemKind.TRACK);
    }
}
