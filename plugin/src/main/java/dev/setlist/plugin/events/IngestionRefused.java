package dev.setlist.plugin.events;

import java.time.Duration;

/**
 * An event Setlist could not take now, and did not store: the queue before the event log is full, the
 * log cannot be written (disk full, database locked), or Setlist is stopping. The sender should send the
 * same event again after {@link #retryAfter()}; a re-delivery that did get stored meanwhile is recognised
 * as a duplicate, so retrying is always safe.
 */
public final class IngestionRefused extends RuntimeException {

    private final Duration retryAfter;

    public IngestionRefused(String reason, Duration retryAfter) {
        super(reason);
        this.retryAfter = retryAfter;
    }

    /** How long the sender should wait before sending again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
