package dev.setlist.plugin.cli;

import dev.setlist.scorer.eval.Evaluation;
import dev.setlist.scorer.eval.EvaluationOptions;
import dev.setlist.scorer.eval.ProgressListener;
import dev.setlist.scorer.eval.TuningReport;
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
 * {@code setlist tune}: searches hyperparameters on the VALIDATION split only (never TEST), printing
 * every trial and the best configuration of each recommender.
 */
@Command(name = "tune", mixinStandardHelpOptions = true,
        description = "Search iALS (and item-kNN, EASE) hyperparameters on the VALIDATION split of a MovieLens folder; "
                + "prints every trial and the best configuration.")
final class TuneCommand implements Callable<Integer> {

    @Option(names = "--dataset", required = true, paramLabel = "FOLDER", description = "The MovieLens folder.")
    Path dataset;

    @Option(names = "--output", paramLabel = "FILE", description = "Also write the trials as JSON to FILE.")
    Path output;

    @Option(names = "--only", split = ",", paramLabel = "NAMES", description = "Only these recommenders: knn, ease, ials.")
    List<String> only;

    @Option(names = "--trials", paramLabel = "N", description = "iALS configurations to try (default 24).")
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
                    .withContenders(EvaluationOptions.defaultContenders(threads, trials));
            if (only != null) {
                options = options.only(only);
            }
            TuningReport report = Evaluation.tune(dataset, options, ProgressListener.printingTo(System.err));
            out.println(report.toTable());
            out.flush();
            if (output != null) {
                Files.writeString(output, report.toJson(), StandardCharsets.UTF_8);
                err.println("wrote " + output);
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("setlist tune: " + e.getMessage());
            return SetlistCommand.EXIT_USAGE;
        } catch (IOException e) {
            err.println("setlist tune: " + e.getMessage());
            return SetlistCommand.EXIT_FAILURE;
        } finally {
            err.flush();
        }
    }
}
