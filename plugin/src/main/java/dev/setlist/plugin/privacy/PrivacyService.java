package dev.setlist.plugin.privacy;

import dev.setlist.plugin.events.RecordingPolicy;
import dev.setlist.plugin.media.MediaUser;
import dev.setlist.plugin.signals.InteractionLedger;
import dev.setlist.plugin.store.EventLog;
import dev.setlist.plugin.store.PlaylistOutbox;
import dev.setlist.plugin.store.PlaylistStore;
import dev.setlist.plugin.store.PrivacyStore;
import dev.setlist.plugin.store.UserStore;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each person controls about their own data: pausing their history (events are then counted,
 * not recorded), exporting everything Setlist holds about them, and deleting it, log entries
 * included. What else holds them (caches, the model) is told through {@link #afterDelete}.
 *
 * <p>Thread-safe. Who is paused is kept in memory too, since every event asks.
 */
public final class PrivacyService implements RecordingPolicy {

    private final PrivacyStore store;
    private final EventLog eventLog;
    private final UserStore users;
    private final PlaylistStore playlists;
    private final PlaylistOutbox outbox;
    private final InteractionLedger ledger;
    private final Clock clock;
    private final List<java.util.function.Consumer<String>> afterDelete = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Set<String> paused = ConcurrentHashMap.newKeySet();

    public PrivacyService(PrivacyStore store, EventLog eventLog, UserStore users, PlaylistStore playlists,
                          PlaylistOutbox outbox, InteractionLedger ledger, Clock clock) {
        this.store = store;
        this.eventLog = eventLog;
        this.users = users;
        this.playlists = playlists;
        this.outbox = outbox;
        this.ledger = ledger;
        this.clock = clock;
        paused.addAll(store.paused());
    }

    /** Registers what else must forget a person when their data is deleted (caches, the model). */
    public void afterDelete(java.util.function.Consumer<String> action) {
        afterDelete.add(action);
    }

    @Override
    public boolean records(String userId) {
        return !paused.contains(userId);
    }

    @Override
    public void unrecorded(String userId) {
        store.countUnrecorded(userId);
    }

    /**
     * One person's privacy state.
     *
     * @param paused           whether their history is paused now
     * @param since            when it was last paused or resumed, or {@code null} when never
     * @param unrecordedEvents events left out while paused, in all
     * @param recordedEvents   events in the log
     */
    public record Status(String userId, boolean paused, Instant since, long unrecordedEvents, long recordedEvents) {
    }

    public Status status(String userId) {
        Optional<PrivacyStore.Pause> pause = store.find(userId);
        return new Status(userId, pause.map(PrivacyStore.Pause::paused).orElse(false),
                pause.map(PrivacyStore.Pause::changedAt).orElse(null),
                pause.map(PrivacyStore.Pause::unrecordedEvents).orElse(0L), eventLog.forUser(userId).size());
    }

    /** Pauses (true) or resumes (false) one person's history. */
    public Status setPaused(String userId, boolean pause) {
        store.setPaused(userId, pause, clock.instant());
        if (pause) {
            paused.add(userId);
        } else {
            paused.remove(userId);
        }
        return status(userId);
    }

    /**
     * Everything Setlist holds about one person.
     *
     * @param user         who, or {@code null} when no longer known
     * @param exportedAt   when this was made
     * @param privacy      their pause state
     * @param events       every event of theirs in the log, in order, as stored
     * @param interactions what Setlist learned from those events, with the evidence
     * @param playlists    the playlists Setlist wrote for them
     * @param pending      playlist writes waiting for the media server
     */
    public record Export(MediaUser user, Instant exportedAt, Status privacy, List<EventLog.StoredEvent> events,
                         Map<String, InteractionLedger.Interaction> interactions, List<PlaylistStore.Written> playlists,
                         List<PlaylistOutbox.Pending> pending) {
    }

    public Export export(String userId) {
        return new Export(users.find(userId).orElse(null), clock.instant(), status(userId), eventLog.forUser(userId),
                ledger.snapshot(userId), playlists.forUser(userId),
                outbox.all().stream().filter(write -> write.userId().equals(userId)).toList());
    }

    /**
     * What a deletion removed.
     *
     * @param events    log entries
     * @param playlists remembered playlists (the playlists stay on the media server, where the person owns them)
     * @param pending   waiting playlist writes
     * @param person    whether the person record itself was there
     */
    public record Deleted(String userId, long events, int playlists, int pending, boolean person) {
    }

    /** Deletes everything Setlist holds about one person, log entries included. */
    public Deleted delete(String userId) {
        long events = eventLog.deleteUser(userId);
        int written = playlists.forgetUser(userId);
        int pending = outbox.forgetUser(userId);
        store.forget(userId);
        paused.remove(userId);
        boolean person = users.delete(userId);
        ledger.forget(userId);
        afterDelete.forEach(action -> action.accept(userId));
        return new Deleted(userId, events, written, pending, person);
    }
}
