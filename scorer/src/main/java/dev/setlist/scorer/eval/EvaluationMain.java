package dev.setlist.scorer.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the evaluation harness from a shell, for benchmarks and development; the product's command
 * line ({@code setlist evaluate}, {@code setlist tune}) calls {@link Evaluation} the same way.
 * <pre>
 *   --dataset &lt;folder&gt;   a MovieLens folder (CSV or 100K layout); required
 *   --output &lt;file&gt;      also write the report as JSON
 *   --tune               choose each configuration on VALIDATION before measuring TEST
 *   --tune-only          only tune (VALIDATION), print the trials
 *   --only &lt;a,b&gt;        only these recommenders (popular, knn, ease, ials)
 *   --trials &lt;n&gt;        iALS configurations a tuning run tries (default 24)
 *   --threads &lt;n&gt;       threads (default: the available processors)
 * </pre>
 * Progress goes to standard error, the table to standard output. Exit status 2 on a usage error, 1
 * when the data cannot be read. Runs once and exits; holds no state.
 */
public final class EvaluationMain {

    private EvaluationMain() {
    }

    public static void main(String[] args) {
        Path dataset = null;
        Path output = null;
        boolean tune = false;
        boolean tuneOnly = false;
        List<String> only = null;
        int threads = Runtime.getRuntime().availableProcessors();
        int trials = EvaluationOptions.DEFAULT_ALS_TRIALS;
        try {
            for (int a = 0; a < args.length; a++) {
                switch (args[a]) {
                    case "--dataset" -> dataset = Path.of(value(args, ++a));
                    case "--output" -> output = Path.of(value(args, ++a));
                    case "--tune" -> tune = true;
                    case "--tune-only" -> tuneOnly = true;
                    case "--only" -> only = Arrays.asList(value(args, ++a).split(","));
                    case "--threads" -> threads = Integer.parseInt(value(args, ++a));
                    case "--trials" -> trials = Integer.parseInt(value(args, ++a));
                    default -> throw new IllegalArgumentException("unknown argument " + args[a]);
                }
            }
            if (dataset == null) {
                throw new IllegalArgumentException("--dataset <folder> is required");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("usage: --dataset <folder> [--output <file.json>] [--tune | --tune-only] "
                    + "[--only popular,knn,ease,ials] [--trials n] [--threads n]");
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        EvaluationOptions options = EvaluationOptions.defaults(threads)
                .withContenders(EvaluationOptions.defaultContenders(threads, trials))
                .withTuning(tune);
        if (only != null) {
            options = options.only(only);
        }
        ProgressListener progress = ProgressListener.printingTo(System.err);
        try {
            String table;
            String json;
            if (tuneOnly) {
                TuningReport report = Evaluation.tune(dataset, options, progress);
                table = report.toTable();
                json = report.toJson();
            } else {
                EvaluationReport report = Evaluation.run(dataset, options, progress);
                table = report.toTable();
                json = report.toJson();
            }
            System.out.print(table);
            if (output != null) {
                Files.writeString(output, json + "\n", StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(args[index - 1] + " needs a value");
        }
        return args[index];
    }
}
