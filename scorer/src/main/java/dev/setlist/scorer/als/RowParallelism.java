package dev.setlist.scorer.als;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Runs work over fixed chunks of rows on a fixed number of threads. Chunks are claimed dynamically, so
 * a slow chunk does not stall the others, but the chunk boundaries never depend on the thread count
 * and each chunk's work depends only on its rows: results are the same for any number of threads.
 *
 * <p>One per training run; {@link #close()} stops its threads. Not for use from several threads at once.
 */
final class RowParallelism implements AutoCloseable {

    /** What one worker thread does with the chunks it claims; created once per worker and pass. */
    interface ChunkWorker {
        void run(int fromRow, int toRow);
    }

    private final int threads;
    private final ExecutorService pool;

    RowParallelism(int threads) {
        this.threads = threads;
        if (threads > 1) {
            AtomicInteger count = new AtomicInteger();
            ThreadFactory factory = runnable -> {
                Thread thread = new Thread(runnable, "setlist-als-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            };
            this.pool = Executors.newFixedThreadPool(threads, factory);
        } else {
            this.pool = null;
        }
    }

    /** Runs {@code rows} rows in chunks of {@code chunk}; each thread gets its own worker from {@code workers}. */
    void forEachChunk(int rows, int chunk, IntFunction<ChunkWorker> workers) {
        int chunks = (rows + chunk - 1) / chunk;
        if (pool == null || chunks <= 1) {
            ChunkWorker worker = workers.apply(0);
            for (int c = 0; c < chunks; c++) {
                worker.run(c * chunk, Math.min(rows, (c + 1) * chunk));
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        List<Callable<Void>> tasks = new ArrayList<>(threads);
        for (int t = 0; t < Math.min(threads, chunks); t++) {
            int workerIndex = t;
            tasks.add(() -> {
                ChunkWorker worker = workers.apply(workerIndex);
                for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                    worker.run(c * chunk, Math.min(rows, (c + 1) * chunk));
                }
                return null;
            });
        }
        try {
            for (Future<Void> done : pool.invokeAll(tasks)) {
                done.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while training", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
