package dev.setlist.scorer.eval;

import dev.setlist.scorer.data.Interactions;
import dev.setlist.scorer.eval.TemporalSplit.Stage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemporalSplitTest {

    /**
     * Person 10: ten positives, the last two at the same time (4 before 6 by id), and one rating
     * below the threshold. Person 20: four positives, too few, so dropped with item 13, which only
     * they liked. Person 30: item 2 liked twice (one positive, at its later time), rating 4.0 kept.
     */
    static TemporalSplit smallSplit() {
        TemporalSplit.Builder builder = TemporalSplit.builder(EvaluationProtocol.defaults());
        int[] items = {5, 3, 8, 1, 9, 2, 12, 7, 4, 6};
        int[] times = {100, 200, 300, 400, 500, 600, 700, 800, 900, 900};
        // Added out of time order: the split must sort.
        for (int k = items.length - 1; k >= 0; k--) {
            builder.add(10, items[k], 4.5f, times[k]);
        }
        builder.add(10, 11, 3.5f, 1000);
        builder.add(20, 1, 5f, 1).add(20, 2, 5f, 2).add(20, 3, 5f, 3).add(20, 13, 5f, 4);
        builder.add(30, 1, 4.0f, 10).add(30, 2, 5f, 20).add(30, 3, 4.5f, 30).add(30, 5, 4f, 40)
                .add(30, 2, 4f, 50).add(30, 7, 4f, 60);
        return builder.build();
    }

    @Test
    void indexesKeptPeopleAndItemsInNumericOrder() {
        TemporalSplit split = smallSplit();
        assertThat(split.users().ids()).containsExactly("10", "30");
        assertThat(split.items().ids()).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "12");
    }

    @Test
    void holdsOutTheMostRecentPositivesBreakingTimeTiesByItemId() {
        TemporalSplit split = smallSplit();
        // Person 10 in time order: 5 3 8 1 9 2 12 7 4 6; ceil(20% of 10) = 2 for TEST,
        // ceil(20% of 8) = 2 for VALIDATION.
        assertThat(ids(split, split.heldOut(Stage.TEST, 0))).containsExactly("4", "6");
        assertThat(ids(split, split.heldOut(Stage.VALIDATION, 0))).containsExactly("7", "12");
        assertThat(ids(split, split.training(Stage.VALIDATION).history(0).items()))
                .containsExactly("1", "2", "3", "5", "8", "9");
        assertThat(ids(split, split.training(Stage.TEST).history(0).items()))
                .containsExactly("1", "2", "3", "5", "7", "8", "9", "12");
        // Person 30: 1 3 5 2 7 (2 at its later time); one each for TEST and VALIDATION.
        assertThat(ids(split, split.heldOut(Stage.TEST, 1))).containsExactly("7");
        assertThat(ids(split, split.heldOut(Stage.VALIDATION, 1))).containsExactly("2");
        assertThat(ids(split, split.training(Stage.VALIDATION).history(1).items())).containsExactly("1", "3", "5");
    }

    @Test
    void givesEveryPositiveWeightOne() {
        Interactions training = smallSplit().training(Stage.TEST);
        for (float weight : training.userWeights()) {
            assertThat(weight).isEqualTo(1f);
        }
    }

    @Test
    void countsEveryStep() {
        assertThat(smallSplit().counts()).isEqualTo(new TemporalSplit.Counts(21, 19, 1, 2, 10, 9, 3, 3));
    }

    @Test
    void sharesOneItemIndexAcrossStages() {
        TemporalSplit split = smallSplit();
        assertThat(split.training(Stage.VALIDATION).itemCount()).isEqualTo(10);
        assertThat(split.training(Stage.TEST).itemCount()).isEqualTo(10);
        assertThat(split.training(Stage.VALIDATION).items().ids()).isEqualTo(split.items().ids());
        assertThat(split.training(Stage.TEST).users().ids()).isEqualTo(split.users().ids());
    }

    @Test
    void refusesDataWhereNobodyHasEnoughPositives() {
        TemporalSplit.Builder builder = TemporalSplit.builder(EvaluationProtocol.defaults())
                .add(1, 1, 5f, 1).add(1, 2, 5f, 2).add(2, 1, 2f, 1);
        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no person has 5 or more positives");
    }

    @Test
    void refusesANanRating() {
        assertThatThrownBy(() -> TemporalSplit.builder(EvaluationProtocol.defaults()).add(1, 1, Float.NaN, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("user 1");
    }

    @Test
    void protocolRoundsHeldOutCountsUpAndKeepsAtLeastOne() {
        assertThat(EvaluationProtocol.heldOutCount(5, 0.2)).isEqualTo(1);
        assertThat(EvaluationProtocol.heldOutCount(6, 0.2)).isEqualTo(2);
        assertThat(EvaluationProtocol.heldOutCount(10, 0.2)).isEqualTo(2);
        assertThat(EvaluationProtocol.heldOutCount(10, 0.3)).isEqualTo(3);
        assertThat(EvaluationProtocol.heldOutCount(3, 0.01)).isEqualTo(1);
    }

    @Test
    void protocolStatesItsRules() {
        assertThat(EvaluationProtocol.defaults().describe())
                .contains("ratings >= 4 are positives")
                .contains("< 5 positives dropped")
                .contains("ceil(20%)")
                .contains("TRAIN + VALIDATION");
    }

    @Test
    void protocolRejectsSettingsThatLeaveNoTrainingItem() {
        assertThatThrownBy(() -> new EvaluationProtocol(4, 2, 0.2, 0.2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EvaluationProtocol(4, 5, 1.0, 0.2)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String[] ids(TemporalSplit split, int[] items) {
        String[] ids = new String[items.length];
        for (int k = 0; k < items.length; k++) {
            ids[k] = split.items().idAt(items[k]);
        }
        return ids;
    }
}
