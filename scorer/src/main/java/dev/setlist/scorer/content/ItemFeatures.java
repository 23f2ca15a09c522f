package dev.setlist.scorer.content;

import dev.setlist.scorer.catalog.ItemProfile;
import dev.setlist.scorer.data.UserHistory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The catalog as sparse feature vectors: each item's kind, genres, tags, first people, studio, year band,
 * series, artist and album become features ({@link FeatureKind}), weighted by their kind and by inverse
 * document frequency ({@code 1 + ln((1 + N) / (1 + df))}: a tag on three items says more than a genre on
 * half the catalog), then scaled to unit length per item. Cosine similarity is then a dot product.
 *
 * <p>Stored by item (for an item's vector) and by feature (postings, so that the similarity of a profile to
 * every item costs only the postings of the profile's features).
 *
 * <p>Immutable; share freely.
 */
public final class ItemFeatures {

    private final ContentSettings settings;
    private final Map<String, Integer> vocabulary;
    private final String[] keys;
    private final float[] keyWeights;
    private final int itemCount;
    private final int[] itemPointers;
    private final int[] itemFeatures;
    private final float[] itemValues;
    private final int[] featurePointers;
    private final int[] featureItems;
    private final float[] featureValues;

    private ItemFeatures(ContentSettings settings, Map<String, Integer> vocabulary, String[] keys, float[] keyWeights,
                         int[] itemPointers, int[] itemFeatures, float[] itemValues) {
        this.settings = settings;
        this.vocabulary = vocabulary;
        this.keys = keys;
        this.keyWeights = keyWeights;
        this.itemCount = itemPointers.length - 1;
        this.itemPointers = itemPointers;
        this.itemFeatures = itemFeatures;
        this.itemValues = itemValues;
        int featureCount = keys.length;
        int[] counts = new int[featureCount + 1];
        for (int feature : itemFeatures) {
            counts[feature + 1]++;
        }
        for (int f = 0; f < featureCount; f++) {
            counts[f + 1] += counts[f];
        }
        this.featurePointers = counts.clone();
        this.featureItems = new int[itemFeatures.length];
        this.featureValues = new float[itemFeatures.length];
        int[] next = Arrays.copyOf(counts, featureCount);
        for (int item = 0; item < itemCount; item++) {
            for (int k = itemPointers[item]; k < itemPointers[item + 1]; k++) {
                int slot = next[itemFeatures[k]]++;
                featureItems[slot] = item;
                featureValues[slot] = itemValues[k];
            }
        }
    }

    /**
     * The features of a catalog whose list position is the item index.
     *
     * @throws NullPointerException when an entry is null
     */
    public static ItemFeatures of(List<ItemProfile> catalog, ContentSettings settings) {
        Objects.requireNonNull(settings, "settings");
        Map<String, Integer> vocabulary = new HashMap<>();
        List<String> keys = new ArrayList<>();
        List<Double> kindWeights = new ArrayList<>();
        int[][] itemKeys = new int[catalog.size()][];
        int[] documentFrequency = new int[16];
        for (int item = 0; item < catalog.size(); item++) {
            ItemProfile profile = Objects.requireNonNull(catalog.get(item), "catalog entry " + item);
            Map<String, FeatureKind> extracted = extract(profile, settings);
            int[] indices = new int[extracted.size()];
            int n = 0;
            for (Map.Entry<String, FeatureKind> entry : extracted.entrySet()) {
                Integer index = vocabulary.get(entry.getKey());
                if (index == null) {
                    index = keys.size();
                    vocabulary.put(entry.getKey(), index);
                    keys.add(entry.getKey());
                    kindWeights.add(entry.getValue().weight());
                    if (index == documentFrequency.length) {
                        documentFrequency = Arrays.copyOf(documentFrequency, 2 * index);
                    }
                }
                documentFrequency[index]++;
                indices[n++] = index;
            }
            Arrays.sort(indices);
            itemKeys[item] = indices;
        }
        int featureCount = keys.size();
        float[] keyWeights = new float[featureCount];
        for (int f = 0; f < featureCount; f++) {
            double idf = 1 + Math.log((1.0 + catalog.size()) / (1.0 + documentFrequency[f]));
            keyWeights[f] = (float) (kindWeights.get(f) * idf);
        }
        int[] pointers = new int[catalog.size() + 1];
        for (int item = 0; item < catalog.size(); item++) {
            pointers[item + 1] = pointers[item] + itemKeys[item].length;
        }
        int[] features = new int[pointers[catalog.size()]];
        float[] values = new float[features.length];
        for (int item = 0; item < catalog.size(); item++) {
            int[] indices = itemKeys[item];
            System.arraycopy(indices, 0, features, pointers[item], indices.length);
            float[] weights = new float[indices.length];
            for (int k = 0; k < indices.length; k++) {
                weights[k] = keyWeights[indices[k]];
            }
            normalize(weights);
            System.arraycopy(weights, 0, values, pointers[item], weights.length);
        }
        return new ItemFeatures(settings, Map.copyOf(vocabulary), keys.toArray(String[]::new), keyWeights,
                pointers, features, values);
    }

    /** The feature keys of one item with their kinds, in a stable order, each key once. */
    static Map<String, FeatureKind> extract(ItemProfile profile, ContentSettings settings) {
        Map<String, FeatureKind> keys = new LinkedHashMap<>();
        keys.put(FeatureKind.KIND.key(profile.kind().name()), FeatureKind.KIND);
        for (String genre : profile.genres()) {
            putIfText(keys, FeatureKind.GENRE, genre);
        }
        for (String tag : profile.tags()) {
            putIfText(keys, FeatureKind.TAG, tag);
        }
        List<String> people = profile.people();
        for (int p = 0; p < Math.min(settings.maxPeople(), people.size()); p++) {
            putIfText(keys, FeatureKind.PERSON, people.get(p));
        }
        putIfText(keys, FeatureKind.STUDIO, profile.studio());
        if (profile.year() != null) {
            int band = Math.floorDiv(profile.year(), settings.yearBandYears()) * settings.yearBandYears();
            keys.put(FeatureKind.YEAR_BAND.key(Integer.toString(band)), FeatureKind.YEAR_BAND);
        }
        putIfText(keys, FeatureKind.SERIES, profile.seriesId());
        putIfText(keys, FeatureKind.ARTIST, profile.artist());
        putIfText(keys, FeatureKind.ALBUM, profile.album());
        return keys;
    }

    private static void putIfText(Map<String, FeatureKind> keys, FeatureKind kind, String value) {
        if (value != null && !value.isBlank()) {
            keys.putIfAbsent(kind.key(value), kind);
        }
    }

    private static void normalize(float[] values) {
        double squared = 0;
        for (float value : values) {
            squared += (double) value * value;
        }
        if (squared > 0) {
            float scale = (float) (1 / Math.sqrt(squared));
            for (int k = 0; k < values.length; k++) {
                values[k] *= scale;
            }
        }
    }

    public ContentSettings settings() {
        return settings;
    }

    /** Number of catalog items; valid item indices are {@code 0..itemCount()-1}. */
    public int itemCount() {
        return itemCount;
    }

    /** Number of distinct features in the catalog. */
    public int featureCount() {
        return keys.length;
    }

    /** The key of feature {@code feature}, for example {@code genre:jazz}. */
    public String featureKey(int feature) {
        return keys[Objects.checkIndex(feature, keys.length)];
    }

    /** The index of the feature with this key, or {@code -1}. */
    public int featureIndex(String key) {
        Integer index = vocabulary.get(key);
        return index == null ? -1 : index;
    }

    /** The unit-length feature vector of catalog item {@code item}. */
    public FeatureVector features(int item) {
        Objects.checkIndex(item, itemCount);
        int from = itemPointers[item];
        int to = itemPointers[item + 1];
        return new FeatureVector(Arrays.copyOfRange(itemFeatures, from, to), Arrays.copyOfRange(itemValues, from, to));
    }

    /**
     * The unit-length feature vector of any item, in this catalog's feature space: features the catalog
     * has never seen are dropped (they carry no learned meaning). An item with no known feature gets
     * {@link FeatureVector#EMPTY}.
     */
    public FeatureVector encode(ItemProfile profile) {
        Map<String, FeatureKind> extracted = extract(profile, settings);
        int[] indices = new int[extracted.size()];
        int n = 0;
        for (String key : extracted.keySet()) {
            Integer index = vocabulary.get(key);
            if (index != null) {
                indices[n++] = index;
            }
        }
        indices = Arrays.copyOf(indices, n);
        Arrays.sort(indices);
        float[] values = new float[n];
        for (int k = 0; k < n; k++) {
            values[k] = keyWeights[indices[k]];
        }
        normalize(values);
        return new FeatureVector(indices, values);
    }

    /** Cosine similarity of two catalog items' features, in [0, 1]. */
    public double similarity(int a, int b) {
        return features(a).dot(features(b));
    }

    /**
     * The unit-length content profile of a history: the confidence-weighted sum of its items' feature
     * vectors, dense over the features. Items at or beyond {@link #itemCount()} are ignored; an empty
     * history gives the zero vector.
     */
    public float[] profile(UserHistory history) {
        float[] profile = new float[keys.length];
        int[] items = history.items();
        float[] weights = history.weights();
        for (int h = 0; h < items.length && items[h] < itemCount; h++) {
            for (int k = itemPointers[items[h]]; k < itemPointers[items[h] + 1]; k++) {
                profile[itemFeatures[k]] += weights[h] * itemValues[k];
            }
        }
        normalize(profile);
        return profile;
    }

    /**
     * {@code out[i] = cosine(item i, profile)} for every catalog item, touching only the postings of the
     * profile's features; items sharing no feature with it get 0.
     */
    public void similarities(float[] profile, float[] out) {
        similarities(profile, out, 0, itemCount);
    }

    /**
     * {@link #similarities(float[], float[])} for the items {@code from..to-1} only; the rest of {@code out} is
     * left as it was. Each posting list is in item order, so its part in the range is found by binary search.
     */
    public void similarities(float[] profile, float[] out, int from, int to) {
        if (profile.length != keys.length) {
            throw new IllegalArgumentException("profile has " + profile.length + " features, catalog has " + keys.length);
        }
        Objects.checkFromToIndex(from, to, itemCount);
        if (out.length < to) {
            throw new IllegalArgumentException("out has length " + out.length + ", need " + to);
        }
        Arrays.fill(out, from, to, 0f);
        boolean whole = from == 0 && to == itemCount;
        for (int f = 0; f < profile.length; f++) {
            float weight = profile[f];
            if (weight != 0f) {
                int start = featurePointers[f];
                int end = featurePointers[f + 1];
                if (!whole) {
                    start = firstAtLeast(start, end, from);
                    end = firstAtLeast(start, end, to);
                }
                for (int k = start; k < end; k++) {
                    out[featureItems[k]] += weight * featureValues[k];
                }
            }
        }
    }

    /** The first posting position in {@code [start, end)} whose item is at least {@code item}. */
    private int firstAtLeast(int start, int end, int item) {
        int low = start;
        int high = end;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (featureItems[middle] < item) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    int[] itemPointers() {
        return itemPointers;
    }

    int[] itemFeatureIndices() {
        return itemFeatures;
    }

    float[] itemFeatureValues() {
        return itemValues;
    }
}
