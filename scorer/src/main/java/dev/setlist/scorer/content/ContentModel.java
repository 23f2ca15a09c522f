package dev.setlist.scorer.content;

import dev.setlist.scorer.als.AlsModel;
import dev.setlist.scorer.catalog.ItemProfile;
import dev.setlist.scorer.data.UserHistory;

import java.util.Arrays;
import java.util.Objects;

/**
 * What item features say: a linear map from an item's features into the latent space of an
 * {@link AlsModel} (so that an item nobody has played yet gets a vector and a taste score), and the
 * content similarity between a person's history and each item (the {@code content} part of a candidate's
 * score). Fitted by {@link ContentTrainer}.
 *
 * <p>Immutable; share freely.
 */
public final class ContentModel {

    private final ItemFeatures features;
    private final int factors;
    private final float[] weights;
    private final float[] mean;

    ContentModel(ItemFeatures features, int factors, float[] weights, float[] mean) {
        this.features = features;
        this.factors = factors;
        this.weights = weights;
        this.mean = mean;
    }

    /** The catalog's feature vectors. */
    public ItemFeatures features() {
        return features;
    }

    /** Number of latent dimensions of the vectors this model maps to. */
    public int factors() {
        return factors;
    }

    /** Number of catalog items this model knows; valid indices are {@code 0..itemCount()-1}. */
    public int itemCount() {
        return features.itemCount();
    }

    /**
     * The latent vector that the features of {@code profile} predict: {@code mu + x W}. Features this
     * catalog never had are ignored; an item without any known feature maps to {@code mu}, the mean item.
     */
    public float[] latentVector(ItemProfile profile) {
        return latentVector(features.encode(Objects.requireNonNull(profile, "profile")));
    }

    /** The latent vector that the features of catalog item {@code item} predict. */
    public float[] latentVector(int item) {
        return latentVector(features.features(item));
    }

    private float[] latentVector(FeatureVector vector) {
        float[] result = mean.clone();
        int[] indices = vector.indices();
        float[] values = vector.values();
        for (int k = 0; k < indices.length; k++) {
            int row = indices[k] * factors;
            float value = values[k];
            for (int a = 0; a < factors; a++) {
                result[a] += value * weights[row + a];
            }
        }
        return result;
    }

    /**
     * {@code model} with a mapped vector for every catalog item it cannot score from interactions: items
     * cold in training and items added to the catalog after it (indices from {@code model.itemCount()} to
     * {@link #itemCount()}). Warm items keep their trained vectors.
     *
     * @throws IllegalArgumentException when the model's dimensions or item count do not fit this catalog
     */
    public AlsModel withColdItems(AlsModel model) {
        if (model.factors() != factors) {
            throw new IllegalArgumentException("model has " + model.factors() + " factors, this map " + factors);
        }
        if (model.itemCount() > itemCount()) {
            throw new IllegalArgumentException("model has " + model.itemCount() + " items, the catalog only "
                    + itemCount());
        }
        int[] cold = new int[itemCount()];
        int n = 0;
        for (int item = 0; item < itemCount(); item++) {
            if (item >= model.itemCount() || model.isCold(item)) {
                cold[n++] = item;
            }
        }
        cold = Arrays.copyOf(cold, n);
        float[] vectors = new float[n * factors];
        for (int j = 0; j < n; j++) {
            System.arraycopy(latentVector(cold[j]), 0, vectors, j * factors, factors);
        }
        return model.withItemVectors(itemCount(), cold, vectors);
    }

    /**
     * {@code out[i]} = cosine similarity, in [0, 1], between item {@code i}'s features and the content
     * profile of {@code history} (see {@link ItemFeatures#profile}); all zero for an empty history.
     */
    public void similarities(UserHistory history, float[] out) {
        features.similarities(features.profile(history), out);
    }

    /** {@link #similarities(UserHistory, float[])} for the items {@code from..to-1} only. */
    public void similarities(UserHistory history, float[] out, int from, int to) {
        features.similarities(features.profile(history), out, from, to);
    }

    /** Cosine similarity of two catalog items' features, in [0, 1]. */
    public double similarity(int a, int b) {
        return features.similarity(a, b);
    }
}
