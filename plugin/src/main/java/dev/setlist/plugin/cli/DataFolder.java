package dev.setlist.plugin.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.setlist.plugin.config.ConfigException;
import dev.setlist.plugin.config.ConfigLoader;
import dev.setlist.plugin.config.SetlistConfig;
import dev.setlist.plugin.events.EventIngestor;
import dev.setlist.plugin.library.Library;
import dev.setlist.plugin.privacy.PrivacyService;
import dev.setlist.plugin.profile.ProfileService;
import dev.setlist.plugin.server.JsonMapper;
import dev.setlist.plugin.signals.InteractionLedger;
import dev.setlist.plugin.store.CatalogStore;
import dev.setlist.plugin.store.Database;
import dev.setlist.plugin.store.JdbcEventLog;
import dev.setlist.plugin.store.PersonStore;
import dev.setlist.plugin.store.PlaylistOutbox;
import dev.setlist.plugin.store.PlaylistStore;
import dev.setlist.plugin.store.PrivacyStore;
import dev.setlist.plugin.store.ProfileStore;
import dev.setlist.plugin.store.ServedPlaylistStore;
import dev.setlist.plugin.store.SettingStore;
import dev.setlist.plugin.store.TasteResetStore;
import dev.setlist.plugin.store.UserStore;

import java.nio.file.Files;
import java.time.Clock;
import java.util.Optional;

/**
 * Setlist's stores opened without the server, for the commands that work on the data directly ({@code sync},
 * {@code export-user}, {@code delete-user}): the same database, the same privacy rules and the same ingestion
 * path as a running Setlist. With the H2 file, Setlist must be stopped: the file is locked while it runs.
 *
 * <p>One per command; not shared between threads. {@link #close()} releases the database.
 */
final class DataFolder implements AutoCloseable {

    final Clock clock = Clock.systemUTC();
    final ObjectMapper json = JsonMapper.create();
    final Database database;
    final JdbcEventLog eventLog;
    final UserStore users;
    final SettingStore settings;
    final Library library;
    final PlaylistStore playlists;
    /** Empty until a command replays what it needs into it (the server replays the whole log at start). */
    final InteractionLedger ledger;
    final PrivacyService privacy;
    final EventIngestor ingestor;

    private DataFolder(Database database, SetlistConfig config) {
        this.database = database;
        eventLog = new JdbcEventLog(database.dataSource(), json, clock);
        users = new UserStore(database.dataSource());
        settings = new SettingStore(database.dataSource());
        library = new Library(new CatalogStore(database.dataSource(), json));
        playlists = new PlaylistStore(database.dataSource(), json);
        ProfileService profiles = new ProfileService(new ProfileStore(database.dataSource()), users, clock);
        ledger = new InteractionLedger(config.signals());
        privacy = new PrivacyService(new PrivacyStore(database.dataSource()), eventLog, users, playlists,
                new PlaylistOutbox(database.dataSource(), json), ledger, clock);
        ingestor = new EventIngestor(eventLog, users, library, clock, privacy, profiles);
        // What the running server forgets with a person, as far as it is stored (Setlist.start does the same).
        PersonStore people = new PersonStore(database.dataSource(), clock);
        ServedPlaylistStore served = new ServedPlaylistStore(database.dataSource());
        TasteResetStore resets = new TasteResetStore(database.dataSource());
        privacy.afterDelete(served::forget);
        privacy.afterDelete(people::forgetWildcardAnswers);
        privacy.afterDelete(resets::forget);
        privacy.afterDelete(account -> profiles.forgetAccount(account).forEach(privacy::delete));
    }

    /**
     * Opens the configured database; empty (with the reason on {@code problem}) when the H2 file is not
     * there and {@code create} is false.
     */
    static Optional<DataFolder> open(SetlistConfig config, boolean create, StringBuilder problem) {
        if (config.database().url().isEmpty() && !create
                && !Files.isRegularFile(config.dataFolder().resolve("setlist.mv.db"))) {
            problem.append("no database in ").append(config.dataFolder().toAbsolutePath()).append(" (give --data FOLDER)");
            return Optional.empty();
        }
        if (config.database().url().isEmpty()) {
            try {
                Files.createDirectories(config.dataFolder());
            } catch (java.io.IOException e) {
                problem.append("cannot create the data folder ").append(config.dataFolder()).append(": ").append(e.getMessage());
                return Optional.empty();
            }
        }
        Database database = config.database().url()
                .map(url -> Database.openJdbc(url, config.database().user(), config.database().password()))
                .orElseGet(() -> Database.openH2(config.dataFolder()));
        return Optional.of(new DataFolder(database, config));
    }

    /** What a command does with an open data folder; returns the command's exit code. */
    @FunctionalInterface
    interface Work {
        int on(DataFolder data) throws java.io.IOException;
    }

    /**
     * Runs {@code work} on the data folder the options configure (which must exist). A configuration that cannot
     * be used exits with the usage code, after saying why; a folder that cannot be opened, or a store or file that
     * fails during the work, exits with the failure code and "setlist {@code command}: reason".
     */
    static int run(ServerOptions options, java.io.PrintWriter err, String command, Work work) {
        Optional<SetlistConfig> config = config(options, err);
        if (config.isEmpty()) {
            return SetlistCommand.EXIT_USAGE;
        }
        StringBuilder problem = new StringBuilder();
        try (DataFolder data = open(config.get(), false, problem).orElse(null)) {
            if (data == null) {
                return fail(err, command, problem.toString(), SetlistCommand.EXIT_FAILURE);
            }
            return work.on(data);
        } catch (dev.setlist.plugin.store.StoreException | java.io.IOException e) {
            return fail(err, command, e.getMessage(), SetlistCommand.EXIT_FAILURE);
        }
    }

    /** Prints "setlist {@code command}: message" and returns {@code code}. */
    static int fail(java.io.PrintWriter err, String command, String message, int code) {
        err.println("setlist " + command + ": " + message);
        err.flush();
        return code;
    }

    /** The configuration the flags, the environment and the file give; empty after printing why it is unusable. */
    static Optional<SetlistConfig> config(ServerOptions options, java.io.PrintWriter err) {
        try {
            return Optional.of(ConfigLoader.load(options.flags(), options.config, System.getenv(), java.util.Map.of()));
        } catch (ConfigException e) {
            err.println("setlist: " + e.getMessage());
            err.flush();
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        ingestor.close();
        database.close();
    }
}
