package dev.setlist.scorer.eval;

import dev.setlist.scorer.RecommenderModel;
import dev.setlist.scorer.eval.TemporalSplit.Stage;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The entry points of the evaluation harness, as the {@code setlist evaluate} and {@code setlist tune}
 * commands call them: read a MovieLens folder, split it by the protocol, then either measure every
 * recommender on TEST ({@link #run}) or search configurations on VALIDATION ({@link #tune}).
 *
 * <p>Stateless; each call reads the data afresh and may run concurrently with others.
 */
public final class Evaluation {

    private Evaluation() {
    }

    /**
     * Evaluates every contender of {@code options} on TEST, after tuning each on VALIDATION when
     * {@link EvaluationOptions#tune()} is set. A recommender that cannot be fitted to this data (for
     * example EASE on more items than fit in memory) or whose model cannot be measured (a NaN score)
     * gets a failed row with the reason; the others still run.
     *
     * @throws DatasetException when the folder holds no readable MovieLens data
     * @throws IOException      when reading fails
     */
    public static EvaluationReport run(Path dataset, EvaluationOptions options, ProgressListener progress)
            throws IOException {
        long start = System.nanoTime();
        Prepared prepared = prepare(dataset, options, progress);
        HyperparameterSearch search = new HyperparameterSearch(prepared.evaluator());
        List<EvaluationRow> rows = new ArrayList<>();
        List<TuningResult> tuning = new ArrayList<>();
        for (Contender contender : options.contenders()) {
            ConfiguredRecommender configured = contender.standard();
            boolean tuned = false;
            if (options.tune()) {
                TuningResult result = search.tune(contender, progress);
                if (result != null) {
                    tuning.add(result);
                    configured = result.best();
                    tuned = true;
                }
            }
            rows.add(measure(configured, tuned, prepared, progress));
        }
        return new EvaluationReport(dataset.toString(), prepared.reader().layout(), options.protocol().describe(),
                prepared.split().counts(), rows, tuning, Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Tunes every contender of {@code options} that has something to tune, on VALIDATION only.
     *
     * @throws DatasetException when the folder holds no readable MovieLens data
     * @throws IOException      when reading fails
     */
    public static TuningReport tune(Path dataset, EvaluationOptions options, ProgressListener progress)
            throws IOException {
        long start = System.nanoTime();
        Prepared prepared = prepare(dataset, options, progress);
        HyperparameterSearch search = new HyperparameterSearch(prepared.evaluator());
        List<TuningResult> results = new ArrayList<>();
        for (Contender contender : options.contenders()) {
            TuningResult result = search.tune(contender, progress);
            if (result != null) {
                results.add(result);
            }
        }
        return new TuningReport(dataset.toString(), prepared.reader().layout(), options.protocol().describe(),
                prepared.split().counts(), results, Duration.ofNanos(System.nanoTime() - start));
    }

    private record Prepared(MovieLensReader reader, TemporalSplit split, Evaluator evaluator) {
    }

    private static Prepared prepare(Path dataset, EvaluationOptions options, ProgressListener progress)
            throws IOException {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(progress, "progress");
        MovieLensReader reader = MovieLensReader.open(dataset);
        String step = "reading and splitting " + reader;
        progress.started(step);
        long start = System.nanoTime();
        TemporalSplit split = TemporalSplit.read(reader, options.protocol());
        Map<String, List<String>> genresById = new HashMap<>();
        reader.readMovies(movie -> genresById.put(Integer.toString(movie.id()), movie.genres()));
        ItemGenres genres = ItemGenres.of(split.items(), genresById);
        progress.finished(step, Duration.ofNanos(System.nanoTime() - start));
        Evaluator evaluator = new Evaluator(split, genres, Evaluator.CUTOFFS, options.threads());
        return new Prepared(reader, split, evaluator);
    }

    private static EvaluationRow measure(ConfiguredRecommender configured, boolean tuned, Prepared prepared,
                                         ProgressListener progress) {
        String fitting = "fitting " + configured + " on TRAIN + VALIDATION";
        progress.started(fitting);
        long fitStart = System.nanoTime();
        RecommenderModel model;
        try {
            model = configured.recommender().fit(prepared.split().training(Stage.TEST));
        } catch (IllegalArgumentException | IllegalStateException e) {
            Duration elapsed = Duration.ofNanos(System.nanoTime() - fitStart);
            progress.finished(fitting, elapsed);
            return new EvaluationRow(configured.name(), configured.hyperparameters(), tuned, null, Duration.ZERO,
                    Duration.ZERO, e.getMessage());
        }
        Duration fitTime = Duration.ofNanos(System.nanoTime() - fitStart);
        progress.finished(fitting, fitTime);

        String measuring = "measuring " + configured.name() + " on TEST";
        progress.started(measuring);
        long evaluationStart = System.nanoTime();
        Metrics metrics;
        try {
            metrics = prepared.evaluator().evaluate(model, Stage.TEST);
        } catch (IllegalArgumentException | IllegalStateException e) {
            progress.finished(measuring, Duration.ofNanos(System.nanoTime() - evaluationStart));
            return new EvaluationRow(configured.name(), configured.hyperparameters(), tuned, null, fitTime,
                    Duration.ZERO, e.getMessage());
        }
        Duration evaluationTime = Duration.ofNanos(System.nanoTime() - evaluationStart);
        progress.finished(measuring, evaluationTime);
        return new EvaluationRow(configured.name(), configured.hyperparameters(), tuned, metrics, fitTime,
                evaluationTime, null);
    }
}
