package dev.setlist.scorer.candidates;

import dev.setlist.scorer.data.UserHistory;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;

/**
 * One person's request for candidates.
 *
 * <p>Immutable by convention: the arrays belong to this record and must not be changed.
 *
 * @param history           what the person has played, with confidences: the fold-in input, and the items
 *                          excluded as finished unless {@code allowRepeats}
 * @param sessionItems      item indices played in the current session, in play order (latest last); may be empty
 * @param k                 how many candidates to return, besides wildcards
 * @param allowRepeats      whether items of the history may be offered again
 * @param explorationWeight {@code beta} of the UCB bonus {@code beta * sd}; 0 turns exploration off
 * @param wildcardCount     how many wildcards to add after the {@code k} candidates
 * @param seed              seed of the wildcard draw: the same request gives the same list
 * @param excluded          item indices never to return (another media, finished, disliked); may be empty. Left
 *                          out before ranking, so {@code k} counts eligible items only
 */
public record CandidateRequest(UserHistory history, int[] sessionItems, int k, boolean allowRepeats,
                               double explorationWeight, int wildcardCount, long seed, BitSet excluded) {

    private static final BitSet NONE = new BitSet();

    /** A request with nothing excluded beyond the history's rule ({@code allowRepeats}). */
    public CandidateRequest(UserHistory history, int[] sessionItems, int k, boolean allowRepeats,
                            double explorationWeight, int wildcardCount, long seed) {
        this(history, sessionItems, k, allowRepeats, explorationWeight, wildcardCount, seed, NONE);
    }

    public CandidateRequest {
        excluded = excluded == null ? NONE : excluded;
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(sessionItems, "sessionItems");
        if (k < 0) {
            throw new IllegalArgumentException("k must not be negative, was " + k);
        }
        if (!(explorationWeight >= 0) || !Double.isFinite(explorationWeight)) {
            throw new IllegalArgumentException("explorationWeight must be finite and not negative, was "
                    + explorationWeight);
        }
        if (wildcardCount < 0) {
            throw new IllegalArgumentException("wildcardCount must not be negative, was " + wildcardCount);
        }
    }

    /** The top {@code k} for {@code history}: no session, no repeats, no exploration, no wildcards. */
    public static CandidateRequest of(UserHistory history, int k) {
        return new CandidateRequest(history, new int[0], k, false, 0, 0, 0);
    }

    public CandidateRequest withSessionItems(int[] value) {
        return new CandidateRequest(history, value, k, allowRepeats, explorationWeight, wildcardCount, seed, excluded);
    }

    public CandidateRequest withAllowRepeats(boolean value) {
        return new CandidateRequest(history, sessionItems, k, value, explorationWeight, wildcardCount, seed, excluded);
    }

    public CandidateRequest withExplorationWeight(double value) {
        return new CandidateRequest(history, sessionItems, k, allowRepeats, value, wildcardCount, seed, excluded);
    }

    public CandidateRequest withWildcards(int count, long newSeed) {
        return new CandidateRequest(history, sessionItems, k, allowRepeats, explorationWeight, count, newSeed, excluded);
    }

    /** The same request, never returning the items set in {@code value} (the request keeps it: do not change it). */
    public CandidateRequest withExcluded(BitSet value) {
        return new CandidateRequest(history, sessionItems, k, allowRepeats, explorationWeight, wildcardCount, seed, value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CandidateRequest that && history.equals(that.history)
                && Arrays.equals(sessionItems, that.sessionItems) && k == that.k && allowRepeats == that.allowRepeats
                && Double.compare(explorationWeight, that.explorationWeight) == 0
                && wildcardCount == that.wildcardCount && seed == that.seed && excluded.equals(that.excluded);
    }

    @Override
    public int hashCode() {
        return Objects.hash(history, Arrays.hashCode(sessionItems), k, allowRepeats, explorationWeight,
                wildcardCount, seed, excluded);
    }

    @Override
    public String toString() {
        return "CandidateRequest[history=" + history + ", sessionItems=" + Arrays.toString(sessionItems) + ", k=" + k
                + ", allowRepeats=" + allowRepeats + ", explorationWeight=" + explorationWeight
                + ", wildcardCount=" + wildcardCount + ", seed=" + seed + ", excluded=" + excluded.cardinality() + " items]";
    }
}
