package dev.setlist.scorer.candidates;

import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class TopKTest {

    @Test
    void keepsTheBestInOrderWhateverTheOrderOfOffers() {
        SplittableRandom random = new SplittableRandom(9);
        float[] scores = new float[500];
        for (int item = 0; item < scores.length; item++) {
            scores[item] = random.nextInt(40);  // many ties
        }
        int[] expected = IntStream.range(0, scores.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparingInt(i -> i))
                .limit(25).mapToInt(Integer::intValue).toArray();

        TopK forward = new TopK(25);
        TopK backward = new TopK(25);
        for (int item = 0; item < scores.length; item++) {
            forward.offer(item, scores[item]);
            int reversed = scores.length - 1 - item;
            backward.offer(reversed, scores[reversed]);
        }
        assertThat(forward.drainBestFirst()).containsExactly(expected);
        assertThat(backward.drainBestFirst()).containsExactly(expected);
    }

    @Test
    void reportsItsThresholdOnlyOnceFull() {
        TopK top = new TopK(2);
        assertThat(top.threshold()).isEqualTo(Float.NEGATIVE_INFINITY);
        top.offer(1, 5f);
        assertThat(top.threshold()).isEqualTo(Float.NEGATIVE_INFINITY);
        top.offer(2, 3f);
        assertThat(top.threshold()).isEqualTo(3f);
        assertThat(top.offer(3, 1f)).isFalse();
        assertThat(top.offer(4, 4f)).isTrue();
        assertThat(top.drainBestFirst()).containsExactly(1, 4);
        assertThat(new TopK(0).offer(1, 1f)).isFalse();
    }
}
