package dev.setlist.scorer.baseline;

import dev.setlist.scorer.data.Interactions;
import dev.setlist.scorer.data.UserHistory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MostPopularTrainerTest {

    @Test
    void scoresEveryItemByHowManyPeopleInteractedWithIt() {
        MostPopularModel model = new MostPopularTrainer().fit(EaseTrainerTest.smallData());
        float[] scores = new float[4];
        model.score(UserHistory.EMPTY, scores);
        assertThat(scores).containsExactly(2f, 3f, 2f, 0f);
        assertThat(model.popularity(1)).isEqualTo(3);
    }

    @Test
    void countsPeopleNotWeights() {
        Interactions data = Interactions.builder()
                .add("binger", "a", 50f, 0)
                .add("u1", "b", 1f, 0).add("u2", "b", 1f, 0)
                .build();
        float[] scores = new float[2];
        new MostPopularTrainer().fit(data).score(UserHistory.EMPTY, scores);
        assertThat(scores).containsExactly(1f, 2f);
    }

    @Test
    void refusesEmptyData() {
        Interactions empty = Interactions.builder().addItem("a").build();
        assertThatThrownBy(() -> new MostPopularTrainer().fit(empty))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no interactions");
    }
}
