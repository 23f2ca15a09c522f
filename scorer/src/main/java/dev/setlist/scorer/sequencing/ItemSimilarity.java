package dev.setlist.scorer.sequencing;

import dev.setlist.scorer.catalog.ItemProfile;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How alike two items feel in a session, in [0, 1]: the redundancy term of the sequencer's
 * MMR-like objective. Two episodes of one series are the same thing (1); two tracks by one artist
 * nearly so (0.8); otherwise a blend of genre overlap (weight 0.6) and tag overlap (0.4), each the
 * Jaccard index of the two sets, halved when the items are of different kinds.
 *
 * <p>Stateless; share freely.
 */
public final class ItemSimilarity {

    static final double SAME_ARTIST = 0.8;

    private ItemSimilarity() {
    }

    /** The similarity of {@code a} and {@code b}; symmetric, 1 for an item with itself. */
    public static double between(ItemProfile a, ItemProfile b) {
        if (a.id().equals(b.id())) {
            return 1;
        }
        Map<String, Integer> words = new HashMap<>();
        LowerCaseMemo lowerCase = new LowerCaseMemo();
        return between(Features.of(a, words, lowerCase), Features.of(b, words, lowerCase));
    }

    /** The same, on features computed once per item of distinct ids (the sequencer's hot path). */
    static double between(Features a, Features b) {
        if (a == b) {
            return 1;
        }
        if (a.seriesId() != null && a.seriesId().equals(b.seriesId())) {
            return 1;
        }
        double overlap = 0.6 * jaccard(a.genres(), b.genres()) + 0.4 * jaccard(a.tags(), b.tags());
        if (a.kind() != b.kind()) {
            overlap *= 0.5;
        }
        if (a.artist() != null && a.artist().equals(b.artist())) {
            return Math.max(SAME_ARTIST, overlap);
        }
        return overlap;
    }

    /** Jaccard index of two sorted sets of word numbers; 0 when either is empty. */
    static double jaccard(int[] left, int[] right) {
        if (left.length == 0 || right.length == 0) {
            return 0;
        }
        int common = 0;
        int i = 0;
        int j = 0;
        while (i < left.length && j < right.length) {
            if (left[i] == right[j]) {
                common++;
                i++;
                j++;
            } else if (left[i] < right[j]) {
                i++;
            } else {
                j++;
            }
        }
        return (double) common / (left.length + right.length - common);
    }

    /**
     * What similarity looks at, normalised once: genres and tags as sorted sets of word numbers
     * (lower-cased words numbered by a dictionary shared by the items compared), and the lower-case
     * artist.
     */
    record Features(String id, ItemProfile.ItemKind kind, String seriesId, String artist, int[] genres, int[] tags) {

        static Features of(ItemProfile item, Map<String, Integer> words, LowerCaseMemo lowerCase) {
            return new Features(item.id(), item.kind(), item.seriesId(),
                    item.artist() == null ? null : lowerCase.of(item.artist()),
                    numbers(item.genres(), words, lowerCase), numbers(item.tags(), words, lowerCase));
        }

        private static int[] numbers(List<String> values, Map<String, Integer> words, LowerCaseMemo lowerCase) {
            int[] numbers = new int[values.size()];
            for (int k = 0; k < numbers.length; k++) {
                String word = lowerCase.of(values.get(k));
                Integer number = words.get(word);
                if (number == null) {
                    number = words.size();
                    words.put(word, number);
                }
                numbers[k] = number;
            }
            Arrays.sort(numbers);
            int size = 0;
            for (int k = 0; k < numbers.length; k++) {
                if (k == 0 || numbers[k] != numbers[k - 1]) {
                    numbers[size++] = numbers[k];
                }
            }
            return size == numbers.length ? numbers : Arrays.copyOf(numbers, size);
        }
    }
}
