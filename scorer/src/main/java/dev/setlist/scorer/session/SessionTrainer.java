package dev.setlist.scorer.session;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Counts what follows what within sessions. For each play and each of the next {@link SessionSettings#window()}
 * plays of the same session, the pair (earlier, later) gains {@code gapDecay^(gap-1)}; an item following
 * itself is not counted (a replay is not a transition). Each item keeps its strongest
 * {@link SessionSettings#maxSuccessors()} successors, scored as their share of everything that followed
 * it: an estimate of {@code P(next = j | just played i)}.
 *
 * <p>Counting is primitive: each gap's pairs are packed into {@code long} keys and sorted, never boxed.
 *
 * <p>Immutable; share freely.
 */
public final class SessionTrainer {

    private final SessionSettings settings;

    public SessionTrainer(SessionSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Fits on ordered sessions of item indices.
     *
     * @param sessions  each session's items in play order
     * @param itemCount the size of the item universe; every index must be in {@code [0, itemCount)}
     * @throws IllegalArgumentException on an item index outside the universe (naming session and position)
     */
    public SessionModel fit(List<int[]> sessions, int itemCount) {
        if (itemCount < 0) {
            throw new IllegalArgumentException("itemCount must not be negative, was " + itemCount);
        }
        int window = settings.window();
        long[][] keysByGap = new long[window][];
        int[] sizes = new int[window];
        for (int gap = 1; gap <= window; gap++) {
            keysByGap[gap - 1] = new long[16];
        }
        for (int s = 0; s < sessions.size(); s++) {
            int[] session = Objects.requireNonNull(sessions.get(s), "session " + s);
            for (int t = 0; t < session.length; t++) {
                if (session[t] < 0 || session[t] >= itemCount) {
                    throw new IllegalArgumentException("session " + s + ", position " + t + ": item " + session[t]
                            + " is outside [0, " + itemCount + ")");
                }
            }
            for (int t = 0; t < session.length; t++) {
                for (int gap = 1; gap <= window && t + gap < session.length; gap++) {
                    if (session[t] == session[t + gap]) {
                        continue;
                    }
                    long[] keys = keysByGap[gap - 1];
                    if (sizes[gap - 1] == keys.length) {
                        keys = Arrays.copyOf(keys, 2 * keys.length);
                        keysByGap[gap - 1] = keys;
                    }
                    keys[sizes[gap - 1]++] = ((long) session[t] << 32) | session[t + gap];
                }
            }
        }
        // Merge all gaps: sort each, then walk them together in key order, summing decayed counts.
        int total = 0;
        for (int g = 0; g < window; g++) {
            Arrays.sort(keysByGap[g], 0, sizes[g]);
            total += sizes[g];
        }
        long[] pairs = new long[total];
        float[] counts = new float[total];
        int distinct = 0;
        int[] cursor = new int[window];
        while (true) {
            long smallest = Long.MAX_VALUE;
            for (int g = 0; g < window; g++) {
                if (cursor[g] < sizes[g]) {
                    smallest = Math.min(smallest, keysByGap[g][cursor[g]]);
                }
            }
            if (smallest == Long.MAX_VALUE) {
                break;
            }
            float count = 0f;
            double weight = 1;
            for (int g = 0; g < window; g++, weight *= settings.gapDecay()) {
                while (cursor[g] < sizes[g] && keysByGap[g][cursor[g]] == smallest) {
                    count += (float) weight;
                    cursor[g]++;
                }
            }
            pairs[distinct] = smallest;
            counts[distinct] = count;
            distinct++;
        }
        return prune(pairs, counts, distinct, itemCount);
    }

    /** Keeps each item's strongest successors and turns counts into shares of the item's out-weight. */
    private SessionModel prune(long[] pairs, float[] counts, int distinct, int itemCount) {
        int[] pointers = new int[itemCount + 1];
        int[] successors = new int[(int) Math.min(distinct, (long) itemCount * settings.maxSuccessors())];
        float[] scores = new float[successors.length];
        int size = 0;
        int from = 0;
        for (int item = 0; item < itemCount; item++) {
            int to = from;
            double outWeight = 0;
            while (to < distinct && (int) (pairs[to] >>> 32) == item) {
                outWeight += counts[to];
                to++;
            }
            int keep = Math.min(settings.maxSuccessors(), to - from);
            int[] order = strongest(counts, from, to, keep);
            for (int k = 0; k < keep; k++) {
                successors[size] = (int) pairs[order[k]];
                scores[size] = (float) (counts[order[k]] / outWeight);
                size++;
            }
            pointers[item + 1] = size;
            from = to;
        }
        return new SessionModel(settings, pointers, Arrays.copyOf(successors, size), Arrays.copyOf(scores, size));
    }

    /** Positions in {@code [from, to)} of the {@code keep} largest counts, largest first, ties by position. */
    private static int[] strongest(float[] counts, int from, int to, int keep) {
        int n = to - from;
        long[] keys = new long[n];
        for (int k = 0; k < n; k++) {
            // Positive floats order like their bit patterns; subtracting from MAX_VALUE makes the sort descending.
            keys[k] = ((long) (Integer.MAX_VALUE - Float.floatToIntBits(counts[from + k])) << 32) | k;
        }
        Arrays.sort(keys);
        int[] order = new int[keep];
        for (int k = 0; k < keep; k++) {
            order[k] = from + (int) keys[k];
        }
        return order;
    }
}
