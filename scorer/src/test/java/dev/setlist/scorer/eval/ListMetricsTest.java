package dev.setlist.scorer.eval;

import dev.setlist.scorer.data.IdIndex;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ListMetricsTest {

    /** Ranked 5, 3, 9, 1 against held-out {1, 3, 7}: hits at ranks 2 and 4. */
    private static final int[] RANKED = {5, 3, 9, 1};
    private static final int[] RELEVANT = {1, 3, 7};
    private static final double LOG2_3 = Math.log(3) / Math.log(2);
    private static final double LOG2_5 = Math.log(5) / Math.log(2);

    @Test
    void recallDividesHitsByTheSmallerOfKAndTheHeldOutCount() {
        assertThat(ListMetrics.recall(RANKED, RELEVANT, 1)).isEqualTo(0.0);
        assertThat(ListMetrics.recall(RANKED, RELEVANT, 2)).isEqualTo(1.0 / 2);
        assertThat(ListMetrics.recall(RANKED, RELEVANT, 4)).isEqualTo(2.0 / 3);
        assertThat(ListMetrics.recall(RANKED, RELEVANT, 10)).isEqualTo(2.0 / 3);
    }

    @Test
    void ndcgDiscountsByLog2OfRankPlusOneOverTheIdealOfMinKHits() {
        // K = 2: DCG = 1/log2(3); ideal = 1 + 1/log2(3).
        assertThat(ListMetrics.ndcg(RANKED, RELEVANT, 2)).isCloseTo((1 / LOG2_3) / (1 + 1 / LOG2_3), within(1e-12));
        // K = 4: DCG = 1/log2(3) + 1/log2(5); ideal over three hits = 1 + 1/log2(3) + 1/2.
        assertThat(ListMetrics.ndcg(RANKED, RELEVANT, 4))
                .isCloseTo((1 / LOG2_3 + 1 / LOG2_5) / (1 + 1 / LOG2_3 + 0.5), within(1e-12));
        assertThat(ListMetrics.ndcg(new int[] {7, 1, 3}, RELEVANT, 3)).isCloseTo(1.0, within(1e-12));
        assertThat(ListMetrics.ndcg(new int[] {0, 2}, RELEVANT, 2)).isZero();
    }

    @Test
    void hitRateAndReciprocalRankLookAtTheFirstHitWithinK() {
        assertThat(ListMetrics.hit(RANKED, RELEVANT, 1)).isZero();
        assertThat(ListMetrics.hit(RANKED, RELEVANT, 2)).isEqualTo(1.0);
        assertThat(ListMetrics.reciprocalRank(RANKED, RELEVANT, 1)).isZero();
        assertThat(ListMetrics.reciprocalRank(RANKED, RELEVANT, 4)).isEqualTo(0.5);
        assertThat(ListMetrics.reciprocalRank(new int[] {9, 9, 9, 7}, RELEVANT, 4)).isEqualTo(0.25);
    }

    @Test
    void diversityIsTheMeanPairwiseGenreDissimilarity() {
        ItemGenres genres = ItemGenres.of(IdIndex.of(List.of("a", "b", "c", "d")), Map.of(
                "a", List.of("Drama", "Comedy"),
                "b", List.of("Drama"),
                "c", List.of("Horror")));
        // (a, b): 1 - 1/2; (a, c): 1; (b, c): 1.
        assertThat(ListMetrics.diversity(new int[] {0, 1, 2}, 3, genres)).isCloseTo((0.5 + 1 + 1) / 3, within(1e-12));
        // Only the top 2 count.
        assertThat(ListMetrics.diversity(new int[] {0, 1, 2}, 2, genres)).isCloseTo(0.5, within(1e-12));
        // d has no genre: unlike a (1), and one item alone has no pair (0).
        assertThat(ListMetrics.diversity(new int[] {0, 3}, 2, genres)).isEqualTo(1.0);
        assertThat(ListMetrics.diversity(new int[] {0}, 10, genres)).isZero();
    }

    @Test
    void noveltyIsTheMeanSelfInformationOfTheTopK() {
        // Four people; degrees 4, 2, 1 and 0 (counted as 1): -log2 of 1, 1/2, 1/4, 1/4.
        double[] selfInformation = ListMetrics.selfInformation(new int[] {4, 2, 1, 0}, 4);
        assertThat(selfInformation).containsExactly(new double[] {0, 1, 2, 2}, within(1e-12));
        assertThat(ListMetrics.novelty(new int[] {0, 1, 2}, 3, selfInformation)).isCloseTo(1.0, within(1e-12));
        assertThat(ListMetrics.novelty(new int[] {3, 0, 1}, 1, selfInformation)).isCloseTo(2.0, within(1e-12));
        assertThat(ListMetrics.novelty(new int[0], 10, selfInformation)).isZero();
    }
}
