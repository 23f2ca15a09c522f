package dev.setlist.scorer.als;

import dev.setlist.scorer.data.Interactions;
import dev.setlist.scorer.data.SyntheticInteractions;
import dev.setlist.scorer.data.UserHistory;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AlsModelTest {

    private static final Interactions DATA = SyntheticInteractions.planted(150, 120, 4, 15, 3.0, 5).data();
    private static final AlsSettings SETTINGS = AlsSettings.defaults().withFactors(6).withIterations(4)
            .withRegularization(0.02).withAlpha(1.5).withThreads(1);
    private static final AlsModel EXACT = new AlsTrainer(SETTINGS.withSolver(AlsSettings.Solver.EXACT)).fit(DATA);

    @Test
    void foldInOfATrainedUserEqualsTheTrainersLastUserSolve() {
        for (int user = 0; user < DATA.userCount(); user++) {
            float[] folded = EXACT.foldIn(DATA.history(user));
            float[] trained = EXACT.userVector(user);
            for (int a = 0; a < folded.length; a++) {
                assertThat(folded[a]).as("user %d, factor %d", user, a).isCloseTo(trained[a], within(1e-5f));
            }
        }
    }

    @Test
    void foldInSolvesTheUsersObjectiveOverEveryItemPairByPair() {
        // Independent of the Gramian trick: sum over every item explicitly, observed or not, and solve by LU.
        UserHistory history = new UserHistory(new int[] {3, 17, 40, 41, 99}, new float[] {1f, 2f, 0.5f, 3f, 1f});
        int d = EXACT.factors();
        RealMatrix a = new Array2DRowRealMatrix(d, d);
        RealVector b = new ArrayRealVector(d);
        double alpha0 = SETTINGS.unobservedWeight();
        for (int item = 0; item < EXACT.itemCount(); item++) {
            RealVector q = new ArrayRealVector(toDouble(EXACT.itemVector(item)));
            int position = Arrays.binarySearch(history.items(), item);
            double weight = position >= 0 ? 1 + SETTINGS.alpha() * history.weights()[position] : alpha0;
            a = a.add(q.outerProduct(q).scalarMultiply(weight));
            if (position >= 0) {
                b = b.add(q.mapMultiply(weight));
            }
        }
        double regularization = SETTINGS.rowRegularization(history.size(), EXACT.itemCount());
        for (int j = 0; j < d; j++) {
            a.addToEntry(j, j, regularization);
        }
        RealVector expected = new LUDecomposition(a).getSolver().solve(b);

        float[] folded = EXACT.foldIn(history);
        for (int j = 0; j < d; j++) {
            assertThat((double) folded[j]).isCloseTo(expected.getEntry(j), within(1e-5));
        }
    }

    @Test
    void aModelRebuiltFromItsItemVectorsScoresAsTheTrainedOne() {
        int d = EXACT.factors();
        float[] vectors = new float[EXACT.itemCount() * d];
        int[] frequencies = new int[EXACT.itemCount()];
        for (int item = 0; item < EXACT.itemCount(); item++) {
            System.arraycopy(EXACT.itemVector(item), 0, vectors, item * d, d);
            frequencies[item] = EXACT.itemFrequency(item);
        }
        AlsModel restored = AlsModel.ofItemVectors(EXACT.settings(), vectors, frequencies);

        UserHistory history = DATA.history(11);
        float[] expected = new float[EXACT.itemCount()];
        float[] actual = new float[EXACT.itemCount()];
        EXACT.score(history, expected);
        restored.score(history, actual);
        for (int item = 0; item < expected.length; item++) {
            assertThat(actual[item]).isCloseTo(expected[item], within(1e-4f));
            assertThat(restored.itemFrequency(item)).isEqualTo(EXACT.itemFrequency(item));
        }
        assertThat(restored.userCount()).isZero();
        vectors[3] = Float.NaN;
        assertThatThrownBy(() -> AlsModel.ofItemVectors(EXACT.settings(), vectors, frequencies))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not finite");
        assertThatThrownBy(() -> AlsModel.ofItemVectors(EXACT.settings(), new float[d], frequencies))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("item values");
    }

    @Test
    void scoresAreDotProductsWithTheFoldIn() {
        UserHistory history = DATA.history(7);
        float[] user = EXACT.foldIn(history);
        float[] scores = new float[EXACT.itemCount()];
        EXACT.score(history, scores);

        for (int item = 0; item < EXACT.itemCount(); item++) {
            double expected = 0;
            float[] q = EXACT.itemVector(item);
            for (int a = 0; a < q.length; a++) {
                expected += q[a] * user[a];
            }
            assertThat((double) scores[item]).isCloseTo(expected, within(1e-5));
        }
    }

    @Test
    void headAndTailAddUpToTheScoreAndTheTailBoundHolds() {
        AlsModel model = new AlsTrainer(SETTINGS.withFactors(40).withSolver(AlsSettings.Solver.CG)).fit(DATA);
        assertThat(model.headFactors()).isEqualTo(10);
        float[] user = model.foldIn(DATA.history(9));
        float[] full = new float[model.itemCount()];
        float[] head = new float[model.itemCount()];
        model.scoreVector(user, full);
        model.headScores(user, head);

        for (int item = 0; item < model.itemCount(); item++) {
            float tail = model.tailScore(item, user);
            assertThat(head[item] + tail).isCloseTo(full[item], within(1e-5f));
            assertThat(Math.abs(tail)).isLessThanOrEqualTo(model.tailNorm(item) * model.tailNorm(user) * 1.0001f + 1e-7f);
            float far = model.farScore(item, user);
            assertThat(model.nearScore(item, user) + far).isEqualTo(tail);
            assertThat(Math.abs(far)).isLessThanOrEqualTo(model.farNorm(item) * model.farNorm(user) * 1.0001f + 1e-7f);
            assertThat(model.farNorm(item)).isLessThanOrEqualTo(model.tailNorm(item));
        }
    }

    @Test
    void aTrainedModelPutsMostItemEnergyInItsLeadingCoordinates() {
        // The trainer hands over the eigenbasis of the item Gramian, largest eigenvalue first.
        AlsModel model = new AlsTrainer(SETTINGS.withFactors(40).withSolver(AlsSettings.Solver.CG)).fit(DATA);
        double[] energy = new double[model.factors()];
        for (int item = 0; item < model.itemCount(); item++) {
            float[] q = model.itemVector(item);
            for (int a = 0; a < q.length; a++) {
                energy[a] += q[a] * q[a];
            }
        }
        for (int a = 1; a < energy.length; a++) {
            assertThat(energy[a]).isLessThanOrEqualTo(energy[a - 1] * (1 + 1e-3));
        }
    }

    @Test
    void anEmptyHistoryFoldsInToZeroAndScoresZero() {
        assertThat(EXACT.foldIn(UserHistory.EMPTY)).containsOnly(0f);
        float[] scores = new float[EXACT.itemCount()];
        Arrays.fill(scores, 9f);
        EXACT.score(UserHistory.EMPTY, scores);
        assertThat(scores).containsOnly(0f);
    }

    @Test
    void itemsUnknownToTheModelAreIgnoredAtFoldIn() {
        UserHistory known = new UserHistory(new int[] {1, 2}, new float[] {1f, 1f});
        UserHistory withUnknown = new UserHistory(new int[] {1, 2, EXACT.itemCount(), EXACT.itemCount() + 50},
                new float[] {1f, 1f, 4f, 4f});

        assertThat(EXACT.foldIn(withUnknown)).containsExactly(EXACT.foldIn(known));
        float[] onlyUnknown = EXACT.foldIn(new UserHistory(new int[] {EXACT.itemCount()}, new float[] {1f}));
        assertThat(onlyUnknown).containsOnly(0f);
    }

    @Test
    void headScoresOfARangeWriteThatRangeOnlyAcrossTileEdges() {
        AlsModel model = new AlsTrainer(SETTINGS.withFactors(40).withSolver(AlsSettings.Solver.CG)).fit(DATA);
        float[] user = model.foldIn(DATA.history(9));
        float[] whole = new float[model.itemCount()];
        model.headScores(user, whole);
        int from = 3;
        int to = model.itemCount() - 5;
        float[] part = new float[model.itemCount()];
        java.util.Arrays.fill(part, -7f);

        model.headScores(user, part, from, to);

        for (int item = 0; item < model.itemCount(); item++) {
            assertThat(part[item]).as("item %d", item).isEqualTo(item >= from && item < to ? whole[item] : -7f);
        }
        assertThatThrownBy(() -> model.headScores(user, part, 5, model.itemCount() + 1))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void theDeviationTableBoundsEveryItemsExactDeviation() {
        UserHistory history = DATA.history(3);
        FoldIn posterior = EXACT.posterior(history);

        float[] bounds = posterior.standardDeviationBounds();

        assertThat(bounds).hasSize(EXACT.itemCount());
        for (int item = 0; item < EXACT.itemCount(); item++) {
            assertThat((double) bounds[item]).isGreaterThanOrEqualTo(Math.sqrt(posterior.varianceUpperBound(item)))
                    .isGreaterThanOrEqualTo(Math.sqrt(posterior.variance(item)));
        }
        assertThat(EXACT.posterior(DATA.history(4)).standardDeviationBounds()).as("shared while the regularization is")
                .isSameAs(bounds);
    }

    @Test
    void rejectsScoreArraysAndVectorsOfTheWrongSize() {
        assertThatThrownBy(() -> EXACT.score(UserHistory.EMPTY, new float[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scores has length 3");
        assertThatThrownBy(() -> EXACT.itemDot(0, new float[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("factors");
    }

    @Test
    void posteriorVarianceIsTheQuadraticFormOfTheInverseSystemAndItsBoundHolds() {
        UserHistory history = DATA.history(3);
        FoldIn posterior = EXACT.posterior(history);
        RealMatrix inverse = new LUDecomposition(systemMatrix(history)).getSolver().getInverse();

        for (int item = 0; item < EXACT.itemCount(); item++) {
            RealVector q = new ArrayRealVector(toDouble(EXACT.itemVector(item)));
            double expected = q.dotProduct(inverse.operate(q));
            assertThat(posterior.variance(item)).isCloseTo(expected, within(1e-6 * Math.max(1, expected)));
            assertThat(posterior.varianceUpperBound(item)).isGreaterThanOrEqualTo(posterior.variance(item));
        }
        int[] some = {7, 0, EXACT.itemCount() - 1, 7, 12};
        double[] together = new double[some.length];
        posterior.variances(some, together);
        for (int c = 0; c < some.length; c++) {
            double alone = posterior.variance(some[c]);
            assertThat(together[c]).as("item %d", some[c]).isCloseTo(alone, within(1e-12 * Math.max(1, alone)));
        }
        assertThatThrownBy(() -> posterior.variances(new int[] {EXACT.itemCount()}, new double[1]))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void posteriorSamplesCentreOnTheFoldInWithTheInverseSystemAsCovariance() {
        UserHistory history = DATA.history(3);
        FoldIn posterior = EXACT.posterior(history);
        int d = EXACT.factors();
        int draws = 20_000;
        double[] mean = new double[d];
        double[][] second = new double[d][d];
        SplittableRandom random = new SplittableRandom(1);
        float[] x = posterior.vector();
        for (int n = 0; n < draws; n++) {
            float[] sample = posterior.sample(random);
            for (int a = 0; a < d; a++) {
                mean[a] += sample[a] / draws;
                for (int b = 0; b < d; b++) {
                    second[a][b] += (sample[a] - x[a]) * (double) (sample[b] - x[b]) / draws;
                }
            }
        }
        RealMatrix covariance = new LUDecomposition(systemMatrix(history)).getSolver().getInverse();
        for (int a = 0; a < d; a++) {
            double sd = Math.sqrt(covariance.getEntry(a, a));
            assertThat(mean[a]).isCloseTo(x[a], within(5 * sd / Math.sqrt(draws)));
            for (int b = 0; b < d; b++) {
                assertThat(second[a][b]).isCloseTo(covariance.getEntry(a, b),
                        within(0.05 * Math.sqrt(covariance.getEntry(a, a) * covariance.getEntry(b, b))));
            }
        }
    }

    @Test
    void coldItemsTakeGivenVectorsAndNewItemsExtendTheModel() {
        Interactions data = Interactions.builder().addItem("cold").add("ann", "a", 1f, 1).add("bob", "a", 1f, 2)
                .add("bob", "b", 1f, 3).build();
        AlsModel model = new AlsTrainer(SETTINGS).fit(data);
        int cold = data.items().indexOf("cold");
        float[] vectors = new float[2 * 6];
        Arrays.fill(vectors, 0.5f);

        AlsModel extended = model.withItemVectors(4, new int[] {cold, 3}, vectors);

        assertThat(extended.itemCount()).isEqualTo(4);
        assertThat(extended.itemVector(cold)).containsOnly(0.5f);
        assertThat(extended.itemVector(3)).containsOnly(0.5f);
        assertThat(extended.isCold(3)).isTrue();
        assertThat(extended.itemVector(data.items().indexOf("a"))).containsExactly(model.itemVector(data.items().indexOf("a")));
        assertThat(model.itemCount()).isEqualTo(3);
        // Fold-in now counts the new items as unobserved, so the same history folds in differently.
        UserHistory history = data.history(0);
        assertThat(extended.foldIn(history)).isNotEqualTo(model.foldIn(history));
        assertThatThrownBy(() -> model.withItemVectors(3, new int[] {data.items().indexOf("a")}, new float[6]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only cold items");
        assertThatThrownBy(() -> model.withItemVectors(2, new int[0], new float[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> model.withItemVectors(3, new int[] {cold}, new float[5]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static RealMatrix systemMatrix(UserHistory history) {
        int d = EXACT.factors();
        RealMatrix a = new Array2DRowRealMatrix(d, d);
        for (int item = 0; item < EXACT.itemCount(); item++) {
            RealVector q = new ArrayRealVector(toDouble(EXACT.itemVector(item)));
            int position = Arrays.binarySearch(history.items(), item);
            double weight = position >= 0 ? 1 + SETTINGS.alpha() * history.weights()[position] : SETTINGS.unobservedWeight();
            a = a.add(q.outerProduct(q).scalarMultiply(weight));
        }
        double regularization = SETTINGS.rowRegularization(history.size(), EXACT.itemCount());
        for (int j = 0; j < d; j++) {
            a.addToEntry(j, j, regularization);
        }
        return a;
    }

    private static double[] toDouble(float[] values) {
        double[] result = new double[values.length];
        for (int j = 0; j < values.length; j++) {
            result[j] = values[j];
        }
        return result;
    }
}
