package dev.setlist.scorer.eval;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The result of {@link Evaluation#tune}: every trial of every recommender tuned, on VALIDATION only,
 * and the configuration each would be evaluated with. Renders as text and as JSON.
 *
 * <p>Immutable; share freely.
 *
 * @param dataset  the data set folder
 * @param layout   the MovieLens layout read
 * @param protocol the protocol in words
 * @param data     the sizes of the data at each step of the protocol
 * @param results  one tuning run per recommender with something to tune
 * @param elapsed  the wall-clock time of the whole run
 */
public record TuningReport(String dataset, MovieLensReader.Layout layout, String protocol, TemporalSplit.Counts data,
                           List<TuningResult> results, Duration elapsed) {

    public TuningReport {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(data, "data");
        results = List.copyOf(results);
        Objects.requireNonNull(elapsed, "elapsed");
    }

    public String toTable() {
        StringBuilder out = new StringBuilder();
        out.append("Setlist tuning on ").append(dataset).append(" (").append(layout).append(" layout)\n");
        out.append("Protocol: ").append(protocol).append('\n');
        out.append("Data: ").append(ReportFormat.dataSummary(data)).append('\n');
        for (TuningResult result : results) {
            out.append('\n');
            ReportFormat.appendTuningTable(out, result);
            out.append("best: ").append(result.best()).append('\n');
        }
        out.append('\n').append(ReportFormat.legend()).append('\n');
        return out.toString();
    }

    public String toJson() {
        JsonWriter json = ReportFormat.beginReport(dataset, layout, protocol, "VALIDATION, fitted on TRAIN", data, elapsed)
                .name("tuning").beginArray();
        for (TuningResult result : results) {
            ReportFormat.writeTuning(json, result);
        }
        return json.endArray().endObject().toString();
    }
}
