package dev.setlist.plugin.load;

import java.util.Arrays;

/**
 * Latencies in nanoseconds recorded by one thread, merged at the end into percentiles.
 *
 * <p>Not thread-safe: one per thread; {@link #merge} after the threads stopped.
 */
final class Latencies {

    private long[] values = new long[1024];
    private int size;

    void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    int size() {
        return size;
    }

    /** All values of these recorders, sorted. */
    static long[] merge(Iterable<Latencies> recorders) {
        int total = 0;
        for (Latencies recorder : recorders) {
            total += recorder.size;
        }
        long[] all = new long[total];
        int at = 0;
        for (Latencies recorder : recorders) {
            System.arraycopy(recorder.values, 0, all, at, recorder.size);
            at += recorder.size;
        }
        Arrays.sort(all);
        return all;
    }

    /** The {@code p} quantile (nearest rank) of sorted nanoseconds, in milliseconds; 0 when empty. */
    static double millis(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))] / 1e6;
    }
}
