package dev.setlist.plugin.cli;

import dev.setlist.scorer.eval.Evaluation;
import dev.setlist.scorer.eval.EvaluationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.concurrent.Callable;

/**
 * {@code setlist evaluate}: the scorer's yardstick. Reads a MovieLens folder (the CSV layout of
 * ml-latest-small and its siblings, or the classic 100K layout), splits it by the stated protocol, and
 * measures most-popular, item-kNN, EASE and iALS in the same harness; prints a table and writes JSON.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate most-popular, item-kNN, EASE and iALS on a MovieLens folder (CSV or 100K layout); "
                + "prints a table, optionally writes the same figures as JSON. Progress goes to standard error.")
final class EvaluateCommand implements Callable<Integer> {

    @Mixin
    DatasetOptions data;

    @Option(names = "--tune", description = "Choose each recommender's configuration on VALIDATION before measuring TEST.")
    boolean tune;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try {
            EvaluationReport report = Evaluation.run(data.dataset, data.options().withTuning(tune),
                    data.progress());
            return data.report(spec, report.toTable(), report.toJson());
        } catch (IllegalArgumentException | IOException e) {
            return DatasetOptions.failed(spec, e);
        }
    }
}
