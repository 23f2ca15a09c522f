package dev.setlist.plugin.taste;

import dev.setlist.scorer.als.AlsModel;
import dev.setlist.scorer.candidates.CandidateGenerator;
import dev.setlist.scorer.catalog.ItemProfile;
import dev.setlist.scorer.catalog.SeriesOrder;
import dev.setlist.scorer.content.ContentModel;
import dev.setlist.scorer.data.IdIndex;
import dev.setlist.scorer.data.UserHistory;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * One trained generation of everything that ranks: the iALS model extended to cold items by the
 * content map, the next-item model, and the candidate generator over the catalog they were trained
 * with (catalog position = item index). Scoring folds a person's current history in, so an event that
 * arrived after training shows in the very next playlist.
 *
 * <p>Immutable; share freely.
 *
 * @param items        item ids by index
 * @param catalog      the catalog by index
 * @param model        iALS item factors, cold items included
 * @param content      the content map (feature similarity, vectors for items nobody played)
 * @param candidates   the candidate generator
 * @param trainedAt    when training finished
 * @param trainingTime how long it took
 * @param interactions number of (person, item) pairs it was trained on
 * @param lastSeq      the last event-log sequence number reflected in the training data
 * @param tracks       the indices of the catalog's tracks, counted once here rather than on every request
 * @param series       the watching order of the catalog's series, by index, built once here as well
 */
public record TasteModel(IdIndex items, List<ItemProfile> catalog, AlsModel model, ContentModel content,
                         CandidateGenerator candidates, Instant trainedAt, Duration trainingTime, int interactions,
                         long lastSeq, BitSet tracks, SeriesOrder series) {

    public TasteModel {
        catalog = List.copyOf(catalog);
    }

    /** A model over {@code catalog}, its tracks and its series' order found once. */
    public TasteModel(IdIndex items, List<ItemProfile> catalog, AlsModel model, ContentModel content,
                      CandidateGenerator candidates, Instant trainedAt, Duration trainingTime, int interactions,
                      long lastSeq) {
        this(items, catalog, model, content, candidates, trainedAt, trainingTime, interactions, lastSeq,
                tracksOf(catalog), SeriesOrder.of(catalog));
    }

    private static BitSet tracksOf(List<ItemProfile> catalog) {
        BitSet tracks = new BitSet(catalog.size());
        for (int index = 0; index < catalog.size(); index++) {
            if (catalog.get(index).kind() == ItemProfile.ItemKind.TRACK) {
                tracks.set(index);
            }
        }
        return tracks;
    }

    /**
     * A fresh set of the indices a playlist of {@code music} (or video, when false) never holds: the other
     * media's items. The caller may add to it.
     */
    public BitSet otherMedia(boolean music) {
        BitSet other = (BitSet) tracks.clone();
        if (music) {
            other.flip(0, catalog.size());
        }
        return other;
    }

    /** A person's history in model indices; items the model does not know, and zero weights, are left out. */
    public UserHistory history(Map<String, Double> weightsByItem) {
        int[] indices = new int[weightsByItem.size()];
        int count = 0;
        for (Map.Entry<String, Double> entry : weightsByItem.entrySet()) {
            int index = items.indexOf(entry.getKey());
            if (index >= 0 && entry.getValue() > 0) {
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

    /** Indices of the given ids that the model knows, in the given order. */
    public int[] indicesOf(List<String> itemIds) {
        return itemIds.stream().mapToInt(items::indexOf).filter(index -> index >= 0).toArray();
    }

    /** Cosine similarity of two items in the latent space, 0 when either vector is zero. */
    public double similarity(int a, int b) {
        // One copy of a's vector; b's is read in place.
        double dot = model.itemDot(b, model.itemVector(a));
        double norms = Math.sqrt((double) model.itemSquaredNorm(a) * model.itemSquaredNorm(b));
        return norms == 0 ? 0 : dot / norms;
    }
}
