package dev.setlist.scorer.baseline;

import dev.setlist.scorer.RecommenderModel;
import dev.setlist.scorer.data.UserHistory;

/**
 * Scores every item by its popularity, the same for everyone: the number of people who interacted
 * with it in the data the model was fitted on.
 *
 * <p>Immutable; share freely.
 */
public final class MostPopularModel implements RecommenderModel {

    private final float[] popularity;

    MostPopularModel(float[] popularity) {
        this.popularity = popularity;
    }

    @Override
    public int itemCount() {
        return popularity.length;
    }

    /** The number of people who interacted with {@code item}. */
    public int popularity(int item) {
        return (int) popularity[item];
    }

    @Override
    public void score(UserHistory history, float[] scores) {
        System.arraycopy(popularity, 0, scores, 0, popularity.length);
    }
}
