package dev.setlist.plugin.cli;

import dev.setlist.scorer.eval.Evaluation;
import dev.setlist.scorer.eval.EvaluationOptions;
import dev.setlist.scorer.eval.EvaluationReport;
import dev.setlist.scorer.eval.ProgressListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    @Option(names = "--dataset", required = true, paramLabel = "FOLDER", description = "The MovieLens folder.")
    Path dataset;

    @Option(names = "--output", paramLabel = "FILE", description = "Also write the report as JSON to FILE.")
    Path output;

    @Option(names = "--tune", description = "Choose each recommender's configuration on VALIDATION before measuring TEST.")
    boolean tune;

    @Option(names = "--only", split = ",", paramLabel = "NAMES",
            description = "Only these recommenders: popular, knn, ease, ials.")
    List<String> only;

    @Option(names = "--trials", paramLabel = "N", description = "iALS configurations a --tune run tries (default 24).")
    int trials = EvaluationOptions.DEFAULT_ALS_TRIALS;

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: every processor).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            EvaluationOptions options = EvaluationOptions.defaults(threads)
                    .withContenders(EvaluationOptions.defaultContenders(threads, trials)).withTuning(tune);
            if (only != null) {
                options = options.only(only);
            }
            EvaluationReport report = Evaluation.run(dataset, options, ProgressListener.printingTo(System.err));
            out.println(report.toTable());
            out.flush();
            if (output != null) {
                Files.writeString(output, report.toJson(), StandardCharsets.UTF_8);
                err.println("wrote " + output);
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("setlist evaluate: " + e.getMessage());
            return SetlistCommand.EXIT_USAGE;
        } catch (IOException e) {
            err.println("setlist evaluate: " + e.getMessage());
            return SetlistCommand.EXIT_FAILURE;
        } finally {
            err.flush();
        }
    }
}
