package dev.setlist.scorer.explore;

import dev.setlist.scorer.als.AlsModel;
import dev.setlist.scorer.data.UserHistory;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Picks wildcards: items the model rates well for a person, that lie far from what the person usually
 * plays, and that as few people as possible have played. Of a pool of good items (best first):
 * <ol>
 *   <li>items of the person's own history are never wildcards (a wildcard is a discovery);</li>
 *   <li>the least exposed of the rest are kept: the items nobody in the training data played, widened to
 *       the items one person played, then two, and so on, until at least as many items as wildcards
 *       asked for are kept (a good item others already play is one the person will meet anyway, so
 *       exploration spends its slots where nobody has looked yet);</li>
 *   <li>of those, the half farthest from the person's usual taste is eligible. "Usual taste" is the
 *       confidence-weighted centroid of the history's item vectors; an item's distance from it is one minus
 *       the cosine of its vector with the centroid;</li>
 *   <li>wildcards are drawn from the eligible items without replacement, with probability proportional to
 *       {@code 1 / (1 + rank in the pool)}: better items more often, but not always the same ones.</li>
 * </ol>
 * The draw is deterministic for a seed.
 *
 * <p>Immutable; share freely.
 */
public final class WildcardPicker {

    private final AlsModel model;

    public WildcardPicker(AlsModel model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    /**
     * The usual taste of {@code history}: the weighted mean direction of its item vectors, unit length;
     * {@code null} when no item of the history has a non-zero vector in the model.
     */
    public float[] tasteCentroid(UserHistory history) {
        int d = model.factors();
        double[] sum = new double[d];
        int[] items = history.items();
        float[] weights = history.weights();
        for (int h = 0; h < items.length && items[h] < model.itemCount(); h++) {
            float[] q = model.itemVector(items[h]);
            double norm = Math.sqrt(model.itemSquaredNorm(items[h]));
            if (norm > 0) {
                for (int a = 0; a < d; a++) {
                    sum[a] += weights[h] * q[a] / norm;
                }
            }
        }
        double length = 0;
        for (double value : sum) {
            length += value * value;
        }
        if (length == 0) {
            return null;
        }
        float[] centroid = new float[d];
        double scale = 1 / Math.sqrt(length);
        for (int a = 0; a < d; a++) {
            centroid[a] = (float) (sum[a] * scale);
        }
        return centroid;
    }

    /** Cosine between the vector of {@code item} and a unit {@code centroid}; 0 for an item with a zero vector. */
    public double tasteSimilarity(float[] centroid, int item) {
        double norm = Math.sqrt(model.itemSquaredNorm(item));
        return norm == 0 ? 0 : model.itemDot(item, centroid) / norm;
    }

    /**
     * Up to {@code count} wildcards from {@code pool}, in the order drawn.
     *
     * @param history the person's history, which defines their usual taste
     * @param pool    candidate item indices, best first, none of which the caller wants excluded; items of
     *                {@code history} among them are skipped
     * @param count   how many wildcards; fewer come back when the pool without the history's items is smaller
     * @param seed    the draw's seed
     * @return item indices; empty when the history tells nothing about taste (no known item vector)
     */
    public int[] pick(UserHistory history, int[] pool, int count, long seed) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, was " + count);
        }
        float[] centroid = tasteCentroid(history);
        if (centroid == null || count == 0 || pool.length == 0) {
            return new int[0];
        }
        // The pool positions not in the history, and the exposure (people who played it) of each.
        int[] ranks = new int[pool.length];
        int[] exposure = new int[pool.length];
        int size = 0;
        for (int rank = 0; rank < pool.length; rank++) {
            int item = pool[rank];
            if (!history.contains(item)) {
                ranks[size] = rank;
                exposure[size++] = model.itemFrequency(item);
            }
        }
        if (size == 0) {
            return new int[0];
        }
        // The least exposed: the lowest exposure that keeps at least count items (or all of them).
        int[] sortedExposure = Arrays.copyOf(exposure, size);
        Arrays.sort(sortedExposure);
        int ceiling = sortedExposure[Math.min(count, size) - 1];
        // Sort those by similarity (ascending), ties by pool rank, and keep the farther half.
        long[] bySimilarity = new long[size];
        int kept = 0;
        for (int p = 0; p < size; p++) {
            if (exposure[p] <= ceiling) {
                double similarity = tasteSimilarity(centroid, pool[ranks[p]]);
                // Map [-1, 1] to a sortable non-negative integer, keeping the rank in the low bits.
                long key = Math.round((similarity + 1) * 1e6);
                bySimilarity[kept++] = (key << 32) | ranks[p];
            }
        }
        Arrays.sort(bySimilarity, 0, kept);
        int far = Math.max(Math.min(count, kept), (kept + 1) / 2);
        int[] eligibleRanks = new int[far];
        for (int k = 0; k < far; k++) {
            eligibleRanks[k] = (int) bySimilarity[k];
        }
        Arrays.sort(eligibleRanks);
        double[] weights = new double[far];
        for (int k = 0; k < far; k++) {
            weights[k] = 1.0 / (1 + eligibleRanks[k]);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int picks = Math.min(count, far);
        int[] chosen = new int[picks];
        for (int p = 0; p < picks; p++) {
            double total = 0;
            for (double weight : weights) {
                total += weight;
            }
            double target = random.nextDouble() * total;
            int k = -1;
            double cumulative = 0;
            for (int j = 0; j < far; j++) {
                if (weights[j] > 0) {
                    k = j;
                    cumulative += weights[j];
                    if (target < cumulative) {
                        break;
                    }
                }
            }
            chosen[p] = pool[eligibleRanks[k]];
            weights[k] = 0;
        }
        return chosen;
    }
}
