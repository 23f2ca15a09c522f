package dev.setlist.scorer.candidates;

import dev.setlist.scorer.data.UserHistory;

import java.util.Arrays;
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
 */
public record CandidateRequest(UserHistory history, int[] sessionItems, int k, boolean allowRepeats,
                               double explorationWeight, int wildcardCount, long seed) {

    public CandidateRequest {
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
        return new CandidateRequest(history, value, k, allowRepeats, explorationWeight, wildcardCount, seed);
    }

    public CandidateRequest withAllowRepeats(boolean value) {
        return new CandidateRequest(history, sessionItems, k, value, explorationWeight, wildcardCount, seed);
    }

    public CandidateRequest withExplorationWeight(double value) {
        return new CandidateRequest(history, sessionItems, k, allowRepeats, value, wildcardCount, seed);
    }

    public CandidateRequest withWildcards(int count, long newSeed) {
        return new CandidateRequest(history, sessionItems, k, allowRepeats, explorationWeight, count, newSeed);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CandidateRequest that && history.equals(that.history)
                && Arrays.equals(sessionItems, that.sessionItems) && k == that.k && allowRepeats == that.allowRepeats
                && Double.compare(explorationWeight, that.explorationWeight) == 0
                && wildcardCount == that.wildcardCount && seed == that.seed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(history, Arrays.hashCode(sessionItems), k, allowRepeats, explorationWeight,
                wildcardCount, seed);
    }

    @Override
    public String toString() {
        return "CandidateRequest[history=" + history + ", sessionItems=" + Arrays.toString(sessionItems) + ", k=" + k
                + ", allowRepeats=" + allowRepeats + ", explorationWeight=" + explorationWeight
                + ", wildcardCount=" + wildcardCount + ", seed=" + seed + "]";
    }
}
