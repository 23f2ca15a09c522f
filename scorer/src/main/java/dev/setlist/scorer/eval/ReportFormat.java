package dev.setlist.scorer.eval;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The shared pieces of the evaluation and tuning reports: the data summary, fixed-width rows of
 * figures, and the JSON form of figures and configurations.
 *
 * <p>Stateless; thread-safe.
 */
final class ReportFormat {

    /** Columns of a figures row, in order: at K = 10 and 20, then catalog-level figures at 20. */
    private static final String FIGURES_HEADER = String.format(Locale.ROOT,
            "%-9s %-8s %-7s %-7s %-9s %-8s %-7s %-7s %-7s %-7s %-7s %8s",
            "Recall@10", "NDCG@10", "HR@10", "MRR@10", "Recall@20", "NDCG@20", "HR@20", "MRR@20",
            "Cov@20", "Div@20", "Nov@20", "fit s");

    private ReportFormat() {
    }

    static String dataSummary(TemporalSplit.Counts counts) {
        return String.format(Locale.ROOT,
                "%,d ratings -> %,d positives; %,d people with too few positives dropped; %,d people, %,d items; "
                        + "TRAIN %,d, VALIDATION %,d, TEST %,d positives",
                counts.ratings(), counts.positives(), counts.droppedUsers(), counts.users(), counts.items(),
                counts.train(), counts.validation(), counts.test());
    }

    /** The header of a table whose rows start with a name column of {@code nameWidth}. */
    static String header(String nameTitle, int nameWidth, String lastTitle) {
        return String.format(Locale.ROOT, "%-" + nameWidth + "s  %s  %s", nameTitle, FIGURES_HEADER, lastTitle);
    }

    /** One fixed-width row: the name, the figures at 10 and 20, the fit time, then free text. */
    static String row(String name, int nameWidth, Metrics metrics, Duration fitTime, String last) {
        CutoffMetrics at10 = metrics.at(10);
        CutoffMetrics at20 = metrics.at(20);
        String figures = String.format(Locale.ROOT,
                "%-9.4f %-8.4f %-7.4f %-7.4f %-9.4f %-8.4f %-7.4f %-7.4f %-7.4f %-7.4f %-7.3f %8.2f",
                at10.recall(), at10.ndcg(), at10.hitRate(), at10.reciprocalRank(),
                at20.recall(), at20.ndcg(), at20.hitRate(), at20.reciprocalRank(),
                at20.coverage(), at20.diversity(), at20.novelty(), seconds(fitTime));
        return String.format(Locale.ROOT, "%-" + nameWidth + "s  %s  %s", name, figures, last);
    }

    static String legend() {
        return "Recall@K = hits / min(K, |held out|); NDCG@K binary, log2 discount; HR@K = share with a hit; "
                + "MRR@K = 1/rank of the first hit within the top K; Cov@K = distinct items recommended / items; "
                + "Div@K = mean pairwise genre dissimilarity (1 - Jaccard) within a list; Nov@K = mean "
                + "-log2(share of training people who had the item); all averaged over people.";
    }

    static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    static int nameWidth(List<String> names, String title) {
        int width = title.length();
        for (String name : names) {
            width = Math.max(width, name.length());
        }
        return width;
    }

    /**
     * Opens a report's JSON object with the fields every report shares, up to and including
     * {@code elapsedSeconds}; the caller adds its own fields and closes the object.
     */
    static JsonWriter beginReport(String dataset, MovieLensReader.Layout layout, String protocol, String split,
                                  TemporalSplit.Counts data, Duration elapsed) {
        JsonWriter json = new JsonWriter().beginObject()
                .name("dataset").value(dataset)
                .name("layout").value(layout.name())
                .name("protocol").value(protocol)
                .name("split").value(split)
                .name("data");
        writeCounts(json, data);
        return json.name("elapsedSeconds").value(seconds(elapsed));
    }

    static void writeCounts(JsonWriter json, TemporalSplit.Counts counts) {
        json.beginObject()
                .name("ratings").value(counts.ratings())
                .name("positives").value(counts.positives())
                .name("droppedUsers").value(counts.droppedUsers())
                .name("users").value(counts.users())
                .name("items").value(counts.items())
                .name("train").value(counts.train())
                .name("validation").value(counts.validation())
                .name("test").value(counts.test())
                .endObject();
    }

    static void writeHyperparameters(JsonWriter json, List<Hyperparameter> hyperparameters) {
        json.beginObject();
        for (Hyperparameter hyperparameter : hyperparameters) {
            json.name(hyperparameter.name()).value(hyperparameter.value());
        }
        json.endObject();
    }

    static void writeMetrics(JsonWriter json, Metrics metrics) {
        json.beginObject().name("users").value(metrics.users()).name("cutoffs").beginArray();
        for (CutoffMetrics at : metrics.cutoffs()) {
            json.beginObject()
                    .name("k").value(at.cutoff())
                    .name("recall").value(at.recall())
                    .name("ndcg").value(at.ndcg())
                    .name("hitRate").value(at.hitRate())
                    .name("mrr").value(at.reciprocalRank())
                    .name("coverage").value(at.coverage())
                    .name("diversity").value(at.diversity())
                    .name("novelty").value(at.novelty())
                    .endObject();
        }
        json.endArray().endObject();
    }

    static void writeTuning(JsonWriter json, TuningResult result) {
        json.beginObject()
                .name("recommender").value(result.recommender())
                .name("objective").value("NDCG@" + lastCutoff(result.bestTrial().validation()) + " on VALIDATION")
                .name("best").value(result.bestTrial().number())
                .name("trials").beginArray();
        for (TuningTrial trial : result.trials()) {
            json.beginObject().name("number").value(trial.number()).name("hyperparameters");
            writeHyperparameters(json, trial.hyperparameters());
            json.name("fitSeconds").value(seconds(trial.fitTime())).name("validation");
            writeMetrics(json, trial.validation());
            json.endObject();
        }
        json.endArray().endObject();
    }

    /** The trials of one tuning run as a fixed-width table, best marked with {@code *}. */
    static void appendTuningTable(StringBuilder out, TuningResult result) {
        out.append(String.format(Locale.ROOT, "Tuning %s: %d trials on VALIDATION (fitted on TRAIN), best by NDCG@%d: trial %d%n",
                result.recommender(), result.trials().size(), lastCutoff(result.bestTrial().validation()),
                result.bestTrial().number()));
        out.append(header("trial", 6, "configuration")).append('\n');
        for (TuningTrial trial : result.trials()) {
            String name = (trial == result.bestTrial() ? "*" : " ") + trial.number();
            out.append(row(name, 6, trial.validation(), trial.fitTime(), Hyperparameter.describe(trial.hyperparameters())))
                    .append('\n');
        }
    }

    private static int lastCutoff(Metrics metrics) {
        return metrics.cutoffs().get(metrics.cutoffs().size() - 1).cutoff();
    }
}
