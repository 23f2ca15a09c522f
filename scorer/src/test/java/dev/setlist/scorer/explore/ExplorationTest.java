package dev.setlist.scorer.explore;

import dev.setlist.scorer.als.AlsModel;
import dev.setlist.scorer.als.AlsSettings;
import dev.setlist.scorer.als.AlsTrainer;
import dev.setlist.scorer.data.Interactions;
import dev.setlist.scorer.data.SyntheticInteractions;
import dev.setlist.scorer.data.UserHistory;
import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ExplorationTest {

    private static final SyntheticInteractions.Clustered DATA =
            SyntheticInteractions.clustered(300, 120, 3, 20, 0.95, 8);
    private static final AlsModel MODEL = new AlsTrainer(AlsSettings.defaults().withFactors(6).withIterations(5)
            .withRegularization(0.05).withThreads(1)).fit(DATA.data());

    @Test
    void itemsUnlikeTheHistoryAreLessCertain() {
        Interactions data = DATA.data();
        int user = 0;
        int favourite = DATA.favouriteCluster()[user];
        Exploration exploration = Exploration.of(MODEL, data.history(user));

        double near = IntStream.range(0, 120).filter(i -> DATA.itemCluster()[i] == favourite)
                .mapToDouble(i -> exploration.standardDeviation(i) / Math.sqrt(MODEL.itemSquaredNorm(i))).average().orElseThrow();
        double far = IntStream.range(0, 120).filter(i -> DATA.itemCluster()[i] != favourite)
                .mapToDouble(i -> exploration.standardDeviation(i) / Math.sqrt(MODEL.itemSquaredNorm(i))).average().orElseThrow();
        // Per unit of item norm, directions the person has explored are better known.
        assertThat(far).isGreaterThan(near);
    }

    @Test
    void moreHistoryMeansLessUncertainty() {
        UserHistory full = DATA.data().history(1);
        UserHistory first = new UserHistory(java.util.Arrays.copyOf(full.items(), 3), java.util.Arrays.copyOf(full.weights(), 3));
        Exploration little = Exploration.of(MODEL, first);
        Exploration much = Exploration.of(MODEL, full);

        for (int item = 0; item < MODEL.itemCount(); item++) {
            assertThat(much.standardDeviation(item)).isLessThanOrEqualTo(little.standardDeviation(item) * (1 + 1e-9));
            assertThat(little.standardDeviationBound(item)).isGreaterThanOrEqualTo(little.standardDeviation(item));
        }
    }

    @Test
    void upperConfidenceBoundIsScorePlusWeightedDeviation() {
        Exploration exploration = Exploration.of(MODEL, DATA.data().history(2));
        float[] user = MODEL.foldIn(DATA.data().history(2));

        assertThat(exploration.upperConfidenceBound(4, 0.5))
                .isCloseTo(MODEL.itemDot(4, user) + 0.5 * exploration.standardDeviation(4), within(1e-6));
        assertThatThrownBy(() -> exploration.upperConfidenceBound(4, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thompsonScoresRepeatForASeedAndVaryAcrossSeeds() {
        Exploration exploration = Exploration.of(MODEL, DATA.data().history(2));
        float[] a = new float[MODEL.itemCount()];
        float[] b = new float[MODEL.itemCount()];
        float[] c = new float[MODEL.itemCount()];
        exploration.thompsonScores(5, a);
        exploration.thompsonScores(5, b);
        exploration.thompsonScores(6, c);

        assertThat(b).containsExactly(a);
        assertThat(c).isNotEqualTo(a);
    }
}
