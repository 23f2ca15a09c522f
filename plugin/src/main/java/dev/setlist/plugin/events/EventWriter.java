package dev.setlist.plugin.events;

import dev.setlist.plugin.store.EventLog;
import dev.setlist.plugin.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Group commit for the event log: callers hand a delivery over and wait; one writer thread takes every
 * delivery waiting (up to {@link Settings#maxBatch()}) and stores them in <em>one</em> transaction, then
 * tells the committed events to {@link Committed} in sequence order, and only then completes each
 * caller's future. So a caller's event is durable, and applied to the listeners, before the caller is
 * answered, while a burst costs one commit per batch instead of one per event.
 *
 * <p>Nothing waits unboundedly and nothing is dropped silently: when {@link Settings#queueCapacity()}
 * deliveries are already waiting, {@link #submit} refuses at once with {@link IngestionRefused} (the
 * webhook answers 503 with {@code Retry-After}); when a commit fails (disk full, database locked), the
 * batch is retried one delivery at a time, so one bad event cannot fail its neighbours, and whatever
 * still fails is refused to its caller with the store's reason. A refused delivery was not stored.
 *
 * <p>Thread-safe. {@link #close()} stops accepting, writes what is already queued, and stops the thread.
 */
public final class EventWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventWriter.class);

    /**
     * How the writer batches.
     *
     * @param queueCapacity deliveries that may wait for the writer before new ones are refused (default 8192:
     *                      about four seconds of the 2,000 events/s the load bench sustains)
     * @param maxBatch      deliveries in one transaction at most (default 512)
     */
    public record Settings(int queueCapacity, int maxBatch) {

        public static final Settings DEFAULTS = new Settings(8192, 512);

        public Settings {
            if (queueCapacity < 1 || maxBatch < 1) {
                throw new IllegalArgumentException("queueCapacity and maxBatch must be positive");
            }
        }
    }

    /** Told of each committed batch on the writer thread, in sequence order, before the callers are answered. */
    @FunctionalInterface
    public interface Committed {
        void accept(List<EventLog.Delivery> deliveries, List<EventLog.Appended> results);
    }

    /** What the writer has done, for health and the load bench. */
    public record Stats(long committedEvents, long commits, long refusedFull, long refusedFailed, int waiting,
                        int largestBatch) {
    }

    private record Pending(EventLog.Delivery delivery, CompletableFuture<EventLog.Appended> result) {
    }

    private final EventLog eventLog;
    private final Settings settings;
    private final Committed committed;
    private final BlockingQueue<Pending> queue;
    private final Thread thread;
    private final AtomicReference<String> lastFailure = new AtomicReference<>();
    private volatile boolean accepting = true;
    private volatile long committedEvents;
    private volatile long commits;
    private volatile long refusedFull;
    private volatile long refusedFailed;
    private volatile int largestBatch;

    public EventWriter(EventLog eventLog, Settings settings, Committed committed) {
        this.eventLog = eventLog;
        this.settings = settings;
        this.committed = committed;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.thread = new Thread(this::run, "setlist-event-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Queues a delivery for the next commit. The future completes once the delivery is durable and the
     * listeners have seen it, or exceptionally with {@link IngestionRefused} when it could not be stored.
     *
     * @throws IngestionRefused at once when the queue is full or the writer is closed: nothing was stored
     */
    public CompletableFuture<EventLog.Appended> submit(EventLog.Delivery delivery) {
        if (!accepting) {
            throw new IngestionRefused("Setlist is shutting down; nothing was stored", Duration.ofSeconds(5));
        }
        CompletableFuture<EventLog.Appended> result = new CompletableFuture<>();
        if (!queue.offer(new Pending(delivery, result))) {
            synchronized (this) {
                refusedFull++;
            }
            throw new IngestionRefused(settings.queueCapacity() + " events are already waiting to be stored; "
                    + "nothing was stored, send it again shortly", Duration.ofSeconds(1));
        }
        return result;
    }

    /** Problems for health: why the last commit failed, until one succeeds again. */
    public List<String> problems() {
        String failure = lastFailure.get();
        return failure == null ? List.of() : List.of("events are being refused: " + failure);
    }

    public Stats stats() {
        return new Stats(committedEvents, commits, refusedFull, refusedFailed, queue.size(), largestBatch);
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(settings.maxBatch());
        while (true) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (!accepting) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
            } catch (InterruptedException e) {
                // Only close() interrupts, after waiting for the queue to be written.
                return;
            }
            queue.drainTo(batch, settings.maxBatch() - 1);
            write(batch);
            batch.clear();
        }
    }

    private void write(List<Pending> batch) {
        List<EventLog.Delivery> deliveries = new ArrayList<>(batch.size());
        for (Pending pending : batch) {
            deliveries.add(pending.delivery());
        }
        try {
            List<EventLog.Appended> results = eventLog.appendAll(deliveries);
            record(batch.size());
            lastFailure.set(null);
            tell(deliveries, results);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(results.get(i));
            }
        } catch (StoreException e) {
            if (batch.size() == 1) {
                refuse(batch.get(0), e);
                return;
            }
            log.warn("a commit of {} events failed ({}); storing them one by one", batch.size(), e.getMessage());
            for (Pending pending : batch) {
                write(List.of(pending));
            }
        } catch (RuntimeException e) {
            // A bug, not the store: the callers must still be answered, never left waiting.
            log.error("the event writer failed on a batch of {}", batch.size(), e);
            for (Pending pending : batch) {
                pending.result().completeExceptionally(e);
            }
        }
    }

    private void tell(List<EventLog.Delivery> deliveries, List<EventLog.Appended> results) {
        try {
            committed.accept(deliveries, results);
        } catch (RuntimeException e) {
            log.error("{} events are stored, but passing them on failed (a replay will rebuild): {}",
                    deliveries.size(), e.toString(), e);
        }
    }

    private synchronized void record(int size) {
        committedEvents += size;
        commits++;
        largestBatch = Math.max(largestBatch, size);
    }

    private void refuse(Pending pending, StoreException e) {
        synchronized (this) {
            refusedFailed++;
        }
        String why = withRootCause(e);
        String reason = "the event log could not be written (" + why + "); nothing was stored";
        String before = lastFailure.getAndSet(why + " at " + Instant.now());
        if (before == null || !before.startsWith(why + " at ")) {
            // One line when the failure starts or changes, not one per refused event of an outage.
            log.error("refusing events: {}", reason);
        } else {
            log.debug("refused a {} event: {}", pending.delivery().event().type().wireName(), reason);
        }
        pending.result().completeExceptionally(new IngestionRefused(reason, Duration.ofSeconds(5)));
    }

    /**
     * The failure with its root cause when that says more: a database that closed itself after a failed write
     * reports "closed", the file system's "No space left on device" is in the cause.
     */
    private static String withRootCause(Throwable failure) {
        String message = String.valueOf(failure.getMessage());
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String rootMessage = root.getMessage();
        if (root != failure && rootMessage != null && !message.contains(rootMessage)) {
            return message + "; cause: " + rootMessage;
        }
        return message;
    }

    private static void failAll(List<Pending> batch, String reason) {
        for (Pending pending : batch) {
            pending.result().completeExceptionally(new IngestionRefused(reason, Duration.ofSeconds(5)));
        }
    }

    /** Stops accepting, stores what is queued (waiting at most ten seconds), then stops the thread. */
    @Override
    public void close() {
        accepting = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(TimeUnit.SECONDS.toMillis(2));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        failAll(left, "Setlist is shutting down; nothing was stored");
    }
}
