package dev.setlist.plugin.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.setlist.plugin.config.ConfigException;
import dev.setlist.plugin.config.ConfigLoader;
import dev.setlist.plugin.config.SetlistConfig;
import dev.setlist.plugin.server.JsonMapper;
import dev.setlist.plugin.signals.InteractionLedger;
import dev.setlist.plugin.store.Database;
import dev.setlist.plugin.store.JdbcEventLog;
import dev.setlist.plugin.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * {@code setlist replay}: rebuilds every interaction from the event log with the configured signal
 * thresholds, and prints what it found (or one person's interactions with their evidence, as JSON).
 * Run it with Setlist stopped when the database is the H2 file: the file is locked while Setlist runs.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Rebuild interactions from the event log (the source of truth) with the configured signal thresholds, "
                + "and print a summary, or one person's interactions with their evidence (--user). Stop Setlist first when it uses the H2 file.")
final class ReplayCommand implements Callable<Integer> {

    @Mixin
    ServerOptions options;

    @Option(names = "--user", paramLabel = "ID", description = "Print this person's interactions, with evidence and discounts, as JSON.")
    String user;

    @Option(names = "--quiet", description = "No progress line.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SetlistConfig config;
        try {
            config = ConfigLoader.load(options.flags(), options.config, System.getenv(), Map.of());
        } catch (ConfigException e) {
            err.println("setlist: " + e.getMessage());
            err.flush();
            return SetlistCommand.EXIT_USAGE;
        }
        if (config.database().url().isEmpty() && !Files.isRegularFile(config.dataFolder().resolve("setlist.mv.db"))) {
            err.println("setlist: no database in " + config.dataFolder().toAbsolutePath() + " (give --data FOLDER)");
            err.flush();
            return SetlistCommand.EXIT_FAILURE;
        }
        long started = System.nanoTime();
        try (Database database = config.database().url()
                .map(url -> Database.openJdbc(url, config.database().user(), config.database().password()))
                .orElseGet(() -> Database.openH2(config.dataFolder()))) {
            JdbcEventLog log = new JdbcEventLog(database.dataSource(), JsonMapper.create(), Clock.systemUTC());
            InteractionLedger ledger = new InteractionLedger(config.signals());
            long total = log.count();
            try (ProgressLine progress = new ProgressLine(err, quiet)) {
                log.replay(0, event -> {
                    ledger.apply(event);
                    progress.show("replay: " + ProgressLine.count("events", ledger.appliedEvents(), total));
                });
                progress.force("replay: " + ProgressLine.count("events", ledger.appliedEvents(), total));
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (user != null) {
                out.println(JsonMapper.create().writerWithDefaultPrettyPrinter()
                        .writeValueAsString(new TreeMap<>(ledger.snapshot(user))));
            } else {
                out.printf("replayed %d events (up to #%d) in %d ms: %d people%n", ledger.appliedEvents(), ledger.lastSeq(),
                        millis, ledger.users().size());
                for (String person : ledger.users()) {
                    Map<String, InteractionLedger.Interaction> interactions = ledger.snapshot(person);
                    long positive = interactions.values().stream().filter(i -> i.weight() > 0).count();
                    long discounted = interactions.values().stream()
                            .filter(i -> i.evidence().stream().anyMatch(e -> !e.discounts().isEmpty())).count();
                    out.printf("  %s: %d items, %d with weight, %d finished, %d disliked, %d with a discount%n", person,
                            interactions.size(), positive,
                            interactions.values().stream().filter(InteractionLedger.Interaction::finished).count(),
                            interactions.values().stream().filter(InteractionLedger.Interaction::disliked).count(),
                            discounted);
                }
            }
            out.flush();
            return 0;
        } catch (StoreException e) {
            err.println("setlist: " + e.getMessage());
            err.flush();
            return SetlistCommand.EXIT_FAILURE;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("interactions must always serialize", e);
        }
    }
}
