package dev.setlist.scorer.baseline;

import dev.setlist.scorer.data.IdIndex;
import dev.setlist.scorer.data.Interactions;
import dev.setlist.scorer.data.UserHistory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class EaseTrainerTest {

    /**
     * Three people over items a, b, c (and d, which nobody played): {a, b}, {b, c}, {a, b, c}. With
     * lambda = 1, X^T X + I = [[3,2,1],[2,4,2],[1,2,3]], whose inverse is
     * P = [[0.5,-0.25,0],[-0.25,0.5,-0.25],[0,-0.25,0.5]], so B = I - P diag(1/diag P) is
     * [[0,0.5,0],[0.5,0,0.5],[0,0.5,0]].
     */
    static Interactions smallData() {
        return Interactions.builder(IdIndex.of(List.of("u0", "u1", "u2")), IdIndex.of(List.of("a", "b", "c", "d")))
                .add("u0", "a", 1f, 0).add("u0", "b", 1f, 0)
                .add("u1", "b", 1f, 0).add("u1", "c", 1f, 0)
                .add("u2", "a", 1f, 0).add("u2", "b", 1f, 0).add("u2", "c", 1f, 0)
                .build();
    }

    @Test
    void matchesTheHandComputedClosedForm() {
        EaseModel model = new EaseTrainer(new EaseSettings(1.0, 1)).fit(smallData());
        float[][] expected = {{0, 0.5f, 0, 0}, {0.5f, 0, 0.5f, 0}, {0, 0.5f, 0, 0}, {0, 0, 0, 0}};
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                assertThat(model.weight(i, j)).as("B[%d, %d]", i, j).isCloseTo(expected[i][j], within(1e-6f));
            }
        }
    }

    @Test
    void scoresAHistoryAsTheWeightedSumOfItsRows() {
        EaseModel model = new EaseTrainer(new EaseSettings(1.0, 1)).fit(smallData());
        float[] scores = new float[4];
        model.score(new UserHistory(new int[] {0, 2}, new float[] {1f, 3f}), scores);
        // 1 * row a + 3 * row c = [0, 0.5 + 1.5, 0, 0].
        assertThat(scores).containsExactly(new float[] {0, 2f, 0, 0}, within(1e-6f));
    }

    @Test
    void ignoresHistoryItemsBeyondTheModel() {
        EaseModel model = new EaseTrainer(new EaseSettings(1.0, 1)).fit(smallData());
        float[] scores = new float[4];
        model.score(new UserHistory(new int[] {0, 9}, new float[] {1f, 1f}), scores);
        assertThat(scores).containsExactly(new float[] {0, 0.5f, 0, 0}, within(1e-6f));
    }

    @Test
    void givesTheSameModelWithAnyNumberOfThreads() {
        Random random = new Random(11);
        Interactions.Builder builder = Interactions.builder();
        for (int user = 0; user < 300; user++) {
            for (int k = 0; k < 12; k++) {
                builder.add("u" + user, "i" + random.nextInt(150), 1f, k);
            }
        }
        Interactions data = builder.build();
        EaseModel one = new EaseTrainer(new EaseSettings(5.0, 1)).fit(data);
        EaseModel two = new EaseTrainer(new EaseSettings(5.0, 2)).fit(data);
        int differences = 0;
        for (int i = 0; i < data.itemCount(); i++) {
            for (int j = 0; j < data.itemCount(); j++) {
                differences += two.weight(i, j) == one.weight(i, j) ? 0 : 1;
            }
        }
        assertThat(differences).isZero();
        assertThat(one.weight(3, 7)).isNotZero();
    }

    @Test
    void refusesEmptyData() {
        Interactions empty = Interactions.builder().addItem("a").build();
        assertThatThrownBy(() -> new EaseTrainer(EaseSettings.defaults()).fit(empty))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no interactions");
    }

    @Test
    void settingsRejectANonPositiveRegularization() {
        assertThatThrownBy(() -> EaseSettings.defaults().withRegularization(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EaseSettings.defaults().withRegularization(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
