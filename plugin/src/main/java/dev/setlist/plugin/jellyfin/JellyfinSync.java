package dev.setlist.plugin.jellyfin;

import dev.setlist.plugin.events.DeliveryKey;
import dev.setlist.plugin.events.EventIngestor;
import dev.setlist.plugin.events.EventType;
import dev.setlist.plugin.events.PlaybackEvent;
import dev.setlist.plugin.events.PlaybackEvent.ItemFacts;
import dev.setlist.plugin.events.PlaybackEvent.UserDataFacts;
import dev.setlist.plugin.library.Library;
import dev.setlist.plugin.media.MediaServerException;
import dev.setlist.plugin.media.MediaUser;
import dev.setlist.plugin.store.EventLog;
import dev.setlist.plugin.store.SettingStore;
import dev.setlist.plugin.store.UserStore;
import dev.setlist.scorer.catalog.ItemProfile;
import dev.setlist.scorer.catalog.ItemProfile.ItemKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps Setlist's people and catalog in step with Jellyfin, and imports each person's history once:
 * <ul>
 *   <li>at start, and every {@code syncInterval}: the users, then the catalog (a full sweep the first
 *       time and once a day, which also notices deleted items; otherwise only items saved since the
 *       last sync);</li>
 *   <li>once per person: their played, favourite and liked items as {@code UserDataSaved} events with
 *       {@code SaveReason} {@code Import} (source {@code import}), so that a new install is not cold;</li>
 *   <li>as events arrive: ItemAdded fetches the item's full description, ItemDeleted removes it, and
 *       an event about an item the catalog has not seen from the server fetches that item too (the
 *       event itself is already in the log: nothing is lost while the fetch waits).</li>
 * </ul>
 * A failing Jellyfin is retried with a growing delay (10 s doubling up to the sync interval); the
 * failure is reported by {@link #problems()}.
 *
 * <p>Thread-safe. All work runs on one background thread; {@link #close()} stops it.
 */
public final class JellyfinSync implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JellyfinSync.class);

    static final String HISTORY_SETTING = "jellyfin.history-imported.";
    static final Duration FULL_SWEEP_EVERY = Duration.ofDays(1);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(10);

    private final JellyfinServer server;
    private final Library library;
    private final UserStore users;
    private final SettingStore settings;
    private final EventIngestor ingestor;
    private final Clock clock;
    private final Duration syncInterval;
    private final boolean importHistory;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "setlist-jellyfin-sync");
        thread.setDaemon(true);
        return thread;
    });
    /** Items the server described to us (by a sweep or a fetch); an event for any other triggers a fetch. */
    private final Set<String> described = ConcurrentHashMap.newKeySet();
    private final Set<String> fetching = ConcurrentHashMap.newKeySet();

    private final List<Runnable> afterFirstSync = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile Instant lastFullSweep;
    private volatile Instant lastSync;
    private volatile String failure;
    private volatile Progress progress;
    private volatile Instant failingSince;
    private int failures;

    public JellyfinSync(JellyfinServer server, Library library, UserStore users, SettingStore settings,
                        EventIngestor ingestor, Clock clock, Duration syncInterval, boolean importHistory) {
        this.server = server;
        this.library = library;
        this.users = users;
        this.settings = settings;
        this.ingestor = ingestor;
        this.clock = clock;
        this.syncInterval = syncInterval;
        this.importHistory = importHistory;
    }

    /** Runs {@code action} once, on the sync thread, right after the first successful sync (catalog and imports done). */
    public void afterFirstSync(Runnable action) {
        afterFirstSync.add(action);
    }

    /** Starts syncing in the background: at once, then every sync interval. */
    public void start() {
        worker.execute(this::syncAndReschedule);
    }

    private void syncAndReschedule() {
        Duration next = syncInterval;
        try {
            syncNow();
        } catch (MediaServerException | dev.setlist.plugin.store.StoreException e) {
            next = retryDelay();
        } catch (RuntimeException e) {
            log.error("Jellyfin sync failed unexpectedly", e);
            recordFailure(e.toString());
            next = retryDelay();
        }
        if (!worker.isShutdown()) {
            worker.schedule(this::syncAndReschedule, next.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private Duration retryDelay() {
        Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(failures - 1, 16));
        return delay.compareTo(syncInterval) > 0 ? syncInterval : delay;
    }

    /**
     * One sync, on the calling thread: users, catalog, then any history imports not done yet.
     *
     * @throws MediaServerException when Jellyfin fails (also recorded for health)
     */
    public synchronized void syncNow() {
        Instant started = clock.instant();
        try {
            progress = new Progress("people", 0, 0, started);
            List<MediaUser> people = server.users();
            for (MediaUser person : people) {
                users.upsert(person, started);
            }
            boolean full = lastFullSweep == null || Duration.between(lastFullSweep, started).compareTo(FULL_SWEEP_EVERY) >= 0;
            progress = new Progress("catalog", 0, 0, started);
            if (full) {
                List<ItemProfile> catalog = server.catalog();
                Set<String> onServer = new HashSet<>();
                catalog.forEach(item -> onServer.add(item.id()));
                library.putAll(catalog);
                described.addAll(onServer);
                List<String> gone = library.all().stream().map(ItemProfile::id).filter(id -> !onServer.contains(id)).toList();
                if (!gone.isEmpty()) {
                    library.removeAll(gone);
                }
                lastFullSweep = started;
                log.info("catalog synced from Jellyfin: {} items, {} removed, {} people", catalog.size(), gone.size(),
                        people.size());
            } else {
                List<ItemProfile> changed = server.changedSince(lastSync.minus(Duration.ofMinutes(1)));
                library.putAll(changed);
                changed.forEach(item -> described.add(item.id()));
                log.debug("catalog refreshed from Jellyfin: {} items changed", changed.size());
            }
            if (importHistory) {
                int done = 0;
                for (MediaUser person : people) {
                    progress = new Progress("history", done++, people.size(), started);
                    importHistoryOnce(person);
                }
            }
            boolean first = lastSync == null;
            lastSync = started;
            failure = null;
            failingSince = null;
            failures = 0;
            if (first) {
                for (Runnable action : afterFirstSync) {
                    try {
                        action.run();
                    } catch (RuntimeException e) {
                        log.error("a task after the first Jellyfin sync failed", e);
                    }
                }
            }
        } catch (MediaServerException e) {
            recordFailure(e.getMessage());
            log.warn("Jellyfin sync failed (retrying): {}", e.getMessage());
            throw e;
        } finally {
            progress = null;
        }
    }

    /**
     * Where a running sync is, for the Settings page.
     *
     * @param phase   {@code people}, {@code catalog} or {@code history} (the imports, one person at a time)
     * @param done    people whose history is imported so far (history phase), else 0
     * @param total   people to import (history phase), else 0
     * @param started when this sync started
     */
    public record Progress(String phase, int done, int total, Instant started) {
    }

    /** The sync running now, if one is. */
    public java.util.Optional<Progress> progress() {
        return java.util.Optional.ofNullable(progress);
    }

    private void recordFailure(String message) {
        failures++;
        failure = message;
        if (failingSince == null) {
            failingSince = clock.instant();
        }
    }

    /** Imports one person's history unless it was imported before; returns the number of events written. */
    int importHistoryOnce(MediaUser person) {
        String key = HISTORY_SETTING + person.id();
        if (settings.get(key).isPresent()) {
            return 0;
        }
        List<JellyfinServer.HistoryEntry> entries = new ArrayList<>(server.history(person.id()));
        Instant now = clock.instant();
        entries.sort(Comparator.comparing(entry -> lastPlayed(entry, now)));
        int written = 0;
        for (JellyfinServer.HistoryEntry entry : entries) {
            ItemProfile item = entry.item();
            JellyfinDtos.UserData data = entry.userData();
            ItemFacts facts = new ItemFacts(item.title(), entry.itemType(),
                    item.runtimeSeconds() > 0 ? item.runtimeSeconds() * PlaybackEvent.TICKS_PER_SECOND : null,
                    item.year(), item.genres(), item.seriesId(), item.seriesName(),
                    item.kind() == ItemKind.EPISODE ? item.season() : null,
                    item.kind() == ItemKind.EPISODE ? item.episode() : null, item.album(), item.artist());
            UserDataFacts userData = new UserDataFacts("Import", data.isFavorite(), data.likes(), data.rating(),
                    data.played(), data.playCount());
            PlaybackEvent event = new PlaybackEvent(EventType.USER_DATA_SAVED, lastPlayed(entry, now), person.id(),
                    person.name(), item.id(), facts, null, null, null, null, null, null, null, userData);
            EventLog.Appended appended = ingestor.ingest(event, "import",
                    DeliveryKey.of("import:" + person.id() + ":" + item.id()), null);
            if (!appended.duplicate()) {
                written++;
            }
        }
        settings.put(key, now.toString());
        log.info("imported the history of {} from Jellyfin: {} items", person.name(), written);
        return written;
    }

    private static Instant lastPlayed(JellyfinServer.HistoryEntry entry, Instant otherwise) {
        Instant played = JellyfinDtos.instant(entry.userData().lastPlayedDate());
        return played == null ? otherwise : played;
    }

    /** Listener for stored events: keeps the catalog current as items come, go, or first show up. */
    public void onEvent(EventLog.StoredEvent stored) {
        PlaybackEvent event = stored.event();
        String itemId = event.itemId();
        if (event.type() == EventType.ITEM_DELETED) {
            described.remove(itemId);
            worker.execute(() -> library.removeAll(List.of(itemId)));
            return;
        }
        if (event.type() == EventType.ITEM_ADDED || !described.contains(itemId)) {
            if (Library.kindOf(event.item().itemType()) == null && event.type() != EventType.ITEM_ADDED) {
                return;
            }
            if (fetching.add(itemId)) {
                worker.execute(() -> fetch(itemId));
            }
        }
    }

    private void fetch(String itemId) {
        try {
            List<ItemProfile> found = server.items(List.of(itemId));
            if (!found.isEmpty()) {
                library.putAll(found);
                described.add(itemId);
            }
        } catch (MediaServerException e) {
            log.warn("could not fetch item {} from Jellyfin (the next sync will): {}", itemId, e.getMessage());
        } finally {
            fetching.remove(itemId);
        }
    }

    /** Waits until the background work queued so far is done (for orderly shutdown and tests). */
    public void awaitIdle(Duration timeout) throws InterruptedException {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        worker.execute(done::countDown);
        done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** When the last successful sync started, or {@code null}. */
    public Instant lastSync() {
        return lastSync;
    }

    /** Problems for health: why syncing with Jellyfin fails, if it does. */
    public List<String> problems() {
        String current = failure;
        if (current == null) {
            return List.of();
        }
        return List.of("Jellyfin sync failing since " + failingSince + " (retrying with backoff): " + current);
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
