package dev.setlist.scorer.eval;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The result of {@link Evaluation#run}: what was measured, on what data, by which protocol, and one
 * row per recommender, with the tuning trials when the run tuned. Renders as a fixed-width table
 * for people and as JSON for tools.
 *
 * <p>Immutable; share freely.
 *
 * @param dataset  the data set folder
 * @param layout   the MovieLens layout read
 * @param protocol the protocol in words
 * @param data     the sizes of the data at each step of the protocol
 * @param rows     one row per recommender, in the order evaluated
 * @param tuning   the tuning runs, empty when the run did not tune
 * @param elapsed  the wall-clock time of the whole run
 */
public record EvaluationReport(String dataset, MovieLensReader.Layout layout, String protocol, TemporalSplit.Counts data,
                               List<EvaluationRow> rows, List<TuningResult> tuning, Duration elapsed) {

    public EvaluationReport {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(data, "data");
        rows = List.copyOf(rows);
        tuning = List.copyOf(tuning);
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** The row of {@code recommender}. */
    public EvaluationRow row(String recommender) {
        return rows.stream().filter(row -> row.recommender().equals(recommender)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no row for " + recommender + "; rows: "
                        + rows.stream().map(EvaluationRow::recommender).toList()));
    }

    /** The report as text: protocol, data, then a fixed-width table of the TEST figures, then any tuning trials. */
    public String toTable() {
        StringBuilder out = new StringBuilder();
        out.append("Setlist evaluation of ").append(dataset).append(" (").append(layout).append(" layout)\n");
        out.append("Protocol: ").append(protocol).append('\n');
        out.append("Data: ").append(ReportFormat.dataSummary(data)).append('\n');
        out.append("Figures on TEST, fitted on TRAIN + VALIDATION; configurations ")
                .append(tuning.isEmpty() ? "as given (not tuned in this run)" : "marked * chosen on VALIDATION in this run")
                .append(".\n\n");
        List<String> names = rows.stream().map(EvaluationRow::recommender).toList();
        int width = ReportFormat.nameWidth(names, "recommender");
        out.append(ReportFormat.header("recommender", width, "configuration")).append('\n');
        for (EvaluationRow row : rows) {
            if (row.failed()) {
                out.append(String.format("%-" + width + "s  failed: %s%n", row.recommender(), row.failure()));
            } else {
                String configuration = (row.tuned() ? "* " : "") + Hyperparameter.describe(row.hyperparameters());
                out.append(ReportFormat.row(row.recommender(), width, row.metrics(), row.fitTime(), configuration))
                        .append('\n');
            }
        }
        out.append('\n').append(ReportFormat.legend()).append('\n');
        for (TuningResult result : tuning) {
            out.append('\n');
            ReportFormat.appendTuningTable(out, result);
        }
        return out.toString();
    }

    /** The report as a JSON object with the same figures as {@link #toTable()}, and more (every cutoff). */
    public String toJson() {
        JsonWriter json = ReportFormat.beginReport(dataset, layout, protocol, "TEST, fitted on TRAIN + VALIDATION", data, elapsed)
                .name("results").beginArray();
        for (EvaluationRow row : rows) {
            json.beginObject().name("recommender").value(row.recommender()).name("hyperparameters");
            ReportFormat.writeHyperparameters(json, row.hyperparameters());
            json.name("tuned").value(row.tuned());
            if (row.failed()) {
                json.name("failure").value(row.failure());
            } else {
                json.name("fitSeconds").value(ReportFormat.seconds(row.fitTime()))
                        .name("evaluationSeconds").value(ReportFormat.seconds(row.evaluationTime()))
                        .name("test");
                ReportFormat.writeMetrics(json, row.metrics());
            }
            json.endObject();
        }
        json.endArray().name("tuning").beginArray();
        for (TuningResult result : tuning) {
            ReportFormat.writeTuning(json, result);
        }
        return json.endArray().endObject().toString();
    }
}
