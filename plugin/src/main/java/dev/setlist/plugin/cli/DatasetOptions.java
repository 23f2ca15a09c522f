package dev.setlist.plugin.cli;

import dev.setlist.scorer.eval.EvaluationOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What {@code setlist evaluate} and {@code setlist tune} share: the dataset, the recommenders, the output. */
final class DatasetOptions {

    @Option(names = "--dataset", required = true, paramLabel = "FOLDER", description = "The MovieLens folder (CSV or 100K layout).")
    Path dataset;

    @Option(names = "--output", paramLabel = "FILE", description = "Also write the figures as JSON to FILE.")
    Path output;

    @Option(names = "--only", split = ",", paramLabel = "NAMES", description = "Only these recommenders: popular, knn, ease, ials.")
    List<String> only;

    @Option(names = "--trials", paramLabel = "N", description = "iALS configurations a tuning run tries (default 24).")
    int trials = EvaluationOptions.DEFAULT_ALS_TRIALS;

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: every processor).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--quiet", description = "No progress on standard error.")
    boolean quiet;

    /** Where progress goes: standard error, or nowhere with --quiet. */
    dev.setlist.scorer.eval.ProgressListener progress() {
        return quiet ? dev.setlist.scorer.eval.ProgressListener.SILENT
                : dev.setlist.scorer.eval.ProgressListener.printingTo(System.err);
    }

    /** The harness options these flags ask for. */
    EvaluationOptions options() {
        EvaluationOptions options = EvaluationOptions.defaults(threads)
                .withContenders(EvaluationOptions.defaultContenders(threads, trials));
        return only == null ? options : options.only(only);
    }

    /** Prints the table, writes the JSON when asked; returns the exit code. */
    int report(CommandSpec spec, String table, String json) throws IOException {
        spec.commandLine().getOut().println(table);
        spec.commandLine().getOut().flush();
        if (output != null) {
            Files.writeString(output, json, StandardCharsets.UTF_8);
            spec.commandLine().getErr().println("wrote " + output);
        }
        return 0;
    }

    /** The exit code of a failure, with one line on standard error. */
    static int failed(CommandSpec spec, Exception e) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("setlist " + spec.name() + ": " + e.getMessage());
        err.flush();
        return e instanceof IllegalArgumentException ? SetlistCommand.EXIT_USAGE : SetlistCommand.EXIT_FAILURE;
    }
}
