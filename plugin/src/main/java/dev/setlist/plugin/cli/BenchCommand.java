package dev.setlist.plugin.cli;

import dev.setlist.plugin.playlist.TuningDefaults;
import dev.setlist.plugin.sim.bench.BehaviourBench;
import dev.setlist.plugin.sim.bench.BehaviourReport;
import dev.setlist.scorer.als.AlsSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code setlist bench}: bounded benchmarks that stop by themselves and print their figures. {@code bench
 * behaviours} runs the household simulator against Setlist and a naive baseline, one row per failure mode of
 * personalization; {@code bench load} and {@code bench playlists} drive a real server on loopback.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Bounded benchmarks that stop by themselves and print their figures (see docs/benchmarks.md).",
        subcommands = {BenchCommand.Behaviours.class, BenchLoadCommand.class, BenchPlaylistsCommand.class})
final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * {@code setlist bench behaviours [--seed N] [--quick] [--series-in-order] [--out FOLDER]}. Exit code 1 when a
     * row is not better.
     */
    @Command(name = "behaviours", mixinStandardHelpOptions = true,
            description = "Simulate a household and compare Setlist with a naive baseline (raw watch time, no rules, "
                    + "no exploration) on each failure mode: sleepy viewer, binge fatigue, cold start, context, filter "
                    + "bubble, shared account, manipulation. Prints a Markdown table; writes SVG plots and the table "
                    + "to --out. Exit code 1 when Setlist is not better on every row.")
    static final class Behaviours implements Callable<Integer> {

        @Option(names = "--seed", defaultValue = "42", description = "Seed of the library, household and draws (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--quick", description = "The reduced run of the test suite (fewer days).")
        boolean quick;

        @Option(names = "--series-in-order",
                description = "Run Setlist with tuning.series-in-order=true (each series only through the episode a person is up to), to measure that option.")
        boolean seriesInOrder;

        @Option(names = "--out", defaultValue = "docs/behaviours",
                description = "Folder for the SVG plots and results.md (default: ${DEFAULT-VALUE}).")
        Path out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            // One line per nightly training would drown the table.
            System.setProperty("org.slf4j.simpleLogger.log.dev.setlist.plugin.taste", "warn");
            PrintWriter output = spec.commandLine().getOut();
            BehaviourBench.Settings settings = quick ? BehaviourBench.Settings.quick(seed) : BehaviourBench.Settings.full(seed);
            long started = System.nanoTime();
            BehaviourBench bench = new BehaviourBench(settings, BehaviourBench.defaultRules(), AlsSettings.defaults(),
                    TuningDefaults.STANDARD.withSeriesInOrder(seriesInOrder));
            BehaviourReport report = new BehaviourReport(settings, bench.run(),
                    Duration.ofNanos(System.nanoTime() - started), seriesInOrder ? "tuning.series-in-order=true" : "");
            output.print(report.markdown());
            try {
                report.write(out);
                output.println();
                output.println("plots and results.md written to " + out.toAbsolutePath());
            } catch (IOException e) {
                spec.commandLine().getErr().println("setlist: cannot write to " + out + ": " + e.getMessage());
                spec.commandLine().getErr().flush();
                output.flush();
                return SetlistCommand.EXIT_FAILURE;
            }
            output.flush();
            return report.allBetter() ? 0 : SetlistCommand.EXIT_FAILURE;
        }
    }
}
