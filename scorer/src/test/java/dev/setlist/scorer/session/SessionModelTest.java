package dev.setlist.scorer.session;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SessionModelTest {

    private static final SessionTrainer TRAINER = new SessionTrainer(SessionSettings.defaults());

    @Test
    void picksThePlantedSuccessor() {
        // 50 items; item i is followed by (i * 7 + 3) % 50 two times out of three, by a random item otherwise.
        SplittableRandom random = new SplittableRandom(4);
        List<int[]> sessions = new ArrayList<>();
        for (int s = 0; s < 400; s++) {
            int[] session = new int[8];
            session[0] = random.nextInt(50);
            for (int t = 1; t < session.length; t++) {
                session[t] = random.nextInt(3) < 2 ? (session[t - 1] * 7 + 3) % 50 : random.nextInt(50);
            }
            sessions.add(session);
        }
        SessionModel model = TRAINER.fit(sessions, 50);

        int hits = 0;
        for (int item = 0; item < 50; item++) {
            NextItems next = model.next(new int[] {item}, 5);
            if (!next.isEmpty() && next.items()[0] == (item * 7 + 3) % 50) {
                hits++;
            }
        }
        assertThat(hits).isGreaterThanOrEqualTo(48);
    }

    @Test
    void laterItemsInTheWindowCountLessAndScoresAreShares() {
        SessionModel model = TRAINER.fit(List.of(new int[] {0, 1, 2, 3, 4}), 5);

        NextItems afterZero = model.successors(0);
        // 0 is followed by 1 (gap 1: weight 1), 2 (gap 2: 0.5) and 3 (gap 3: 0.25); 4 is beyond the window.
        assertThat(afterZero.items()).containsExactly(1, 2, 3);
        assertThat(afterZero.scores()[0]).isCloseTo(1 / 1.75f, within(1e-6f));
        assertThat(afterZero.scores()[1]).isCloseTo(0.5f / 1.75f, within(1e-6f));
        assertThat(afterZero.scores()[2]).isCloseTo(0.25f / 1.75f, within(1e-6f));
        assertThat(model.successors(4).isEmpty()).isTrue();
    }

    @Test
    void aReplayIsNotATransition() {
        SessionModel model = TRAINER.fit(List.of(new int[] {2, 2, 2, 1}), 3);

        assertThat(model.successors(2).items()).containsExactly(1);
    }

    @Test
    void theLatestItemWeighsMostAndUnknownItemsAreSkipped() {
        SessionModel model = TRAINER.fit(List.of(new int[] {0, 10}, new int[] {1, 11}), 12);

        NextItems next = model.next(new int[] {0, 1}, 10);
        assertThat(next.items()).containsExactly(11, 10);
        assertThat(next.scores()[0]).isCloseTo(1 / 1.5f, within(1e-6f));
        assertThat(next.scores()[1]).isCloseTo(0.5f / 1.5f, within(1e-6f));
        // An index the model never saw (a new item) and a negative one are skipped; 1 is still the latest known.
        assertThat(model.next(new int[] {0, 1, 99, -1}, 10)).isEqualTo(next);
        assertThat(model.next(new int[] {99}, 10)).isEqualTo(NextItems.NONE);
        assertThat(model.next(new int[0], 10)).isEqualTo(NextItems.NONE);
    }

    @Test
    void denseScoresAgreeWithTheCandidateList() {
        SessionModel model = TRAINER.fit(List.of(new int[] {0, 1, 2, 3}, new int[] {3, 1, 0, 2}, new int[] {2, 0}), 5);
        int[] session = {3, 0, 2};
        float[] dense = new float[5];
        model.score(session, dense);
        NextItems next = model.next(session, 5);

        for (int k = 0; k < next.size(); k++) {
            assertThat(dense[next.items()[k]]).isCloseTo(next.scores()[k], within(1e-6f));
        }
        double listed = 0;
        for (float score : next.scores()) {
            listed += score;
        }
        double total = 0;
        for (float score : dense) {
            total += score;
        }
        assertThat(total).isCloseTo(listed, within(1e-5));
        float[] empty = {9f, 9f, 9f, 9f, 9f};
        model.score(new int[0], empty);
        assertThat(empty).containsOnly(0f);
    }

    @Test
    void keepsOnlyTheStrongestSuccessors() {
        SessionModel model = new SessionTrainer(SessionSettings.defaults().withMaxSuccessors(2).withWindow(1))
                .fit(List.of(new int[] {0, 1}, new int[] {0, 1}, new int[] {0, 2}, new int[] {0, 2}, new int[] {0, 2},
                        new int[] {0, 3}), 4);

        NextItems next = model.successors(0);
        assertThat(next.items()).containsExactly(2, 1);
        // Shares stay shares of everything that followed 0, pruned or not.
        assertThat(next.scores()[0]).isCloseTo(3 / 6f, within(1e-6f));
    }

    @Test
    void rejectsItemsOutsideTheUniverseNamingWhere() {
        assertThatThrownBy(() -> TRAINER.fit(List.of(new int[] {0, 1}, new int[] {2, 7}), 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("session 1, position 1: item 7");
        assertThatThrownBy(() -> TRAINER.fit(List.of(new int[] {-1}), 5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SessionSettings.defaults().withWindow(0)).hasMessageContaining("window");
        assertThatThrownBy(() -> SessionSettings.defaults().withGapDecay(0)).hasMessageContaining("gapDecay");
        assertThatThrownBy(() -> SessionSettings.defaults().withRecencyDecay(1.5)).hasMessageContaining("recencyDecay");
        assertThatThrownBy(() -> SessionSettings.defaults().withRecentItems(0)).hasMessageContaining("recentItems");
        assertThatThrownBy(() -> SessionSettings.defaults().withMaxSuccessors(0)).hasMessageContaining("maxSuccessors");
    }

    @Test
    void noSessionsGiveAModelWithoutSuccessors() {
        SessionModel model = TRAINER.fit(List.of(), 3);

        assertThat(model.itemCount()).isEqualTo(3);
        assertThat(model.next(new int[] {0, 1}, 5).isEmpty()).isTrue();
    }
}
