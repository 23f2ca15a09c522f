package dev.setlist.plugin.insights;

import dev.setlist.plugin.library.Library;
import dev.setlist.plugin.store.ServedPlaylistStore;
import dev.setlist.scorer.catalog.ItemProfile;
import dev.setlist.scorer.sequencing.ItemSimilarity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps a summary of every playlist served (its intra-list diversity, genres, wildcards, the exploration
 * rate it was made with) for the diversity and exploration charts. The summary is computed on the
 * caller's thread (a few hundred similarity checks for 25 items, microseconds) and written by one
 * background thread, so a playlist request never waits for the database. When the writer falls more than
 * {@value #QUEUE} summaries behind, new ones are dropped and counted: these are statistics, not the
 * source of truth.
 *
 * <p>Thread-safe. {@link #close()} writes what is queued, then stops the writer.
 */
public final class ServedPlaylistLog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServedPlaylistLog.class);
    static final int QUEUE = 1_000;

    private final ServedPlaylistStore store;
    private final Library library;
    private final Clock clock;
    private final AtomicLong dropped = new AtomicLong();
    private final ThreadPoolExecutor writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUE), runnable -> {
                Thread thread = new Thread(runnable, "setlist-served-playlists");
                thread.setDaemon(true);
                return thread;
            });

    public ServedPlaylistLog(ServedPlaylistStore store, Library library, Clock clock) {
        this.store = store;
        this.library = library;
        this.clock = clock;
    }

    /**
     * Records that a playlist was served to {@code personId}.
     *
     * @param kind        {@code playlist}, {@code remainder}, {@code journey}, {@code together} or {@code surprise}
     * @param itemIds     its items, in order
     * @param wildcards   how many of them were wildcards
     * @param exploration the exploration rate it was made with
     */
    public void served(String personId, String kind, String media, String mode, List<String> itemIds, int wildcards,
                       double exploration) {
        List<ItemProfile> items = itemIds.stream().map(library::find).flatMap(Optional::stream).toList();
        Set<String> genres = new HashSet<>();
        items.forEach(item -> item.genres().forEach(genre -> genres.add(genre.toLowerCase(Locale.ROOT))));
        ServedPlaylistStore.Served summary = new ServedPlaylistStore.Served(personId, clock.instant(), kind, media, mode,
                itemIds.size(), intraListDiversity(items), genres.size(), wildcards, exploration);
        try {
            writer.execute(() -> write(summary));
        } catch (RejectedExecutionException e) {
            if (dropped.incrementAndGet() == 1) {
                log.warn("the served-playlist log fell {} summaries behind; dropping new ones (statistics only)", QUEUE);
            }
        }
    }

    private void write(ServedPlaylistStore.Served summary) {
        try {
            store.addAll(List.of(summary));
        } catch (RuntimeException e) {
            dropped.incrementAndGet();
            log.warn("a served-playlist summary was not stored: {}", e.toString());
        }
    }

    /** Waits, up to {@code millis}, until every summary recorded so far is stored; for readers of the charts. */
    public void flush(long millis) {
        try {
            Future<?> marker = writer.submit(() -> { });
            marker.get(millis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException | ExecutionException | TimeoutException e) {
            log.debug("served playlists not flushed: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Deletes a person's summaries, once those still waiting are written, so that none comes back after. */
    public int forget(String personId) {
        flush(5_000);
        return store.forget(personId);
    }

    /** How many summaries were dropped or failed since start. */
    public long dropped() {
        return dropped.get();
    }

    /**
     * The mean dissimilarity ({@code 1 - }{@link ItemSimilarity}) over every pair of items: 0 when all are
     * alike (or there are fewer than two), 1 when no two share anything. The same similarity the sequencer's
     * diversity term uses, so the chart shows what the diversity strength did.
     */
    public static double intraListDiversity(List<ItemProfile> items) {
        int n = items.size();
        if (n < 2) {
            return 0;
        }
        double sum = 0;
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                sum += 1 - ItemSimilarity.between(items.get(a), items.get(b));
            }
        }
        return sum / (n * (n - 1) / 2.0);
    }

    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(5, TimeUnit.SECONDS)) {
                List<Runnable> left = new ArrayList<>(writer.shutdownNow());
                log.warn("{} served-playlist summaries were not stored at shutdown", left.size());
            }
        } catch (InterruptedException e) {
            writer.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
