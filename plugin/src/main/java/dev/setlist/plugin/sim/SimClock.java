package dev.setlist.plugin.sim;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock of a simulation: it shows the simulated time the simulator sets, so that everything a
 * system under test reads from its clock (the playlist's hour, a profile's expiry, the current session)
 * follows the simulated household rather than the machine.
 *
 * <p>Thread-safe (a volatile instant); it moves only when told.
 */
public final class SimClock extends Clock {

    private volatile Instant now;

    public SimClock(Instant start) {
        this.now = start;
    }

    /** Moves the clock to {@code instant}, forwards or back. */
    public void set(Instant instant) {
        this.now = instant;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a simulation runs in UTC; local times are computed by the simulator");
    }
}
