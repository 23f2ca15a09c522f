package dev.setlist.scorer.baseline;

import dev.setlist.scorer.Recommender;
import dev.setlist.scorer.data.Interactions;

/**
 * The floor every personalised recommender must clear: everyone gets the items the most people
 * interacted with. An item's popularity is the number of distinct people with an interaction on
 * it, whatever the weights, so one binge does not outweigh a crowd.
 *
 * <p>Stateless; share freely.
 */
public final class MostPopularTrainer implements Recommender {

    @Override
    public String name() {
        return "most popular";
    }

    /**
     * @throws IllegalArgumentException when {@code data} holds no interaction
     */
    @Override
    public MostPopularModel fit(Interactions data) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("most popular cannot be fitted to data with no interactions");
        }
        float[] popularity = new float[data.itemCount()];
        for (int item = 0; item < popularity.length; item++) {
            popularity[item] = data.itemDegree(item);
        }
        return new MostPopularModel(popularity);
    }
}
