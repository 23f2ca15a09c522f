package dev.setlist.plugin.signals;

import dev.setlist.plugin.events.PlaybackEvent;

import java.time.Duration;
import java.time.Instant;

/**
 * One play of one item on one device, from its start (or the first report seen) to its stop,
 * reconstructed from the start, progress and stop events. It measures what the events can tell:
 * how far playback got, how much of that was actually played rather than skipped over, whether
 * someone paused, went back or skipped ahead, and whether the client said it was muted.
 *
 * <p>Not thread-safe: owned by one person's {@link InteractionLedger} state, used under its lock.
 */
final class Viewing {

    /** How far playback may run ahead of the wall clock before a jump counts as skipping ahead. */
    private static final double AHEAD_TOLERANCE_SECONDS = 10;

    final String itemId;
    final String itemType;
    final Long runtimeTicks;
    final Instant startedAt;
    final boolean autoplayed;
    final int chainIndex;
    final boolean lateNight;

    private Instant lastAt;
    private double lastPosition;
    private double maxPosition;
    private double playedSeconds;
    private double coveredSeconds;
    private int reports;
    private int mutedReports;
    private int reportsWithMuteState;
    private boolean seekedBack;
    private String interaction;

    Viewing(PlaybackEvent first, boolean autoplayed, int chainIndex, boolean lateNight) {
        this.itemId = first.itemId();
        this.itemType = first.item().itemType();
        this.runtimeTicks = first.item().runtimeTicks();
        this.startedAt = first.occurredAt();
        this.autoplayed = autoplayed;
        this.chainIndex = chainIndex;
        this.lateNight = lateNight;
        this.lastAt = first.occurredAt();
        this.lastPosition = Math.max(0, first.positionSeconds());
        this.maxPosition = lastPosition;
        observeMute(first.muted());
    }

    /**
     * Takes in one progress report. Automated ticks that only repeat what is known (one more second
     * played) take the same cheap path as any other report: a few additions, nothing allocated.
     */
    void progress(PlaybackEvent event, double seekBackSeconds) {
        reports++;
        observeMute(event.muted());
        if (Boolean.TRUE.equals(event.paused())) {
            interacted("paused");
        }
        advance(event.positionSeconds(), event.occurredAt(), seekBackSeconds);
    }

    /** Moves playback to {@code position} seconds at {@code at}; a negative position only moves the clock. */
    void advance(double position, Instant at, double seekBackSeconds) {
        if (position < 0) {
            lastAt = later(lastAt, at);
            return;
        }
        double elapsed = Math.max(0, Duration.between(lastAt, at).toMillis() / 1000.0);
        double moved = position - lastPosition;
        if (moved < -seekBackSeconds) {
            seekedBack = true;
            interacted("went back");
        } else if (moved > 0) {
            coveredSeconds += moved;
            double ahead = moved - elapsed;
            if (ahead > AHEAD_TOLERANCE_SECONDS) {
                interacted("skipped ahead");
                playedSeconds += elapsed;
            } else {
                playedSeconds += moved;
            }
        }
        lastPosition = position;
        maxPosition = Math.max(maxPosition, position);
        lastAt = later(lastAt, at);
    }

    /** Something a person did during this play (a pause, a seek, a rating): they are awake. */
    void interacted(String what) {
        if (interaction == null) {
            interaction = what;
        }
    }

    private void observeMute(Boolean muted) {
        if (muted != null) {
            reportsWithMuteState++;
            if (muted) {
                mutedReports++;
            }
        }
    }

    private static Instant later(Instant a, Instant b) {
        return b.isAfter(a) ? b : a;
    }

    /** Whether enough progress reports were seen to measure what was played (rather than estimate it). */
    boolean measured() {
        return reports >= 2;
    }

    /** Number of progress reports taken in. */
    int reports() {
        return reports;
    }

    boolean interacted() {
        return interaction != null;
    }

    String interaction() {
        return interaction;
    }

    boolean seekedBack() {
        return seekedBack;
    }

    boolean mostlyMuted() {
        return reportsWithMuteState > 0 && mutedReports * 2 > reportsWithMuteState;
    }

    double lastPosition() {
        return lastPosition;
    }

    double maxPosition() {
        return maxPosition;
    }

    double playedSeconds() {
        return playedSeconds;
    }

    double coveredSeconds() {
        return coveredSeconds;
    }

    Instant lastAt() {
        return lastAt;
    }

    /** Running time in seconds, or {@code -1} when unknown. */
    double runtimeSeconds() {
        return runtimeTicks == null || runtimeTicks <= 0 ? -1 : runtimeTicks / (double) PlaybackEvent.TICKS_PER_SECOND;
    }
}
