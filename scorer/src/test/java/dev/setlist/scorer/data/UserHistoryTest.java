package dev.setlist.scorer.data;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserHistoryTest {

    @Test
    void acceptsIncreasingItemsWithPositiveWeights() {
        UserHistory history = new UserHistory(new int[] {1, 4, 9}, new float[] {1f, 0.5f, 2f});

        assertThat(history.size()).isEqualTo(3);
        assertThat(history.contains(4)).isTrue();
        assertThat(history.contains(5)).isFalse();
        assertThat(UserHistory.EMPTY.isEmpty()).isTrue();
    }

    @Test
    void rejectsMismatchedLengthsUnsortedOrRepeatedItemsAndBadWeights() {
        assertThatThrownBy(() -> new UserHistory(new int[] {1}, new float[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differ in length");
        assertThatThrownBy(() -> new UserHistory(new int[] {3, 2}, new float[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strictly increasing");
        assertThatThrownBy(() -> new UserHistory(new int[] {2, 2}, new float[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strictly increasing");
        assertThatThrownBy(() -> new UserHistory(new int[] {-1}, new float[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> new UserHistory(new int[] {1}, new float[] {Float.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite and positive");
        assertThatThrownBy(() -> new UserHistory(new int[] {1}, new float[] {-2f}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite and positive");
    }

    @Test
    void equalityFollowsTheContents() {
        UserHistory a = new UserHistory(new int[] {1, 2}, new float[] {1f, 2f});
        UserHistory b = new UserHistory(new int[] {1, 2}, new float[] {1f, 2f});

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(new UserHistory(new int[] {1, 2}, new float[] {1f, 3f}));
    }
}
