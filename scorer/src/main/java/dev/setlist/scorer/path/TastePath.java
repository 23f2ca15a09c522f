package dev.setlist.scorer.path;

import dev.setlist.scorer.als.AlsModel;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * The path from item {@code a} to item {@code b} through an iALS model's taste space, scored against every
 * item of the catalog. Taste here is direction: the model's similarity is the cosine, and vector lengths
 * mostly say how much an item was played. So the path is the straight line between the two items'
 * directions, walked at an even angle: the point at {@code t} in [0, 1] is the unit vector
 * {@code w(t) = (sin((1 - t)θ)·â + sin(tθ)·b̂) / sin θ}, where {@code â} and {@code b̂} are the ends'
 * directions and {@code θ} the angle between them (spherical interpolation). Interpolating the raw vectors
 * instead would pull every point towards the end with the longer, more popular vector.
 *
 * <p>An item fits the step at {@code t} by the cosine of its vector with {@code w(t)} ({@link #closeness});
 * it fits the person by the cosine with their folded-in vector ({@link #taste}); a step's score blends the
 * two by the {@code tastePull}. How far along an item lies ({@link #progress}) is the angle of its
 * projection onto the plane of the two ends, as a fraction of {@code θ}.
 *
 * <p>Cost: three dot products per catalog item when built ({@code O(n·d)}, through the model's tiled
 * scoring), then {@code O(1)} per item and point, because every quantity follows from an item's cosines
 * with the two ends. A journey of 50 steps over 100,000 items costs a few million multiply-adds.
 *
 * <p>Immutable once built; share freely.
 */
public final class TastePath {

    /** Below this {@code sin θ} the ends point the same way (or opposite ways) and the arc is not defined. */
    private static final double DEGENERATE = 1e-6;

    private final int from;
    private final int to;
    private final float[] cosFrom;
    private final float[] cosTo;
    private final float[] cosUser;
    private final double cosEnds;
    private final double theta;
    private final double sinTheta;
    private final boolean knowsTaste;

    private TastePath(int from, int to, float[] cosFrom, float[] cosTo, float[] cosUser, boolean knowsTaste) {
        this.from = from;
        this.to = to;
        this.cosFrom = cosFrom;
        this.cosTo = cosTo;
        this.cosUser = cosUser;
        this.knowsTaste = knowsTaste;
        this.cosEnds = Math.max(-1, Math.min(1, cosFrom[to]));
        this.theta = Math.acos(cosEnds);
        this.sinTheta = Math.sin(theta);
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
        float[] cosFrom = new float[n];
        float[] cosTo = new float[n];
        float[] cosUser = new float[n];
        model.scoreVector(model.itemVector(from), cosFrom);
        model.scoreVector(model.itemVector(to), cosTo);
        model.scoreVector(user, cosUser);
        double userSquared = 0;
        for (float value : user) {
            userSquared += (double) value * value;
        }
        double userNorm = Math.sqrt(userSquared);
        double fromNorm = Math.sqrt(model.itemSquaredNorm(from));
        double toNorm = Math.sqrt(model.itemSquaredNorm(to));
        for (int item = 0; item < n; item++) {
            double norm = Math.sqrt(model.itemSquaredNorm(item));
            cosFrom[item] = norm == 0 ? 0 : (float) clamp(cosFrom[item] / (norm * fromNorm));
            cosTo[item] = norm == 0 ? 0 : (float) clamp(cosTo[item] / (norm * toNorm));
            cosUser[item] = norm == 0 || userNorm == 0 ? 0 : (float) clamp(cosUser[item] / (norm * userNorm));
        }
        return new TastePath(from, to, cosFrom, cosTo, cosUser, userNorm > 0);
    }

    public int from() {
        return from;
    }

    public int to() {
        return to;
    }

    /** Number of items scored. */
    public int itemCount() {
        return cosFrom.length;
    }

    /** Cosine of the two ends: 1 when they point the same way in taste, negative when they are opposites. */
    public double endsSimilarity() {
        return cosEnds;
    }

    /**
     * The cosine of {@code item}'s vector with the path's point at {@code t}, in [-1, 1]; 0 for an item with
     * the zero vector, or where the path passes through the origin (two exactly opposite ends, halfway).
     */
    public double closeness(int item, double t) {
        return point(t).closeness(item);
    }

    /**
     * The point at {@code t} as weights of the two ends' directions: {@code w = (alpha·â + beta·b̂) / norm}.
     * Computed once per point, so scoring the whole catalog against it costs two multiply-adds per item.
     */
    private Point point(double t) {
        requireT(t);
        if (sinTheta > DEGENERATE) {
            return new Point(Math.sin((1 - t) * theta) / sinTheta, Math.sin(t * theta) / sinTheta, 1);
        }
        double alpha = 1 - t;
        double beta = t;
        return new Point(alpha, beta, Math.sqrt(Math.max(0, alpha * alpha + 2 * alpha * beta * cosEnds + beta * beta)));
    }

    /** One point of the path. */
    private final class Point {
        private final double alpha;
        private final double beta;

        Point(double alpha, double beta, double norm) {
            boolean origin = norm < DEGENERATE;
            this.alpha = origin ? 0 : alpha / norm;
            this.beta = origin ? 0 : beta / norm;
        }

        double closeness(int item) {
            return clamp(alpha * cosFrom[item] + beta * cosTo[item]);
        }
    }

    /**
     * How far along the path {@code item} lies, 0 (the first end) to 1 (the second): the angle from the
     * first end of the item's projection onto the plane of the two ends, as a fraction of the angle
     * between the ends, clamped to [0, 1]. An item at the path's point {@code t} lies at {@code t}.
     */
    public double progress(int item) {
        double along;
        if (sinTheta > DEGENERATE) {
            double x = cosFrom[item];
            double y = (cosTo[item] - cosFrom[item] * cosEnds) / sinTheta;
            along = Math.atan2(y, x) / theta;
        } else if (cosEnds < 0) {
            along = (cosTo[item] - cosFrom[item] + 2) / 4;
        } else {
            along = 0;
        }
        return Math.max(0, Math.min(1, along));
    }

    /** The cosine of {@code item}'s vector with the person's, in [-1, 1]; 0 when either is zero. */
    public double taste(int item) {
        return cosUser[item];
    }

    /**
     * How well {@code item} fits the step at {@code t}, in [0, 1]: {@code (1 - pull)·closeness + pull·taste},
     * each cosine mapped from [-1, 1] to [0, 1]. With no known taste the path alone decides.
     *
     * @param tastePull 0 follows the path only, 1 the person only
     */
    public double stepScore(int item, double t, double tastePull) {
        requirePull(tastePull);
        return stepScore(item, point(t), knowsTaste ? tastePull : 0);
    }

    private double stepScore(int item, Point point, double pull) {
        return (1 - pull) * (1 + point.closeness(item)) / 2 + pull * (1 + cosUser[item]) / 2;
    }

    /**
     * The {@code count} items that best fit the step at {@code t}, best first, among those
     * {@code eligible} accepts; the two ends are never returned. Ties go to the lower index.
     */
    public int[] nearest(double t, int count, double tastePull, IntPredicate eligible) {
        requirePull(tastePull);
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        Point point = point(t);
        double pull = knowsTaste ? tastePull : 0;
        int[] heap = new int[count];
        double[] values = new double[count];
        int size = 0;
        for (int item = 0; item < cosFrom.length && count > 0; item++) {
            if (item == from || item == to || !eligible.test(item)) {
                continue;
            }
            double value = stepScore(item, point, pull);
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
