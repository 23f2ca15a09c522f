package dev.setlist.scorer.path;

import dev.setlist.scorer.als.AlsModel;
import dev.setlist.scorer.als.AlsSettings;
import dev.setlist.scorer.als.AlsTrainer;
import dev.setlist.scorer.data.Interactions;
import org.junit.jupiter.api.Test;

import java.util.function.IntPredicate;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * A two-factor model whose vectors are laid out by hand: the ends at 0° and 90° on the unit circle,
 * ten items on the quarter arc between them (every 10°), and ten distractors on the opposite side.
 */
class TastePathTest {

    private static final int FROM = 1;
    private static final int TO = 2;
    /** Items 3..12 sit at 0°, 10°, ..., 90°; items 13..22 at 180° + the same angles; item 23 at the origin. */
    private static final int ARC = 3;
    private static final int OPPOSITE = 13;
    private static final int ZERO = 23;
    private static final AlsModel MODEL = model();
    /** Every item but the one played to train the model, whose vector is whatever training made it. */
    private static final IntPredicate DESIGNED = item -> item != 0;

    private static AlsModel model() {
        Interactions.Builder builder = Interactions.builder().add("u0", "played", 1f, 0);
        for (int item = 1; item <= ZERO; item++) {
            builder.addItem("i" + item);
        }
        AlsModel trained = new AlsTrainer(AlsSettings.defaults().withFactors(2).withIterations(2).withThreads(1))
                .fit(builder.build());
        int[] items = IntStream.rangeClosed(1, ZERO - 1).toArray();
        float[] vectors = new float[items.length * 2];
        put(vectors, FROM, 0);
        put(vectors, TO, 90);
        for (int k = 0; k < 10; k++) {
            put(vectors, ARC + k, 10 * k);
            put(vectors, OPPOSITE + k, 180 + 10 * k);
        }
        return trained.withItemVectors(ZERO + 1, items, vectors);
    }

    private static void put(float[] vectors, int item, double degrees) {
        vectors[(item - 1) * 2] = (float) Math.cos(Math.toRadians(degrees));
        vectors[(item - 1) * 2 + 1] = (float) Math.sin(Math.toRadians(degrees));
    }

    private static float[] at(double degrees) {
        return new float[] {(float) Math.cos(Math.toRadians(degrees)), (float) Math.sin(Math.toRadians(degrees))};
    }

    @Test
    void eachStepTakesTheItemAtItsPointOfTheArcWalkedAtAnEvenAngle() {
        TastePath path = TastePath.between(MODEL, FROM, TO, new float[2]);

        for (int k = 0; k < 10; k++) {
            double t = k / 9.0;
            int[] best = path.nearest(t, 3, 0.3, DESIGNED);
            assertThat(best[0]).as("step at %d°", 10 * k).isEqualTo(ARC + k);
            assertThat(path.closeness(ARC + k, t)).isCloseTo(1, within(1e-5));
        }
        assertThat(path.nearest(0.5, 100, 0, DESIGNED)).doesNotContain(FROM, TO)
                .as("the two points opposite the middle of the path come last").endsWith(OPPOSITE + 4, OPPOSITE + 5);
    }

    @Test
    void aLongerVectorAtOneEndDoesNotPullThePathTowardsIt() {
        Interactions.Builder builder = Interactions.builder().add("u0", "played", 1f, 0);
        for (int item = 1; item <= 3; item++) {
            builder.addItem("i" + item);
        }
        AlsModel trained = new AlsTrainer(AlsSettings.defaults().withFactors(2).withIterations(2).withThreads(1))
                .fit(builder.build());
        // The start five times as long as the end (a much played item), the middle item at 45°.
        AlsModel model = trained.withItemVectors(4, new int[] {1, 2, 3}, new float[] {5, 0, 0, 1, 0.7f, 0.7f});
        TastePath path = TastePath.between(model, 1, 2, new float[2]);

        assertThat(path.closeness(3, 0.5)).isCloseTo(1, within(1e-5));
        assertThat(path.progress(3)).isCloseTo(0.5, within(1e-5));
    }

    @Test
    void progressGrowsAlongThePathFromZeroToOne() {
        TastePath path = TastePath.between(MODEL, FROM, TO, new float[2]);

        assertThat(path.progress(FROM)).isZero();
        assertThat(path.progress(TO)).isOne();
        for (int k = 0; k < 10; k++) {
            assertThat(path.progress(ARC + k)).as("item at %d°", 10 * k).isCloseTo(k / 9.0, within(1e-5));
        }
        assertThat(path.progress(OPPOSITE)).as("(-1, 0) lies past the far end: clamped").isOne();
        assertThat(path.progress(OPPOSITE + 9)).as("(0, -1) lies behind the start: clamped").isZero();
        assertThat(path.endsSimilarity()).isCloseTo(0, within(1e-6));
    }

    @Test
    void thePersonsTastePullsEachStepTowardsThem() {
        TastePath neutral = TastePath.between(MODEL, FROM, TO, new float[2]);
        TastePath nearTheEnd = TastePath.between(MODEL, FROM, TO, at(90));

        assertThat(neutral.taste(ARC)).as("no taste known").isZero();
        assertThat(neutral.nearest(0.5, 1, 0.9, DESIGNED)[0]).isEqualTo(ARC + 4).as("45° sits between 40° and 50°");
        assertThat(nearTheEnd.nearest(0.5, 1, 0.5, DESIGNED)[0]).as("pulled towards 90°").isGreaterThan(ARC + 4);
        assertThat(nearTheEnd.nearest(0.5, 1, 0, DESIGNED)[0]).as("no pull, no change").isIn(ARC + 4, ARC + 5);
        assertThat(nearTheEnd.taste(ARC + 9)).isCloseTo(1, within(1e-5));
        assertThat(nearTheEnd.stepScore(ARC + 9, 1, 0)).isCloseTo(1, within(1e-5));
        assertThat(nearTheEnd.stepScore(OPPOSITE + 9, 1, 0)).isCloseTo(0, within(1e-5));
    }

    @Test
    void respectsEligibilityAndCount() {
        TastePath path = TastePath.between(MODEL, FROM, TO, new float[2]);

        int[] odd = path.nearest(0.5, 4, 0, item -> item % 2 == 1);
        assertThat(odd).hasSize(4);
        assertThat(IntStream.of(odd)).allMatch(item -> item % 2 == 1);
        assertThat(path.nearest(0.5, 0, 0, DESIGNED)).isEmpty();
        assertThat(path.nearest(0.5, 100, 0, item -> true)).hasSize(ZERO + 1 - 2).doesNotHaveDuplicates();
        assertThat(path.closeness(ZERO, 0.5)).as("an item with no vector fits nowhere").isZero();
    }

    @Test
    void refusesWhatIsNotAPath() {
        assertThatThrownBy(() -> TastePath.between(MODEL, FROM, FROM, new float[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two different items");
        assertThatThrownBy(() -> TastePath.between(MODEL, FROM, ZERO, new float[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no place in taste space");
        assertThatThrownBy(() -> TastePath.between(MODEL, FROM, TO, new float[3]))
                .isInstanceOf(IllegalArgumentException.class);
        TastePath path = TastePath.between(MODEL, FROM, TO, new float[2]);
        assertThatThrownBy(() -> path.nearest(1.5, 1, 0, DESIGNED)).hasMessageContaining("t must be");
        assertThatThrownBy(() -> path.stepScore(ARC, 0.5, -0.1)).hasMessageContaining("tastePull");
    }
}
