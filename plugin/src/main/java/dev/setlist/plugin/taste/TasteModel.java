package dev.setlist.plugin.taste;

import dev.setlist.scorer.RecommenderModel;
import dev.setlist.scorer.data.IdIndex;
import dev.setlist.scorer.data.UserHistory;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/**
 * One trained model with the item index it was trained over. Scoring folds a person's current
 * history in, so an event that arrived after training shows in the very next playlist.
 *
 * <p>Immutable; share freely.
 *
 * @param items        item ids by model index
 * @param model        the fitted model
 * @param trainedAt    when training finished
 * @param trainingTime how long it took
 * @param interactions number of (person, item) pairs it was trained on
 * @param lastSeq      the last event-log sequence number reflected in the training data
 */
public record TasteModel(IdIndex items, RecommenderModel model, Instant trainedAt, Duration trainingTime,
                         int interactions, long lastSeq) {

    /** A person's history in model indices; items the model does not know are left out. */
    public UserHistory history(Map<String, Double> weightsByItem) {
        int[] indices = new int[weightsByItem.size()];
        int count = 0;
        for (String itemId : weightsByItem.keySet()) {
            int index = items.indexOf(itemId);
            if (index >= 0 && index < model.itemCount() && weightsByItem.get(itemId) > 0) {
                indices[count++] = index;
            }
        }
        indices = Arrays.copyOf(indices, count);
        Arrays.sort(indices);
        float[] weights = new float[count];
        for (int k = 0; k < count; k++) {
            weights[k] = (float) (double) weightsByItem.get(items.idAt(indices[k]));
        }
        return new UserHistory(indices, weights);
    }
}
