package dev.setlist.scorer.eval;

/**
 * The figures of one recommender at one list length {@code K}, averaged over the people evaluated
 * (coverage is over the catalog).
 *
 * <p>Immutable; share freely.
 *
 * @param cutoff         the list length {@code K}
 * @param recall         hits in the top {@code K} divided by {@code min(K, |held out|)}
 * @param ndcg           binary-relevance NDCG: {@code sum over hits at rank r (from 1) of 1/log2(r+1)}, divided
 *                       by the same sum for {@code min(K, |held out|)} hits at the top
 * @param hitRate        the share of people with at least one hit in the top {@code K}
 * @param reciprocalRank the mean of {@code 1/rank} of the first hit in the top {@code K} (0 without one): MRR@K
 * @param coverage       distinct items recommended to anyone in a top {@code K}, divided by the catalog size
 * @param diversity      the mean over people of the mean genre dissimilarity ({@code 1 - Jaccard}) over all
 *                       pairs of their top {@code K}
 * @param novelty        the mean over people of the mean self-information {@code -log2(p_i)} of their top
 *                       {@code K}, where {@code p_i} is the share of training people who interacted with item
 *                       {@code i} (at least one, so that unseen items stay finite)
 */
public record CutoffMetrics(int cutoff, double recall, double ndcg, double hitRate, double reciprocalRank,
                            double coverage, double diversity, double novelty) {
}
