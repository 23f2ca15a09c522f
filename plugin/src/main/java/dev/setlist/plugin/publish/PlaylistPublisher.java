package dev.setlist.plugin.publish;

import dev.setlist.plugin.media.MediaServer;
import dev.setlist.plugin.media.MediaServerException;
import dev.setlist.plugin.media.MediaUser;
import dev.setlist.plugin.store.PlaylistOutbox;
import dev.setlist.plugin.store.StoreException;
import dev.setlist.plugin.store.UserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Writes playlists to the media server through the outbox ({@link PlaylistOutbox}): a write is queued
 * first (durable), then sent; a write the server refuses or cannot take is kept and retried with a
 * growing delay ({@code firstRetry} doubling up to {@code maxRetry}), across restarts. Only the latest
 * write of each person's playlist is kept. What waits, and why, shows in health.
 *
 * <p>Thread-safe. Writes run on one background thread (and on the caller's in {@link #drain()}).
 */
public final class PlaylistPublisher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PlaylistPublisher.class);
    static final int POLL_SECONDS = 5;
    private static final Duration POLL = Duration.ofSeconds(POLL_SECONDS);

    private final MediaServer server;
    private final PlaylistOutbox outbox;
    private final UserStore users;
    private final Clock clock;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "setlist-playlist-publisher");
        thread.setDaemon(true);
        return thread;
    });

    public PlaylistPublisher(MediaServer server, PlaylistOutbox outbox, UserStore users, Clock clock,
                             Duration firstRetry, Duration maxRetry) {
        this.server = server;
        this.outbox = outbox;
        this.users = users;
        this.clock = clock;
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
    }

    /** Starts sending due writes in the background, every few seconds. */
    public void start() {
        worker.scheduleWithFixedDelay(() -> {
            try {
                drain();
            } catch (RuntimeException e) {
                log.error("sending playlists failed unexpectedly; the writes stay queued", e);
            }
        }, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Queues a write of {@code name} for {@code userId}, replacing a waiting one. The background sender
     * takes it within {@value #POLL_SECONDS} s; {@link #drain()} sends it at once.
     */
    public void queue(String userId, String name, List<String> itemIds) {
        outbox.enqueue(userId, name, itemIds, clock.instant());
    }

    /**
     * Sends every due write now, on this thread.
     *
     * @return the results, one per write attempted
     */
    public synchronized List<Result> drain() {
        List<PlaylistOutbox.Pending> due = outbox.due(clock.instant());
        return due.stream().map(this::send).toList();
    }

    /**
     * What happened to one write.
     *
     * @param serverId the playlist's id on the server, when written
     * @param error    why it was not, otherwise
     */
    public record Result(String userId, String name, int items, String serverId, String error) {
        public boolean written() {
            return serverId != null;
        }
    }

    private Result send(PlaylistOutbox.Pending write) {
        Optional<MediaUser> user = users.find(write.userId());
        if (user.isEmpty()) {
            outbox.done(write);
            return new Result(write.userId(), write.name(), write.itemIds().size(), null, "no such person any more");
        }
        try {
            String serverId = server.writePlaylist(user.get(), write.name(), write.itemIds());
            outbox.done(write);
            log.info("playlist '{}' of {} written: {} items (server id {})", write.name(), user.get().name(),
                    write.itemIds().size(), serverId);
            return new Result(write.userId(), write.name(), write.itemIds().size(), serverId, null);
        } catch (MediaServerException | StoreException e) {
            Duration delay = backoff(write.attempts());
            Instant next = clock.instant().plus(delay);
            outbox.failed(write, e.getMessage(), next);
            log.warn("playlist '{}' of {} not written (attempt {}; next in {} s): {}", write.name(), user.get().name(),
                    write.attempts() + 1, delay.toSeconds(), e.getMessage());
            return new Result(write.userId(), write.name(), write.itemIds().size(), null, e.getMessage());
        }
    }

    /** The delay after {@code attempts} earlier failures: firstRetry, doubling, at most maxRetry. */
    Duration backoff(int attempts) {
        Duration delay = firstRetry.multipliedBy(1L << Math.min(attempts, 20));
        return delay.compareTo(maxRetry) > 0 ? maxRetry : delay;
    }

    /** Problems for health: playlist writes that have failed and wait for a retry. */
    public List<String> problems() {
        List<PlaylistOutbox.Pending> failing = outbox.all().stream().filter(pending -> pending.attempts() > 0).toList();
        if (failing.isEmpty()) {
            return List.of();
        }
        PlaylistOutbox.Pending oldest = failing.get(0);
        return List.of(failing.size() + " playlist write(s) waiting for the media server (oldest queued "
                + oldest.queuedAt() + ", " + oldest.attempts() + " failed attempt(s), next at " + oldest.nextAttemptAt()
                + "): " + oldest.lastError());
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
