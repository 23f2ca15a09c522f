package dev.setlist.plugin;

import dev.setlist.plugin.library.Library;
import dev.setlist.plugin.media.MediaServer;
import dev.setlist.plugin.store.Database;
import dev.setlist.plugin.store.EventLog;
import dev.setlist.plugin.store.StoreException;
import dev.setlist.plugin.store.UserStore;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What {@code /api/health} reports: each part's state, and in {@code problems} why Setlist is
 * degraded when it is. Reading it never throws: a failing part is reported, not raised.
 *
 * <p>Thread-safe.
 */
public final class Health {

    private final String version;
    private final Database database;
    private final EventLog eventLog;
    private final Library library;
    private final UserStore users;
    private final MediaServer mediaServer;
    private final List<Supplier<List<String>>> problemSources = new ArrayList<>();

    public Health(String version, Database database, EventLog eventLog, Library library, UserStore users,
                  MediaServer mediaServer) {
        this.version = version;
        this.database = database;
        this.eventLog = eventLog;
        this.library = library;
        this.users = users;
        this.mediaServer = mediaServer;
    }

    /** Adds a part that can report problems (for example the model trainer or the rule book). */
    public synchronized void addProblemSource(Supplier<List<String>> source) {
        problemSources.add(source);
    }

    /**
     * @param status      {@code ok} or {@code degraded}
     * @param version     this build's version
     * @param database    {@code up} or {@code down}, and where it is
     * @param catalog     number of items in the catalog
     * @param users       number of known people
     * @param events      number of events in the log, or -1 when the log cannot be read
     * @param mediaServer the media server Setlist serves
     * @param problems    why it is degraded; empty when ok
     */
    public record Report(String status, String version, DatabaseState database, int catalog, int users, long events,
                         String mediaServer, List<String> problems) {
    }

    /** @param status {@code up} or {@code down} */
    public record DatabaseState(String status, String description) {
    }

    public Report report() {
        List<String> problems = new ArrayList<>();
        boolean databaseUp = database.isHealthy();
        if (!databaseUp) {
            problems.add("database is not answering: " + database.description());
        }
        long events = -1;
        int userCount = -1;
        if (databaseUp) {
            try {
                events = eventLog.count();
                userCount = users.all().size();
            } catch (StoreException e) {
                problems.add(e.getMessage());
            }
        }
        List<Supplier<List<String>>> sources;
        synchronized (this) {
            sources = List.copyOf(problemSources);
        }
        for (Supplier<List<String>> source : sources) {
            problems.addAll(source.get());
        }
        return new Report(problems.isEmpty() ? "ok" : "degraded", version,
                new DatabaseState(databaseUp ? "up" : "down", database.description()),
                library.size(), userCount, events, mediaServer.describe(), List.copyOf(problems));
    }
}
