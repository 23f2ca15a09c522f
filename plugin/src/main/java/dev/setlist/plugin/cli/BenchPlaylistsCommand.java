package dev.setlist.plugin.cli;

import dev.setlist.plugin.Setlist;
import dev.setlist.plugin.load.BenchServer;
import dev.setlist.plugin.load.IngestLoad;
import dev.setlist.plugin.load.LoadAverage;
import dev.setlist.plugin.load.PlaylistLoad;
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
 * {@code setlist bench playlists}: playlist requests against a fresh in-process Setlist while webhook events
 * arrive, the model retrains in the background and the curator rules are reloaded; reports errors (there
 * should be none) and the playlist latency. Exit code 1 on any error or lost event.
 */
@Command(name = "playlists", mixinStandardHelpOptions = true,
        description = "Ask for playlists while events arrive, the model retrains and the rules reload; report errors and p50/p99.")
final class BenchPlaylistsCommand implements Callable<Integer> {

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "30", description = "How long (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--clients", paramLabel = "N", defaultValue = "4", description = "Concurrent playlist requests (default ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--ingest-rate", paramLabel = "N", defaultValue = "500", description = "Webhook events per second beside them (default ${DEFAULT-VALUE}).")
    int ingestRate;

    @Option(names = "--reload-every", paramLabel = "S", defaultValue = "5", description = "Seconds between rule reloads (default ${DEFAULT-VALUE}).")
    int reloadEvery;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (seconds < 1 || clients < 1 || ingestRate < 1 || reloadEvery < 1) {
            spec.commandLine().getErr().println("setlist: every option must be positive");
            return SetlistCommand.EXIT_USAGE;
        }
        Path folder = Files.createTempDirectory("setlist-bench-playlists");
        Path rules = folder.resolve("rules");
        PlaylistLoad.writeRule(rules, 0);
        out.printf(Locale.ROOT, "machine: %d cores, Java %s, load average %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), LoadAverage.now());
        out.flush();
        BenchServer server = new BenchServer(folder.resolve("data"), rules);
        PlaylistLoad.Report report;
        try {
            PlaylistLoad load = new PlaylistLoad();
            List<String> people = load.people(server.baseUri(), server.adminKey());
            Setlist.Vitals before = server.vitals();
            report = load.run(server.baseUri(), server.adminKey(), server.secret(), people, new PlaylistLoad.Settings(
                    Duration.ofSeconds(seconds), clients,
                    new IngestLoad.Settings(ingestRate, Duration.ofSeconds(seconds), 16, 0), rules,
                    Duration.ofSeconds(reloadEvery)));
            Setlist.Vitals after = server.vitals();
            out.printf(Locale.ROOT, "playlists (%d clients, %d people, %d s): %s%n", clients, people.size(), seconds,
                    report.summary());
            out.printf(Locale.ROOT, "beside them: ingestion %s%n", report.ingestion().summary());
            out.printf(Locale.ROOT, "model trained %d times; rules %s -> %s; load average now %s%n",
                    after.modelTrainings() - before.modelTrainings(), before.rulesVersion(), after.rulesVersion(),
                    LoadAverage.now());
            report.errorSamples().forEach(sample -> out.println("  error: " + sample));
        } finally {
            server.close();
        }
        List<String> missing = server.closeAndFindMissing(report.ingestion().acknowledgedSeq());
        out.printf(Locale.ROOT, "loss check: %d acknowledged events, %d missing%n",
                report.ingestion().acknowledgedSeq().size(), missing.size());
        out.flush();
        return report.errors() == 0 && missing.isEmpty() && report.ingestion().failed() == 0 ? 0 : SetlistCommand.EXIT_FAILURE;
    }
}
