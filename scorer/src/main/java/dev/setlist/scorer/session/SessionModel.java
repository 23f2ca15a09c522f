package dev.setlist.scorer.session;

import java.util.Arrays;
import java.util.Objects;

/**
 * What tends to come next: for each item, its strongest successors within sessions with their share of
 * what followed it ({@link SessionTrainer}). A query blends the successors of the session's last few
 * items, the latest counting most:
 * <pre>
 *   score(j) = sum_r recencyDecay^r P(j | item played r places before the last) / sum_r recencyDecay^r
 * </pre>
 * so scores lie in [0, 1]. Usable as a candidate source ({@link #next}) and as a dense score feature
 * ({@link #score}).
 *
 * <p>Immutable; share freely.
 */
public final class SessionModel {

    private final SessionSettings settings;
    private final int[] pointers;
    private final int[] successors;
    private final float[] shares;

    SessionModel(SessionSettings settings, int[] pointers, int[] successors, float[] shares) {
        this.settings = settings;
        this.pointers = pointers;
        this.successors = successors;
        this.shares = shares;
    }

    public SessionSettings settings() {
        return settings;
    }

    /** Size of the item universe; valid item indices are {@code 0..itemCount()-1}. */
    public int itemCount() {
        return pointers.length - 1;
    }

    /** The successors of one item, strongest first, scored by their share of what followed it. */
    public NextItems successors(int item) {
        Objects.checkIndex(item, itemCount());
        int from = pointers[item];
        int to = pointers[item + 1];
        return new NextItems(Arrays.copyOfRange(successors, from, to), Arrays.copyOfRange(shares, from, to));
    }

    /**
     * The items most likely to follow {@code session} (items in play order, latest last), strongest first,
     * at most {@code limit}. Unknown or negative indices in the session are skipped; a session with none
     * known gives {@link NextItems#NONE}. Ties are broken by item index.
     */
    public NextItems next(int[] session, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, was " + limit);
        }
        int[] recent = recentKnown(session);
        if (recent.length == 0 || limit == 0) {
            return NextItems.NONE;
        }
        double[] weights = recencyWeights(recent.length);
        int total = 0;
        for (int item : recent) {
            total += pointers[item + 1] - pointers[item];
        }
        // (item, entry) keys sorted by item gather each successor's contributions together.
        long[] keys = new long[total];
        float[] contributions = new float[total];
        int n = 0;
        for (int r = 0; r < recent.length; r++) {
            for (int k = pointers[recent[r]]; k < pointers[recent[r] + 1]; k++) {
                keys[n] = ((long) successors[k] << 32) | n;
                contributions[n] = (float) (weights[r] * shares[k]);
                n++;
            }
        }
        Arrays.sort(keys);
        int[] items = new int[total];
        float[] scores = new float[total];
        int distinct = 0;
        for (int k = 0; k < total; ) {
            int item = (int) (keys[k] >>> 32);
            float sum = 0f;
            while (k < total && (int) (keys[k] >>> 32) == item) {
                sum += contributions[(int) keys[k]];
                k++;
            }
            items[distinct] = item;
            scores[distinct] = sum;
            distinct++;
        }
        long[] byScore = new long[distinct];
        for (int k = 0; k < distinct; k++) {
            byScore[k] = ((long) (Integer.MAX_VALUE - Float.floatToIntBits(scores[k])) << 32) | items[k];
        }
        Arrays.sort(byScore);
        int size = Math.min(limit, distinct);
        int[] topItems = new int[size];
        float[] topScores = new float[size];
        for (int k = 0; k < size; k++) {
            topItems[k] = (int) byScore[k];
            topScores[k] = Float.intBitsToFloat(Integer.MAX_VALUE - (int) (byScore[k] >>> 32));
        }
        return new NextItems(topItems, topScores);
    }

    /**
     * Writes the next-item score of every item into {@code scores} (length at least {@link #itemCount()}):
     * zero for items that never followed the session's recent items.
     */
    public void score(int[] session, float[] scores) {
        if (scores.length < itemCount()) {
            throw new IllegalArgumentException("scores has length " + scores.length + ", need " + itemCount());
        }
        Arrays.fill(scores, 0, itemCount(), 0f);
        int[] recent = recentKnown(session);
        double[] weights = recencyWeights(recent.length);
        for (int r = 0; r < recent.length; r++) {
            float weight = (float) weights[r];
            for (int k = pointers[recent[r]]; k < pointers[recent[r] + 1]; k++) {
                scores[successors[k]] += weight * shares[k];
            }
        }
    }

    /** The last {@code recentItems} known items of the session, latest first. */
    private int[] recentKnown(int[] session) {
        Objects.requireNonNull(session, "session");
        int[] recent = new int[settings.recentItems()];
        int n = 0;
        for (int t = session.length - 1; t >= 0 && n < recent.length; t--) {
            if (session[t] >= 0 && session[t] < itemCount()) {
                recent[n++] = session[t];
            }
        }
        return Arrays.copyOf(recent, n);
    }

    /** {@code recencyDecay^r}, normalized to sum to 1. */
    private double[] recencyWeights(int count) {
        double[] weights = new double[count];
        double sum = 0;
        double weight = 1;
        for (int r = 0; r < count; r++, weight *= settings.recencyDecay()) {
            weights[r] = weight;
            sum += weight;
        }
        for (int r = 0; r < count; r++) {
            weights[r] /= sum;
        }
        return weights;
    }
}
