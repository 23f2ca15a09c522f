package dev.setlist.scorer.eval;

import dev.setlist.scorer.Recommender;
import dev.setlist.scorer.RecommenderModel;
import dev.setlist.scorer.als.AlsSettings;
import dev.setlist.scorer.baseline.EaseSettings;
import dev.setlist.scorer.baseline.ItemKnnSettings;
import dev.setlist.scorer.data.Interactions;
import dev.setlist.scorer.data.UserHistory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EvaluationTest {

    @TempDir
    Path folder;

    /**
     * A generated CSV-layout data set with planted tastes: 60 people in two groups, each liking
     * (5 stars) items of their group's 20, more often the lower-numbered ones, and disliking
     * (2 stars, dropped as negatives) a few of the other group's.
     */
    @BeforeEach
    void writePlantedDataSet() throws IOException {
        Random random = new Random(7);
        StringBuilder ratings = new StringBuilder("userId,movieId,rating,timestamp\n");
        for (int user = 1; user <= 60; user++) {
            int group = user % 2;
            long time = 1_000_000L + user;
            List<Integer> liked = new ArrayList<>();
            while (liked.size() < 12) {
                int item = 1 + group * 20 + (int) Math.floor(20 * Math.pow(random.nextDouble(), 2));
                if (!liked.contains(item)) {
                    liked.add(item);
                    ratings.append(user).append(',').append(item).append(",5.0,").append(time += 60).append('\n');
                }
            }
            for (int k = 0; k < 3; k++) {
                int item = 1 + (1 - group) * 20 + random.nextInt(20);
                ratings.append(user).append(',').append(item).append(",2.0,").append(time += 60).append('\n');
            }
        }
        Files.writeString(folder.resolve("ratings.csv"), ratings);
        StringBuilder movies = new StringBuilder("movieId,title,genres\n");
        for (int item = 1; item <= 40; item++) {
            movies.append(item).append(",\"Movie ").append(item).append(", The\",")
                    .append(item <= 20 ? "Drama|Romance" : "Action").append('\n');
        }
        Files.writeString(folder.resolve("movies.csv"), movies);
    }

    private static EvaluationOptions fastOptions() {
        AlsSettings als = AlsSettings.defaults().withFactors(8).withRegularization(1).withUnobservedWeight(1)
                .withRegularizationExponent(0).withIterations(8).withThreads(2);
        return EvaluationOptions.defaults(2).withContenders(List.of(
                Contender.mostPopular(),
                Contender.itemKnn(ItemKnnSettings.defaults().withNeighbours(10)),
                Contender.ease(EaseSettings.defaults().withRegularization(10).withThreads(2)),
                Contender.als(als, 3, 1)));
    }

    @Test
    void measuresEveryRecommenderOnTestInOrder() throws IOException {
        EvaluationReport report = Evaluation.run(folder, fastOptions(), ProgressListener.SILENT);
        assertThat(report.rows()).extracting(EvaluationRow::recommender)
                .containsExactly("most popular", "item-kNN", "EASE", "iALS");
        assertThat(report.layout()).isEqualTo(MovieLensReader.Layout.CSV);
        assertThat(report.data().users()).isEqualTo(60);
        assertThat(report.tuning()).isEmpty();
        for (EvaluationRow row : report.rows()) {
            assertThat(row.failed()).isFalse();
            assertThat(row.tuned()).isFalse();
            assertThat(row.metrics().users()).isEqualTo(60);
            assertThat(row.metrics().at(20).ndcg()).isBetween(0.0, 1.0);
        }
        // The planted groups are what personal models learn and popularity cannot.
        double popular = report.row("most popular").metrics().at(10).ndcg();
        assertThat(report.row("item-kNN").metrics().at(10).ndcg()).isGreaterThan(popular);
        assertThat(report.row("EASE").metrics().at(10).ndcg()).isGreaterThan(popular);
        // Lists stay within one group: Drama|Romance vs Action never mix for a personal model.
        assertThat(report.row("EASE").metrics().at(10).diversity()).isLessThan(0.2);
    }

    @Test
    void rendersATableAndValidJsonWithTheSameFigures() throws IOException {
        EvaluationReport report = Evaluation.run(folder, fastOptions(), ProgressListener.SILENT);
        String table = report.toTable();
        assertThat(table).contains("Protocol: ratings >= 4 are positives", "NDCG@20", "k=10", "lambda=10",
                String.format(Locale.ROOT, "%.4f", report.row("EASE").metrics().at(20).ndcg()));
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) JsonParser.parse(report.toJson());
        assertThat(json).containsKeys("dataset", "protocol", "data", "results", "tuning");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) json.get("results");
        assertThat(results).hasSize(4);
        @SuppressWarnings("unchecked")
        Map<String, Object> test = (Map<String, Object>) results.get(2).get("test");
        @SuppressWarnings("unchecked")
        Map<String, Object> at20 = ((List<Map<String, Object>>) test.get("cutoffs")).get(1);
        assertThat(at20.get("k")).isEqualTo(20.0);
        assertThat((Double) at20.get("ndcg")).isEqualTo(report.row("EASE").metrics().at(20).ndcg());
    }

    @Test
    void tunesOnValidationBeforeMeasuringTest() throws IOException {
        EvaluationReport report = Evaluation.run(folder, fastOptions().withTuning(true), ProgressListener.SILENT);
        assertThat(report.tuning()).extracting(TuningResult::recommender).containsExactly("item-kNN", "EASE", "iALS");
        for (TuningResult result : report.tuning()) {
            double best = result.trials().stream().mapToDouble(TuningTrial::objective).max().orElseThrow();
            assertThat(result.bestTrial().objective()).isEqualTo(best);
            assertThat(report.row(result.recommender()).hyperparameters()).isEqualTo(result.best().hyperparameters());
            assertThat(report.row(result.recommender()).tuned()).isTrue();
        }
        assertThat(report.tuning().get(0).trials()).hasSize(Contender.ITEM_KNN_GRID.size());
        assertThat(report.tuning().get(2).trials()).hasSize(3);
        assertThat(report.row("most popular").tuned()).isFalse();
        assertThat(report.toTable()).contains("Tuning iALS: 3 trials on VALIDATION");
    }

    @Test
    void tuneReportsEveryTrialAndReportsProgress() throws IOException {
        List<String> steps = new ArrayList<>();
        List<TuningTrial> trials = new ArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void started(String step) {
                steps.add(step);
            }

            @Override
            public void finished(String step, Duration elapsed) {
            }

            @Override
            public void trial(TuningTrial trial) {
                trials.add(trial);
            }
        };
        TuningReport report = Evaluation.tune(folder, fastOptions().only(List.of("ials")), listener);
        assertThat(report.results()).hasSize(1);
        assertThat(trials).hasSize(3).extracting(TuningTrial::number).containsExactly(1, 2, 3);
        assertThat(steps).anyMatch(step -> step.startsWith("reading and splitting"))
                .anyMatch(step -> step.startsWith("tuning iALS"));
        assertThat(JsonParser.parse(report.toJson())).isNotNull();
        assertThat(report.toTable()).contains("best: iALS (factors=");
    }

    /** Fails the way EASE does on a catalog too large for a dense matrix. */
    private record Unfittable() implements Recommender {
        @Override
        public String name() {
            return "unfittable";
        }

        @Override
        public RecommenderModel fit(Interactions data) {
            throw new IllegalArgumentException("needs a " + data.itemCount() + " x " + data.itemCount() + " matrix");
        }
    }

    @Test
    void reportsARecommenderThatCannotBeFittedAndKeepsTheOthers() throws IOException {
        EvaluationOptions options = fastOptions().withContenders(List.of(
                new Contender(new ConfiguredRecommender(new Unfittable(), List.of()), SearchSpace.NONE),
                Contender.mostPopular()));
        EvaluationReport report = Evaluation.run(folder, options, ProgressListener.SILENT);
        assertThat(report.row("unfittable").failure()).contains("40 x 40");
        assertThat(report.row("most popular").failed()).isFalse();
        assertThat(report.toTable()).contains("failed: needs a 40 x 40 matrix");
        assertThat(JsonParser.parse(report.toJson())).isNotNull();
    }

    /** A broken model: every score is NaN. */
    private record NanScores() implements Recommender {
        @Override
        public String name() {
            return "broken";
        }

        @Override
        public RecommenderModel fit(Interactions data) {
            int itemCount = data.itemCount();
            return new RecommenderModel() {
                @Override
                public int itemCount() {
                    return itemCount;
                }

                @Override
                public void score(UserHistory history, float[] scores) {
                    Arrays.fill(scores, 0, itemCount, Float.NaN);
                }
            };
        }
    }

    @Test
    void reportsAModelThatCannotBeMeasuredAndKeepsTheOthers() throws IOException {
        EvaluationOptions options = fastOptions().withContenders(List.of(
                Contender.mostPopular(),
                new Contender(new ConfiguredRecommender(new NanScores(), List.of()), SearchSpace.NONE)));
        EvaluationReport report = Evaluation.run(folder, options, ProgressListener.SILENT);
        assertThat(report.row("broken").failure()).contains("NaN");
        assertThat(report.row("most popular").failed()).isFalse();
    }

    @Test
    void selectsRecommendersByNameOrAlias() {
        assertThat(EvaluationOptions.defaults(1).only(List.of("iALS", "knn")).contenders())
                .extracting(Contender::name).containsExactly("item-kNN", "iALS");
        assertThat(EvaluationOptions.defaults(1).only(List.of("Most-Popular")).contenders())
                .extracting(Contender::name).containsExactly("most popular");
        assertThatThrownBy(() -> EvaluationOptions.defaults(1).only(List.of("svd")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("svd");
    }

    @Test
    void failsClearlyOnAFolderWithoutData() {
        assertThatThrownBy(() -> Evaluation.run(folder.resolve("nothing-here"), fastOptions(), ProgressListener.SILENT))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("nothing-here");
    }
}
