package dev.setlist.plugin.cli;

import dev.setlist.plugin.Version;
import dev.setlist.plugin.config.SetlistConfig;
import dev.setlist.plugin.jellyfin.JellyfinClient;
import dev.setlist.plugin.jellyfin.JellyfinServer;
import dev.setlist.plugin.jellyfin.JellyfinSync;
import dev.setlist.plugin.media.MediaServerException;
import dev.setlist.plugin.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code setlist sync}: one sync of people and the catalog from the configured Jellyfin into the data folder,
 * with each person's history imported the first time (as the server's own first sync does), showing progress.
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Sync people and the whole catalog from the configured Jellyfin once, importing each person's "
                + "history the first time (unless jellyfin.import-history is false). Progress goes to standard error. "
                + "Stop Setlist first when it uses the H2 file.")
final class SyncCommand implements Callable<Integer> {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Mixin
    ServerOptions options;

    @Option(names = "--quiet", description = "No progress line.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<SetlistConfig> loaded = DataFolder.config(options, err);
        if (loaded.isEmpty()) {
            return SetlistCommand.EXIT_USAGE;
        }
        SetlistConfig config = loaded.get();
        if (config.jellyfinUrl().isEmpty() || config.jellyfinApiKey().isEmpty()) {
            err.println("setlist sync: no Jellyfin configured: give --jellyfin-url and --jellyfin-api-key "
                    + "(or SETLIST_JELLYFIN_URL and SETLIST_JELLYFIN_API_KEY)");
            err.flush();
            return SetlistCommand.EXIT_USAGE;
        }
        StringBuilder problem = new StringBuilder();
        Optional<DataFolder> opened;
        try {
            opened = DataFolder.open(config, true, problem);
        } catch (StoreException e) {
            err.println("setlist sync: " + e.getMessage());
            err.flush();
            return SetlistCommand.EXIT_FAILURE;
        }
        if (opened.isEmpty()) {
            err.println("setlist sync: " + problem);
            err.flush();
            return SetlistCommand.EXIT_FAILURE;
        }
        try (DataFolder data = opened.get(); ProgressLine progress = new ProgressLine(err, quiet)) {
            JellyfinServer server = new JellyfinServer(new JellyfinClient(config.jellyfinUrl().get(),
                    config.jellyfinApiKey().get(), Version.current(), TIMEOUT), data.playlists, data.clock);
            long eventsBefore = data.eventLog.count();
            try (JellyfinSync sync = new JellyfinSync(server, data.library, data.users, data.settings, data.ingestor,
                    data.clock, config.sync().interval(), config.sync().importHistory())) {
                // The sync runs on its own thread; this one shows where it is (JellyfinSync.progress) meanwhile.
                java.util.concurrent.CompletableFuture<Void> running =
                        java.util.concurrent.CompletableFuture.runAsync(sync::syncNow);
                while (!running.isDone()) {
                    sync.progress().ifPresent(now -> progress.show("sync: " + (now.phase().equals("history")
                            ? ProgressLine.count("history", now.done(), now.total()) : now.phase() + " ...")));
                    try {
                        running.get(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                    } catch (java.util.concurrent.TimeoutException stillRunning) {
                        // show the progress again
                    }
                }
                running.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                err.println("setlist sync: interrupted");
                err.flush();
                return SetlistCommand.EXIT_FAILURE;
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw new IllegalStateException(e.getCause());
            }
            int people = data.users.all().size();
            progress.force("sync: " + people + " people, " + data.library.size() + " items, "
                    + ProgressLine.count("history", people, people));
            progress.close();
            out.printf("synced from %s: %d people, %d items, %d history events imported%n", config.jellyfinUrl().get(),
                    data.users.all().size(), data.library.size(), data.eventLog.count() - eventsBefore);
            out.flush();
            return 0;
        } catch (MediaServerException | StoreException e) {
            err.println("setlist sync: " + e.getMessage());
            err.flush();
            return SetlistCommand.EXIT_FAILURE;
        }
    }
}
