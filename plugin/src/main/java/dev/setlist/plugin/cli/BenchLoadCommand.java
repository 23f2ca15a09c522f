package dev.setlist.plugin.cli;

import dev.setlist.plugin.Setlist;
import dev.setlist.plugin.load.BenchServer;
import dev.setlist.plugin.load.IngestLoad;
import dev.setlist.plugin.load.LoadAverage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code setlist bench load}: webhook ingestion at a fixed rate on loopback against a fresh in-process
 * Setlist (demo library, H2 file), then the loss check: the server is stopped, the database reopened from
 * the file, and every event that was answered 2xx must be there with the sequence number it was given.
 * Exit code 1 when anything was lost or failed.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Post webhook events at a fixed rate for a fixed time against a fresh Setlist on loopback, "
                + "report events/s and acknowledgement latency, then check that no acknowledged event was lost.")
final class BenchLoadCommand implements Callable<Integer> {

    @Option(names = "--rate", paramLabel = "N", defaultValue = "2000", description = "Events per second (default ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "60", description = "How long to send (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--senders", paramLabel = "N", defaultValue = "64", description = "Concurrent connections, one viewer each (default ${DEFAULT-VALUE}).")
    int senders;

    @Option(names = "--warmup", paramLabel = "S", defaultValue = "20",
            description = "Seconds of load at the same rate before the measured run, stored like the rest but not "
                    + "measured, so that the JIT has compiled the webhook's path (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--data", paramLabel = "FOLDER", description = "An empty data folder to use (default: a new temporary one).")
    Path data;

    @Spec
    CommandSpec spec;

    /** CPU time this process has used, all threads; -1 where the JVM cannot tell. */
    private static double processCpuSeconds() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return -1;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (rate < 1 || seconds < 1 || senders < 1 || warmup < 0) {
            spec.commandLine().getErr().println("setlist: --rate, --seconds and --senders must be positive, --warmup "
                    + "not negative");
            return SetlistCommand.EXIT_USAGE;
        }
        Path folder = data != null ? Files.createDirectories(data) : Files.createTempDirectory("setlist-bench-load");
        out.printf(Locale.ROOT, "machine: %d cores, Java %s, load average %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), LoadAverage.now());
        out.printf(Locale.ROOT, "data: %s%n", folder);
        out.flush();
        BenchServer server = new BenchServer(folder, null);
        IngestLoad.Report report;
        Setlist.Vitals vitals;
        try {
            // A warm-up at the same rate (the JIT, the connection pool, the H2 caches), stored like the rest, not
            // measured: a server runs for months, and the first seconds of a JVM measure its compiler. It returns
            // once every event it sent is answered, so the measured run starts without a backlog.
            if (warmup > 0) {
                IngestLoad.Report warm = new IngestLoad().run(server.baseUri(), server.secret(),
                        new IngestLoad.Settings(rate, Duration.ofSeconds(warmup), senders, 100_000));
                out.printf(Locale.ROOT, "warm-up (%d s, not measured): %s%n", warmup, warm.summary());
                out.flush();
            }
            Setlist.Vitals before = server.vitals();
            double cpuBefore = processCpuSeconds();
            report = new IngestLoad().run(server.baseUri(), server.secret(),
                    new IngestLoad.Settings(rate, Duration.ofSeconds(seconds), senders, 0));
            double cpu = processCpuSeconds() - cpuBefore;
            vitals = server.vitals();
            long commits = vitals.ingestion().commits() - before.ingestion().commits();
            long committed = vitals.ingestion().committedEvents() - before.ingestion().committedEvents();
            out.printf(Locale.ROOT, "load (%d/s target, %d senders, %d s): %s%n", rate, senders, seconds, report.summary());
            out.printf(Locale.ROOT, "group commit: %d events in %d commits (%.1f per commit, largest %d); "
                            + "model trained %d times during the run; load average now %s%n",
                    committed, commits, commits == 0 ? 0 : (double) committed / commits, vitals.ingestion().largestBatch(),
                    vitals.modelTrainings() - before.modelTrainings(), LoadAverage.now());
            double serverCpu = cpu - report.senderCpuSeconds();
            out.printf(Locale.ROOT, "CPU: %.1f s in all = server %.1f s (%.0f us per event) + load generator %.1f s "
                            + "(%.0f us per event); on %d otherwise idle cores the server alone would take about %.0f events/s%n",
                    cpu, serverCpu, 1e6 * serverCpu / Math.max(1, report.acknowledged()), report.senderCpuSeconds(),
                    1e6 * report.senderCpuSeconds() / Math.max(1, report.acknowledged()),
                    Runtime.getRuntime().availableProcessors(),
                    serverCpu <= 0 ? 0 : Runtime.getRuntime().availableProcessors() * report.acknowledged() / serverCpu);
            report.failures().forEach(failure -> out.println("  failure: " + failure));
        } finally {
            server.close();
        }
        List<String> missing = server.closeAndFindMissing(report.acknowledgedSeq());
        out.printf(Locale.ROOT, "loss check (database reopened from the file): %d acknowledged, %d missing%n",
                report.acknowledgedSeq().size(), missing.size());
        missing.stream().limit(10).forEach(key -> out.println("  missing: " + key));
        out.flush();
        return missing.isEmpty() && report.failed() == 0 ? 0 : SetlistCommand.EXIT_FAILURE;
    }
}
