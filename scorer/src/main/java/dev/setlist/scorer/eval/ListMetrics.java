package dev.setlist.scorer.eval;

import java.util.Arrays;

/**
 * The per-person figures behind {@link CutoffMetrics}, for one ranked list against one set of held-out
 * items. Ranks count from 1; the list may be shorter than {@code k}.
 *
 * <p>Stateless; thread-safe.
 */
final class ListMetrics {

    private ListMetrics() {
    }

    /** Hits in the top {@code k} over {@code min(k, |relevant|)}. */
    static double recall(int[] ranked, int[] relevant, int k) {
        return (double) hits(ranked, relevant, k) / Math.min(k, relevant.length);
    }

    /** Binary-relevance NDCG at {@code k}: DCG with discount {@code 1/log2(rank+1)}, over the ideal DCG of {@code min(k, |relevant|)} hits. */
    static double ndcg(int[] ranked, int[] relevant, int k) {
        double dcg = 0;
        int length = Math.min(k, ranked.length);
        for (int r = 0; r < length; r++) {
            if (contains(relevant, ranked[r])) {
                dcg += discount(r + 1);
            }
        }
        double ideal = 0;
        for (int r = 0; r < Math.min(k, relevant.length); r++) {
            ideal += discount(r + 1);
        }
        return dcg / ideal;
    }

    /** 1 when the top {@code k} holds a held-out item, otherwise 0. */
    static double hit(int[] ranked, int[] relevant, int k) {
        return hits(ranked, relevant, k) > 0 ? 1 : 0;
    }

    /** {@code 1/rank} of the first held-out item in the top {@code k}, 0 without one. */
    static double reciprocalRank(int[] ranked, int[] relevant, int k) {
        int length = Math.min(k, ranked.length);
        for (int r = 0; r < length; r++) {
            if (contains(relevant, ranked[r])) {
                return 1.0 / (r + 1);
            }
        }
        return 0;
    }

    /** The mean genre dissimilarity over all pairs of the top {@code k}; 0 for fewer than two items. */
    static double diversity(int[] ranked, int k, ItemGenres genres) {
        int length = Math.min(k, ranked.length);
        if (length < 2) {
            return 0;
        }
        double sum = 0;
        for (int a = 0; a < length; a++) {
            for (int b = a + 1; b < length; b++) {
                sum += genres.dissimilarity(ranked[a], ranked[b]);
            }
        }
        return sum / (length * (length - 1) / 2.0);
    }

    /** The mean of {@code selfInformation[item]} over the top {@code k}; 0 for an empty list. */
    static double novelty(int[] ranked, int k, double[] selfInformation) {
        int length = Math.min(k, ranked.length);
        if (length == 0) {
            return 0;
        }
        double sum = 0;
        for (int r = 0; r < length; r++) {
            sum += selfInformation[ranked[r]];
        }
        return sum / length;
    }

    /** {@code -log2(max(1, degree) / people)} for every item: how surprising it is to be shown it. */
    static double[] selfInformation(int[] degrees, int people) {
        double[] result = new double[degrees.length];
        for (int i = 0; i < degrees.length; i++) {
            result[i] = -log2((double) Math.max(1, degrees[i]) / people);
        }
        return result;
    }

    private static int hits(int[] ranked, int[] relevant, int k) {
        int hits = 0;
        int length = Math.min(k, ranked.length);
        for (int r = 0; r < length; r++) {
            if (contains(relevant, ranked[r])) {
                hits++;
            }
        }
        return hits;
    }

    private static boolean contains(int[] sorted, int item) {
        return Arrays.binarySearch(sorted, item) >= 0;
    }

    private static double discount(int rank) {
        return 1.0 / log2(rank + 1);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
