package dev.setlist.plugin.events;

import dev.setlist.plugin.library.Library;
import dev.setlist.plugin.media.MediaUser;
import dev.setlist.plugin.store.EventLog;
import dev.setlist.plugin.store.UserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The one path every event takes, whether it came from the webhook, the demo household or an
 * import: append to the log (durable before anything else happens), learn the person and the item,
 * then tell the listeners (signals, models). A listener that fails does not lose the event: it is in
 * the log, and a replay rebuilds everything.
 *
 * <p>Single events ({@link #ingest}, {@link #ingestAs}) go through an {@link EventWriter}: concurrent
 * callers share one commit per batch, the listeners see the events in sequence order on the writer's
 * thread, and each caller returns once its event is durable and passed on. When the writer is full or the
 * log cannot be written, they throw {@link IngestionRefused}: nothing was stored.
 *
 * <p>Thread-safe. {@link #close()} writes what is queued and stops the writer.
 */
public final class EventIngestor implements AutoCloseable {

    /** How long a caller waits for its commit before it is told to send again (the event may still land). */
    private static final Duration COMMIT_WAIT = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(EventIngestor.class);

    private final EventLog eventLog;
    private final UserStore users;
    private final Library library;
    private final Clock clock;
    private final RecordingPolicy recording;
    private final Attribution attribution;
    private final List<Consumer<EventLog.StoredEvent>> listeners = new CopyOnWriteArrayList<>();
    /** Names already written, so that a progress tick a second does not rewrite its user row. */
    private final Map<String, String> knownNames = new ConcurrentHashMap<>();
    private final EventWriter writer;

    public EventIngestor(EventLog eventLog, UserStore users, Library library, Clock clock) {
        this(eventLog, users, library, clock, RecordingPolicy.EVERYONE, Attribution.NONE);
    }

    /** An ingestor that leaves out the events of people who paused their history. */
    public EventIngestor(EventLog eventLog, UserStore users, Library library, Clock clock, RecordingPolicy recording) {
        this(eventLog, users, library, clock, recording, Attribution.NONE);
    }

    /**
     * An ingestor that leaves out the events of people who paused their history, and attributes each live
     * event of an account to whoever {@code attribution} says is watching (a profile inside the account).
     * Imports through {@link #ingestAll} are never attributed: they happened before anyone said who was
     * watching.
     */
    public EventIngestor(EventLog eventLog, UserStore users, Library library, Clock clock, RecordingPolicy recording,
                         Attribution attribution) {
        this(eventLog, users, library, clock, recording, attribution, EventWriter.Settings.DEFAULTS);
    }

    /** As above, with the group commit's queue and batch sizes. */
    public EventIngestor(EventLog eventLog, UserStore users, Library library, Clock clock, RecordingPolicy recording,
                         Attribution attribution, EventWriter.Settings writing) {
        this.eventLog = eventLog;
        this.users = users;
        this.library = library;
        this.clock = clock;
        this.recording = recording;
        this.attribution = attribution;
        this.writer = new EventWriter(eventLog, writing, this::committed);
    }

    /** What {@link #ingest} returns for an event of a person who paused their history: nothing stored. */
    public static final EventLog.Appended NOT_RECORDED = new EventLog.Appended(0, false);

    /** Forgets what it remembers of a person (their data was deleted): their next event records them again. */
    public void forgetUser(String userId) {
        knownNames.remove(userId);
    }

    /** Registers a listener for newly stored events (duplicates are not passed on). */
    public void addListener(Consumer<EventLog.StoredEvent> listener) {
        listeners.add(listener);
    }

    /**
     * Stores the event, then passes it on; returns once it is durable, or {@link #NOT_RECORDED} (sequence
     * number 0) when the person paused their history. When a profile of the account is watching, the log
     * keeps the event as delivered together with that attribution, and the listeners get the event as the
     * profile's; a profile that paused its history is not recorded either.
     */
    public EventLog.Appended ingest(PlaybackEvent event, String source, String deliveryKey, String rawBody) {
        String personId = event.userId() == null ? null : attribution.personFor(event);
        return ingestAs(event, personId, source, deliveryKey, rawBody);
    }

    /**
     * Stores the event as {@code personId}'s (a profile inside the event's account, or {@code null} for the
     * account itself), whoever is watching: for an event whose source knows whose it is, such as feedback
     * through the API about a named profile. Otherwise as {@link #ingest}.
     */
    public EventLog.Appended ingestAs(PlaybackEvent event, String personId, String source, String deliveryKey,
                                      String rawBody) {
        if (event.userId() != null) {
            if (!recording.records(event.userId())) {
                recording.unrecorded(event.userId());
                return NOT_RECORDED;
            }
            if (personId != null && !recording.records(personId)) {
                recording.unrecorded(personId);
                return NOT_RECORDED;
            }
        }
        CompletableFuture<EventLog.Appended> stored =
                writer.submit(new EventLog.Delivery(event, source, deliveryKey, rawBody, personId));
        try {
            return stored.get(COMMIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IngestionRefused("the event log did not commit within " + COMMIT_WAIT.toSeconds()
                    + " s; the event may still be stored, and sending it again is safe", Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestionRefused("interrupted while waiting for the commit; sending it again is safe",
                    Duration.ofSeconds(1));
        }
    }

    /** The writer's committed batch, on its thread and in sequence order: the new events are passed on. */
    private void committed(List<EventLog.Delivery> deliveries, List<EventLog.Appended> results) {
        for (int i = 0; i < deliveries.size(); i++) {
            EventLog.Appended appended = results.get(i);
            if (!appended.duplicate()) {
                EventLog.Delivery delivery = deliveries.get(i);
                PlaybackEvent event = delivery.event();
                passOn(event, delivery.personId() == null ? event : event.attributedTo(delivery.personId()),
                        delivery.source(), appended);
            }
        }
    }

    /** Problems for health: events being refused because the log cannot be written. */
    public List<String> problems() {
        return writer.problems();
    }

    /** What the group commit has done so far. */
    public EventWriter.Stats writerStats() {
        return writer.stats();
    }

    /** Writes what is queued, then stops the writer; later events are refused. */
    @Override
    public void close() {
        writer.close();
    }

    /** Stores many events in one transaction (imports, the demo history), then passes the new ones on in order. */
    public List<EventLog.Appended> ingestAll(List<EventLog.Delivery> deliveries) {
        List<EventLog.Appended> results = eventLog.appendAll(deliveries);
        for (int i = 0; i < deliveries.size(); i++) {
            if (!results.get(i).duplicate()) {
                EventLog.Delivery delivery = deliveries.get(i);
                PlaybackEvent event = delivery.event();
                passOn(event, delivery.personId() == null ? event : event.attributedTo(delivery.personId()),
                        delivery.source(), results.get(i));
            }
        }
        return results;
    }

    /** Learns the account and the item from the event as delivered, then tells the listeners of the attributed one. */
    private void passOn(PlaybackEvent event, PlaybackEvent attributed, String source, EventLog.Appended appended) {
        if (event.userId() != null) {
            String known = knownNames.computeIfAbsent(event.userId(),
                    id -> users.find(id).map(MediaUser::name).orElse(null));
            String name = event.userName() != null ? event.userName()
                    : known != null ? known : "user " + event.userId().substring(0, 8);
            if (!name.equals(known)) {
                users.upsert(new MediaUser(event.userId(), name), event.occurredAt());
                knownNames.put(event.userId(), name);
            }
        }
        library.learnFrom(event);
        EventLog.StoredEvent stored = new EventLog.StoredEvent(appended.seq(), clock.instant(), source, attributed);
        for (Consumer<EventLog.StoredEvent> listener : listeners) {
            try {
                listener.accept(stored);
            } catch (RuntimeException e) {
                log.error("event {} is stored, but a listener failed on it (a replay will rebuild): {}",
                        appended.seq(), e.toString(), e);
            }
        }
    }
}
