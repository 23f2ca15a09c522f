package dev.setlist.scorer.path;

import dev.setlist.scorer.als.AlsModel;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * The straight line from item {@code a} to item {@code b} in an iALS model's latent space, scored
 * against every item of the catalog. The point at {@code t} in [0, 1] is the waypoint
 * {@code w(t) = (1 - t)·q_a + t·q_b}; an item fits step {@code t} by the cosine of its vector with that
 * waypoint ({@link #closeness}) and fits the person by the cosine of its vector with their folded-in
 * vector {@code x} ({@link #taste}); a step's score blends the two by the {@code tastePull}.
 *
 * <p>Cosines rather than distances: iALS vector norms grow with popularity, and a waypoint between two
 * dissimilar items is shorter than either end, so a distance would favour obscure items near the
 * origin; the angle says which direction of taste an item belongs to, which is what a journey follows.
 *
 * <p>Cost: three dot products per catalog item when built ({@code O(n·d)}, through the model's tiled
 * scoring), then {@code O(1)} per item and waypoint, because
 * {@code q_i·w(t) = (1 - t)·(q_i·q_a) + t·(q_i·q_b)} and {@code |w(t)|} follows from {@code |q_a|},
 * {@code |q_b|} and {@code q_a·q_b}. A journey of 50 steps over 100,000 items costs a few million
 * multiply-adds.
 *
 * <p>Immutable once built; share freely.
 */
public final class TastePath {

    private final int from;
    private final int to;
    private final float[] dotFrom;
    private final float[] dotTo;
    private final float[] dotUser;
    private final float[] norms;
    private final double userNorm;
    private final double fromSquared;
    private final double toSquared;
    private final double fromDotTo;

    private TastePath(int from, int to, float[] dotFrom, float[] dotTo, float[] dotUser, float[] norms,
                      double userNorm) {
        this.from = from;
        this.to = to;
        this.dotFrom = dotFrom;
        this.dotTo = dotTo;
        this.dotUser = dotUser;
        this.norms = norms;
        this.userNorm = userNorm;
        this.fromSquared = dotFrom[from];
        this.toSquared = dotTo[to];
        this.fromDotTo = dotFrom[to];
    }

    /**
     * The path from {@code from} to {@code to} for a person with vector {@code user}.
     *
     * @param user the person's folded-in vector; the zero vector (nobody known yet) makes {@link #taste} 0
     * @throws IllegalArgumentException when the two items are the same, either has the zero vector (no
     *                                  place in taste space yet), or {@code user} has the wrong length
     */
    public static TastePath between(AlsModel model, int from, int to, float[] user) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(user, "user");
        Objects.checkIndex(from, model.itemCount());
        Objects.checkIndex(to, model.itemCount());
        if (from == to) {
            throw new IllegalArgumentException("a path needs two different items, got " + from + " twice");
        }
        for (int end : new int[] {from, to}) {
            if (model.itemSquaredNorm(end) == 0f) {
                throw new IllegalArgumentException("item " + end + " has no place in taste space (its vector is zero)");
            }
        }
        int n = model.itemCount();
        float[] dotFrom = new float[n];
        float[] dotTo = new float[n];
        float[] dotUser = new float[n];
        model.scoreVector(model.itemVector(from), dotFrom);
        model.scoreVector(model.itemVector(to), dotTo);
        model.scoreVector(user, dotUser);
        float[] norms = new float[n];
        for (int item = 0; item < n; item++) {
            norms[item] = (float) Math.sqrt(model.itemSquaredNorm(item));
        }
        double userSquared = 0;
        for (float value : user) {
            userSquared += (double) value * value;
        }
        return new TastePath(from, to, dotFrom, dotTo, dotUser, norms, Math.sqrt(userSquared));
    }

    public int from() {
        return from;
    }

    public int to() {
        return to;
    }

    /** Number of items scored. */
    public int itemCount() {
        return norms.length;
    }

    /** Cosine of the two ends: 1 when they point the same way in taste, negative when they are opposites. */
    public double endsSimilarity() {
        return fromDotTo / Math.sqrt(fromSquared * toSquared);
    }

    /** {@code |w(t)|}: the length of the waypoint at {@code t}. */
    private double waypointNorm(double t) {
        double s = 1 - t;
        double squared = s * s * fromSquared + 2 * s * t * fromDotTo + t * t * toSquared;
        return Math.sqrt(Math.max(0, squared));
    }

    /**
     * The cosine of {@code item}'s vector with the waypoint at {@code t}, in [-1, 1]; 0 for an item with
     * the zero vector or where the waypoint is the origin (two exactly opposite ends, halfway).
     */
    public double closeness(int item, double t) {
        requireT(t);
        double norm = norms[item] * waypointNorm(t);
        return norm == 0 ? 0 : clamp(((1 - t) * dotFrom[item] + t * dotTo[item]) / norm);
    }

    /**
     * How far along the path {@code item} lies: the projection of its vector on the segment from
     * {@code q_a} to {@code q_b}, {@code ((q_i - q_a)·(q_b - q_a)) / |q_b - q_a|^2}, clamped to [0, 1].
     * The first end is at 0, the second at 1.
     */
    public double progress(int item) {
        double span = fromSquared - 2 * fromDotTo + toSquared;
        if (span <= 0) {
            return 0;
        }
        double along = dotTo[item] - dotFrom[item] - fromDotTo + fromSquared;
        return Math.max(0, Math.min(1, along / span));
    }

    /** The cosine of {@code item}'s vector with the person's, in [-1, 1]; 0 when either is zero. */
    public double taste(int item) {
        double norm = norms[item] * userNorm;
        return norm == 0 ? 0 : clamp(dotUser[item] / norm);
    }

    /**
     * How well {@code item} fits the step at {@code t}, in [0, 1]: {@code (1 - pull)·closeness + pull·taste},
     * each cosine mapped from [-1, 1] to [0, 1]. With no known taste the path alone decides.
     *
     * @param tastePull 0 follows the path only, 1 the person only
     */
    public double stepScore(int item, double t, double tastePull) {
        requirePull(tastePull);
        double pull = userNorm == 0 ? 0 : tastePull;
        return (1 - pull) * (1 + closeness(item, t)) / 2 + pull * (1 + taste(item)) / 2;
    }

    /**
     * The {@code count} items that best fit the step at {@code t}, best first, among those
     * {@code eligible} accepts; the two ends are never returned. Ties go to the lower index.
     */
    public int[] nearest(double t, int count, double tastePull, IntPredicate eligible) {
        requireT(t);
        requirePull(tastePull);
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        int[] heap = new int[count];
        double[] values = new double[count];
        int size = 0;
        for (int item = 0; item < norms.length && count > 0; item++) {
            if (item == from || item == to || !eligible.test(item)) {
                continue;
            }
            double value = stepScore(item, t, tastePull);
            if (size < count) {
                heap[size] = item;
                values[size] = value;
                siftUp(heap, values, size++);
            } else if (value > values[0]) {
                heap[0] = item;
                values[0] = value;
                siftDown(heap, values, size);
            }
        }
        Integer[] order = new Integer[size];
        for (int k = 0; k < size; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (x, y) -> values[x] != values[y] ? Double.compare(values[y], values[x])
                : Integer.compare(heap[x], heap[y]));
        int[] result = new int[size];
        for (int k = 0; k < size; k++) {
            result[k] = heap[order[k]];
        }
        return result;
    }

    /** Min-heap on value; among equal values the higher index is the smaller (so lower indices are kept). */
    private static boolean less(double[] values, int[] items, int x, int y) {
        return values[x] < values[y] || (values[x] == values[y] && items[x] > items[y]);
    }

    private static void siftUp(int[] items, double[] values, int at) {
        while (at > 0) {
            int parent = (at - 1) / 2;
            if (!less(values, items, at, parent)) {
                return;
            }
            swap(items, values, at, parent);
            at = parent;
        }
    }

    private static void siftDown(int[] items, double[] values, int size) {
        int at = 0;
        while (true) {
            int left = 2 * at + 1;
            int right = left + 1;
            int smallest = at;
            if (left < size && less(values, items, left, smallest)) {
                smallest = left;
            }
            if (right < size && less(values, items, right, smallest)) {
                smallest = right;
            }
            if (smallest == at) {
                return;
            }
            swap(items, values, at, smallest);
            at = smallest;
        }
    }

    private static void swap(int[] items, double[] values, int x, int y) {
        int item = items[x];
        items[x] = items[y];
        items[y] = item;
        double value = values[x];
        values[x] = values[y];
        values[y] = value;
    }

    private static double clamp(double cosine) {
        return Math.max(-1, Math.min(1, cosine));
    }

    private static void requireT(double t) {
        if (!(t >= 0 && t <= 1)) {
            throw new IllegalArgumentException("t must be in [0, 1], was " + t);
        }
    }

    private static void requirePull(double pull) {
        if (!(pull >= 0 && pull <= 1)) {
            throw new IllegalArgumentException("tastePull must be in [0, 1], was " + pull);
        }
    }
}
