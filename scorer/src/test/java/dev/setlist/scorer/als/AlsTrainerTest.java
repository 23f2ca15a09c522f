package dev.setlist.scorer.als;

import dev.setlist.scorer.data.Interactions;
import dev.setlist.scorer.data.SyntheticInteractions;
import dev.setlist.scorer.data.UserHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlsTrainerTest {

    private static final SyntheticInteractions.Planted PLANTED =
            SyntheticInteractions.planted(300, 200, 4, 20, 3.0, 11);

    private static AlsSettings small() {
        return AlsSettings.defaults().withFactors(8).withIterations(8).withRegularization(0.05).withThreads(1);
    }

    @Test
    void refusesEmptyData() {
        Interactions empty = Interactions.builder().addUser("ann").addItem("song").build();

        assertThatThrownBy(() -> new AlsTrainer(small()).fit(empty))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no interactions");
    }

    @ParameterizedTest
    @EnumSource(AlsSettings.Solver.class)
    void recoversThePlantedRankingFarAboveRandom(AlsSettings.Solver solver) {
        AlsModel model = new AlsTrainer(small().withSolver(solver)).fit(PLANTED.data());

        double recall = plantedRecallAt10(model);
        int unseen = PLANTED.data().itemCount() - 20;
        double random = 10.0 / unseen;
        assertThat(recall).as("recall@10 of the planted top 10 (random: %.3f)", random).isGreaterThan(6 * random);
    }

    @Test
    void randomScoresRecoverNothing() {
        // The recovery measure must be able to fail: random scores land near the random rate.
        assertThat(plantedRecallAt10(randomScores(PLANTED.data().itemCount()))).isLessThan(2 * 10.0 / 180);
    }

    /** Mean over users of |top-10 by the model ∩ top-10 by the planted factors| / 10, both among unplayed items. */
    private static double plantedRecallAt10(dev.setlist.scorer.RecommenderModel model) {
        Interactions data = PLANTED.data();
        float[] scores = new float[data.itemCount()];
        double total = 0;
        for (int user = 0; user < data.userCount(); user++) {
            UserHistory history = data.history(user);
            model.score(history, scores);
            int[] byModel = top10(i -> scores[i], history, data.itemCount());
            int finalUser = user;
            int[] byPlant = top10(i -> (float) PLANTED.affinity(finalUser, i), history, data.itemCount());
            total += IntStream.of(byModel).filter(i -> IntStream.of(byPlant).anyMatch(j -> j == i)).count() / 10.0;
        }
        return total / data.userCount();
    }

    private static dev.setlist.scorer.RecommenderModel randomScores(int items) {
        return new dev.setlist.scorer.RecommenderModel() {
            @Override
            public int itemCount() {
                return items;
            }

            @Override
            public void score(UserHistory history, float[] scores) {
                java.util.SplittableRandom random = new java.util.SplittableRandom(history.hashCode());
                for (int i = 0; i < items; i++) {
                    scores[i] = random.nextFloat();
                }
            }
        };
    }

    private static int[] top10(java.util.function.IntToDoubleFunction score, UserHistory history, int items) {
        return IntStream.range(0, items).filter(i -> !history.contains(i)).boxed()
                .sorted((a, b) -> Double.compare(score.applyAsDouble(b), score.applyAsDouble(a)))
                .limit(10).mapToInt(Integer::intValue).toArray();
    }

    @ParameterizedTest
    @EnumSource(AlsSettings.Solver.class)
    void theSameSeedGivesABitwiseIdenticalModelForAnyThreadCount(AlsSettings.Solver solver) {
        AlsSettings settings = small().withSolver(solver).withIterations(3);
        AlsModel one = new AlsTrainer(settings.withThreads(1)).fit(PLANTED.data());
        AlsModel two = new AlsTrainer(settings.withThreads(2)).fit(PLANTED.data());
        AlsModel five = new AlsTrainer(settings.withThreads(5)).fit(PLANTED.data());

        assertSameFactors(one, two);
        assertSameFactors(one, five);
    }

    @Test
    void anotherSeedGivesAnotherModel() {
        AlsModel a = new AlsTrainer(small().withIterations(2)).fit(PLANTED.data());
        AlsModel b = new AlsTrainer(small().withIterations(2).withSeed(43)).fit(PLANTED.data());

        assertThat(a.itemVector(0)).isNotEqualTo(b.itemVector(0));
    }

    private static void assertSameFactors(AlsModel a, AlsModel b) {
        for (int item = 0; item < a.itemCount(); item++) {
            assertThat(b.itemVector(item)).as("item %d", item).containsExactly(a.itemVector(item));
        }
        for (int user = 0; user < a.userCount(); user++) {
            assertThat(b.userVector(user)).as("user %d", user).containsExactly(a.userVector(user));
        }
    }

    @Test
    void exactHalfStepsNeverIncreaseTheObjective() {
        AlsSettings settings = small().withSolver(AlsSettings.Solver.EXACT).withAlpha(2).withRegularizationExponent(1)
                .withRegularization(0.01);
        Interactions data = weighted(PLANTED.data());
        AlsTrainer trainer = new AlsTrainer(settings);
        int d = settings.factors();
        float[] users = trainer.initialFactors(data.userCount(), d, 0);
        float[] items = trainer.initialFactors(data.itemCount(), d, 1);
        double previous = objective(settings, data, users, items);
        try (RowParallelism parallelism = new RowParallelism(1)) {
            for (int half = 0; half < 8; half++) {
                if (half % 2 == 0) {
                    trainer.halfStep(data.itemPointers(), data.itemUsers(), trainer.confidences(data.itemWeights()),
                            users, data.userCount(), items, data.itemCount(), parallelism);
                } else {
                    trainer.halfStep(data.userPointers(), data.userItems(), trainer.confidences(data.userWeights()),
                            items, data.itemCount(), users, data.userCount(), parallelism);
                }
                double current = objective(settings, data, users, items);
                assertThat(current).as("objective after half-step %d", half).isLessThanOrEqualTo(previous * (1 + 1e-6));
                previous = current;
            }
        }
    }

    @Test
    void manyConjugateGradientStepsReachTheExactSolve() {
        // CG works in a rotated basis, so compare what is basis-free: the predictions q_i . x_u.
        AlsSettings exact = small().withSolver(AlsSettings.Solver.EXACT);
        AlsSettings cg = small().withSolver(AlsSettings.Solver.CG).withCgSteps(40);
        Interactions data = PLANTED.data();
        float[][] exactFactors = halfStepFromInit(exact, data);
        float[][] cgFactors = halfStepFromInit(cg, data);

        int d = exact.factors();
        for (int user = 0; user < data.userCount(); user += 7) {
            for (int item = 0; item < data.itemCount(); item++) {
                assertThat(prediction(cgFactors, user, item, d))
                        .isCloseTo(prediction(exactFactors, user, item, d), org.assertj.core.data.Offset.offset(1e-3));
            }
        }
    }

    private static double prediction(float[][] usersAndItems, int user, int item, int d) {
        double sum = 0;
        for (int a = 0; a < d; a++) {
            sum += (double) usersAndItems[0][user * d + a] * usersAndItems[1][item * d + a];
        }
        return sum;
    }

    @Test
    void aFewWarmStartedStepsTrainAsWellAsExactSolves() {
        AlsModel exact = new AlsTrainer(small().withSolver(AlsSettings.Solver.EXACT)).fit(PLANTED.data());
        AlsModel cg = new AlsTrainer(small().withSolver(AlsSettings.Solver.CG).withCgSteps(3)).fit(PLANTED.data());

        assertThat(plantedRecallAt10(cg)).isGreaterThan(0.9 * plantedRecallAt10(exact));
    }

    /** Users and items after one item half-step from the initial factors. */
    private static float[][] halfStepFromInit(AlsSettings settings, Interactions data) {
        AlsTrainer trainer = new AlsTrainer(settings);
        float[] users = trainer.initialFactors(data.userCount(), settings.factors(), 0);
        float[] items = trainer.initialFactors(data.itemCount(), settings.factors(), 1);
        try (RowParallelism parallelism = new RowParallelism(1)) {
            trainer.halfStep(data.itemPointers(), data.itemUsers(), trainer.confidences(data.itemWeights()),
                    users, data.userCount(), items, data.itemCount(), parallelism);
        }
        return new float[][] {users, items};
    }

    @Test
    void usersAndItemsWithoutInteractionsGetTheZeroVector() {
        Interactions.Builder builder = Interactions.builder().addUser("silent").addItem("unplayed");
        builder.add("ann", "a", 1f, 1).add("ann", "b", 1f, 2).add("bob", "b", 1f, 3);
        Interactions data = builder.build();

        for (AlsSettings.Solver solver : AlsSettings.Solver.values()) {
            AlsModel model = new AlsTrainer(small().withSolver(solver)).fit(data);
            assertThat(model.userVector(data.users().indexOf("silent"))).containsOnly(0f);
            int unplayed = data.items().indexOf("unplayed");
            assertThat(model.itemVector(unplayed)).containsOnly(0f);
            assertThat(model.isCold(unplayed)).isTrue();
            assertThat(model.itemVector(data.items().indexOf("a"))).isNotEqualTo(new float[8]);
        }
    }

    /** The same pairs with weights 1, 2 or 3, so that confidences differ. */
    private static Interactions weighted(Interactions data) {
        Interactions.Builder builder = Interactions.builder();
        for (int user = 0; user < data.userCount(); user++) {
            builder.addUser(data.users().idAt(user));
        }
        for (int item = 0; item < data.itemCount(); item++) {
            builder.addItem(data.items().idAt(item));
        }
        for (int user = 0; user < data.userCount(); user++) {
            UserHistory history = data.history(user);
            for (int k = 0; k < history.size(); k++) {
                builder.add(data.users().idAt(user), data.items().idAt(history.items()[k]), 1 + (user + k) % 3, k);
            }
        }
        return builder.build();
    }

    /** The training objective, computed pair by pair in double precision, independently of the trainer. */
    static double objective(AlsSettings settings, Interactions data, float[] users, float[] items) {
        int d = settings.factors();
        double alpha0 = settings.unobservedWeight();
        double loss = 0;
        for (int user = 0; user < data.userCount(); user++) {
            UserHistory history = data.history(user);
            for (int item = 0; item < data.itemCount(); item++) {
                double prediction = 0;
                for (int a = 0; a < d; a++) {
                    prediction += (double) users[user * d + a] * items[item * d + a];
                }
                int position = java.util.Arrays.binarySearch(history.items(), item);
                if (position >= 0) {
                    double confidence = 1 + settings.alpha() * history.weights()[position];
                    loss += confidence * (prediction - 1) * (prediction - 1);
                } else {
                    loss += alpha0 * prediction * prediction;
                }
            }
            loss += settings.rowRegularization(history.size(), data.itemCount()) * squaredNorm(users, user, d);
        }
        for (int item = 0; item < data.itemCount(); item++) {
            loss += settings.rowRegularization(data.itemDegree(item), data.userCount()) * squaredNorm(items, item, d);
        }
        return loss;
    }

    private static double squaredNorm(float[] factors, int row, int d) {
        double sum = 0;
        for (int a = 0; a < d; a++) {
            sum += (double) factors[row * d + a] * factors[row * d + a];
        }
        return sum;
    }
}
