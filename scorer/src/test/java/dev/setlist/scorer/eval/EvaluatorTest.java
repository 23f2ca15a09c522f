package dev.setlist.scorer.eval;

import dev.setlist.scorer.RecommenderModel;
import dev.setlist.scorer.data.UserHistory;
import dev.setlist.scorer.eval.TemporalSplit.Stage;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class EvaluatorTest {

    /** Scores item {@code i} as {@code i}: the same ranking for everyone, highest index first. */
    private record IndexScores(int itemCount) implements RecommenderModel {
        @Override
        public void score(UserHistory history, float[] scores) {
            for (int i = 0; i < itemCount; i++) {
                scores[i] = i;
            }
        }
    }

    /** On TemporalSplitTest's split, every item has genre Drama and item 4 Comedy too. */
    private static Evaluator evaluator(int threads) {
        TemporalSplit split = TemporalSplitTest.smallSplit();
        Map<String, List<String>> genres = new HashMap<>();
        for (String id : split.items().ids()) {
            genres.put(id, id.equals("4") ? List.of("Drama", "Comedy") : List.of("Drama"));
        }
        return new Evaluator(split, ItemGenres.of(split.items(), genres), List.of(2, 10), threads);
    }

    @Test
    void measuresTheTestStageByHand() {
        Metrics metrics = evaluator(1).evaluate(new IndexScores(10), Stage.TEST);
        assertThat(metrics.users()).isEqualTo(2);
        // Person 10 may get items 4 and 6 (indices 3, 5), ranked [6, 4]: both held out.
        // Person 30 may get indices 3, 5, 6, 7, 8, 9, ranked [12, 9, 8, 7, 6, 4]: item 7 (held out) at rank 4.
        CutoffMetrics at10 = metrics.at(10);
        assertThat(at10.recall()).isEqualTo(1.0);
        assertThat(at10.ndcg()).isCloseTo((1 + 1 / log2(5)) / 2, within(1e-12));
        assertThat(at10.hitRate()).isEqualTo(1.0);
        assertThat(at10.reciprocalRank()).isCloseTo((1 + 0.25) / 2, within(1e-12));
        assertThat(at10.coverage()).isCloseTo(6 / 10.0, within(1e-12));
        // Person 10: one pair, half different; person 30: 5 of 15 pairs include item 4, half different.
        assertThat(at10.diversity()).isCloseTo((0.5 + 2.5 / 15) / 2, within(1e-12));
        // Nobody recommended an item both people trained on: every item has -log2(1/2) = 1.
        assertThat(at10.novelty()).isCloseTo(1.0, within(1e-12));

        CutoffMetrics at2 = metrics.at(2);
        assertThat(at2.recall()).isCloseTo((1 + 0) / 2.0, within(1e-12));
        assertThat(at2.hitRate()).isCloseTo(0.5, within(1e-12));
        assertThat(at2.coverage()).isCloseTo(4 / 10.0, within(1e-12));
    }

    @Test
    void measuresTheValidationStageAgainstTrainOnly() {
        Metrics metrics = evaluator(1).evaluate(new IndexScores(10), Stage.VALIDATION);
        // Person 10 ranks [12, 7, 6, 4]: both held-out items first. Person 30 ranks
        // [12, 9, 8, 7, 6, 4, 2]: item 2 at rank 7.
        CutoffMetrics at10 = metrics.at(10);
        assertThat(at10.ndcg()).isCloseTo((1 + 1 / log2(8)) / 2, within(1e-12));
        assertThat(at10.reciprocalRank()).isCloseTo((1 + 1 / 7.0) / 2, within(1e-12));
        assertThat(at10.recall()).isEqualTo(1.0);
    }

    @Test
    void givesTheSameFiguresWithAnyNumberOfThreads() {
        assertThat(evaluator(3).evaluate(new IndexScores(10), Stage.TEST))
                .isEqualTo(evaluator(1).evaluate(new IndexScores(10), Stage.TEST));
    }

    @Test
    void refusesAModelOfAnotherItemUniverse() {
        assertThatThrownBy(() -> evaluator(1).evaluate(new IndexScores(9), Stage.TEST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("9 items");
    }

    @Test
    void refusesCutoffsOutOfOrder() {
        TemporalSplit split = TemporalSplitTest.smallSplit();
        assertThatThrownBy(() -> new Evaluator(split, ItemGenres.none(10), List.of(20, 10), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
