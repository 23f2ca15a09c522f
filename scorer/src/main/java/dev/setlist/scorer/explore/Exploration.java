package dev.setlist.scorer.explore;

import dev.setlist.scorer.als.AlsModel;
import dev.setlist.scorer.als.FoldIn;
import dev.setlist.scorer.data.UserHistory;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * How unsure the model is about one person, item by item, and two ways to act on it. Reading the fold-in
 * as Bayesian linear regression with unit noise, the person's vector has posterior mean {@code x} and
 * covariance {@code A^-1} (the fold-in's own system matrix), so an item's taste score {@code q.x} has
 * standard deviation {@code sqrt(q^T A^-1 q)}: large for items unlike anything the person played, small
 * for items close to their history.
 * <ul>
 *   <li>UCB: rank by {@code q.x + weight * sd}, optimism in the face of uncertainty
 *       ({@link #upperConfidenceBound}).</li>
 *   <li>Thompson sampling: draw one vector from the posterior and rank by its scores
 *       ({@link #thompsonScores}); deterministic for a seed.</li>
 * </ul>
 *
 * <p>Immutable; one per request (it holds that person's factorized system), safe to share while it lives.
 */
public final class Exploration {

    private final FoldIn posterior;

    public Exploration(FoldIn posterior) {
        this.posterior = Objects.requireNonNull(posterior, "posterior");
    }

    /** The exploration view of {@code history} under {@code model}. */
    public static Exploration of(AlsModel model, UserHistory history) {
        return new Exploration(model.posterior(history));
    }

    public FoldIn posterior() {
        return posterior;
    }

    /** Standard deviation of the taste score of {@code item}: {@code sqrt(q^T A^-1 q)}. */
    public double standardDeviation(int item) {
        return Math.sqrt(posterior.variance(item));
    }

    /** {@link #standardDeviation} of several items at once, solved together (see {@link FoldIn#variances}). */
    public double[] standardDeviations(int[] items) {
        double[] result = new double[items.length];
        posterior.variances(items, result);
        for (int c = 0; c < result.length; c++) {
            result[c] = Math.sqrt(result[c]);
        }
        return result;
    }

    /** An upper bound on {@link #standardDeviation} at the cost of one division (see {@link FoldIn#varianceUpperBound}). */
    public double standardDeviationBound(int item) {
        return Math.sqrt(posterior.varianceUpperBound(item));
    }

    /** {@code q.x + weight * sd}: the optimistic score of {@code item}. */
    public double upperConfidenceBound(int item, double weight) {
        requireWeight(weight);
        return posterior.score(item) + weight * standardDeviation(item);
    }

    /**
     * Thompson sampling: the scores of every item under one draw of the person's vector from its posterior,
     * written into {@code scores}. The same seed gives the same draw.
     */
    public void thompsonScores(long seed, float[] scores) {
        float[] draw = posterior.sample(new SplittableRandom(seed));
        posterior.model().scoreVector(draw, scores);
    }

    private static void requireWeight(double weight) {
        if (!(weight >= 0) || !Double.isFinite(weight)) {
            throw new IllegalArgumentException("exploration weight must be finite and not negative, was " + weight);
        }
    }
}
