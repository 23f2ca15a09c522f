package dev.setlist.scorer.eval;

import dev.setlist.scorer.RecommenderModel;
import dev.setlist.scorer.data.Interactions;
import dev.setlist.scorer.eval.TemporalSplit.Stage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Chooses hyperparameters the honest way: every candidate configuration is fitted on TRAIN and
 * measured on VALIDATION, never on TEST, and the one with the highest NDCG at the largest cutoff
 * wins (the earliest of equals). The budget is the search space's.
 *
 * <p>Immutable; share freely. Runs one trial at a time (each fit and evaluation is parallel itself).
 */
public final class HyperparameterSearch {

    private final Evaluator evaluator;

    public HyperparameterSearch(Evaluator evaluator) {
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
    }

    /**
     * Tunes {@code contender} over its search space, proposals and results alternating; {@code null}
     * when it has nothing to tune.
     */
    public TuningResult tune(Contender contender, ProgressListener progress) {
        Interactions train = evaluator.split().training(Stage.VALIDATION);
        SearchSpace.Search search = contender.searchSpace().start(train);
        String recommender = contender.name();
        String step = "tuning " + recommender + " on VALIDATION";
        List<TuningTrial> trials = new ArrayList<>();
        List<ConfiguredRecommender> tried = new ArrayList<>();
        int best = -1;
        long start = System.nanoTime();
        for (ConfiguredRecommender candidate = search.next(); candidate != null; candidate = search.next()) {
            if (trials.isEmpty()) {
                progress.started(step);
            }
            long fitStart = System.nanoTime();
            RecommenderModel model = candidate.recommender().fit(train);
            Duration fitTime = Duration.ofNanos(System.nanoTime() - fitStart);
            Metrics metrics = evaluator.evaluate(model, Stage.VALIDATION);
            TuningTrial trial = new TuningTrial(trials.size() + 1, recommender, candidate.hyperparameters(),
                    metrics, fitTime);
            trials.add(trial);
            tried.add(candidate);
            search.report(trial.objective());
            progress.trial(trial);
            if (best < 0 || trial.objective() > trials.get(best).objective()) {
                best = trials.size() - 1;
            }
        }
        if (trials.isEmpty()) {
            return null;
        }
        progress.finished(step, Duration.ofNanos(System.nanoTime() - start));
        return new TuningResult(recommender, trials, tried.get(best), trials.get(best));
    }
}
