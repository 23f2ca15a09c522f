package dev.setlist.plugin.signals;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The thresholds that turn viewing sessions into interaction weights. Every value is a configuration
 * key ({@code signals.*}, see docs/configuration.md); {@link #defaults()} documents the defaults.
 *
 * <p>Immutable; share freely.
 *
 * @param completeFraction  a stop at or past this fraction of the running time counts as finished, as does
 *                          Jellyfin's own {@code PlayedToCompletion} (default 0.9, Jellyfin's {@code MaxResumePct})
 * @param skipFraction      a stop before this fraction is a skip (default 0.1)
 * @param skipSeconds       a stop before this many seconds of playing is a skip whatever the fraction (default 30)
 * @param movieWeight       weight of a finished film (default 1.0)
 * @param episodeWeight     weight of a finished episode (default 0.7: one of many of its series)
 * @param trackWeight       weight of a finished track (default 0.3: minutes, not hours, of attention)
 * @param otherWeight       weight of a finished item of another kind (default 0.5)
 * @param rewatchBonus      a finished play of an item finished before adds this fraction more (default 0.5)
 * @param seekBackSeconds   a jump back of more than this within one play is a seek back (default 10)
 * @param seekBackBonus     a play with a seek back (someone went back to see it again) adds this fraction (default 0.1)
 * @param seekAheadRatio    when continuous progress reports show that less than this fraction of the distance
 *                          covered was actually played (the rest skipped ahead), the play is discounted to
 *                          the fraction played (default 0.5)
 * @param favouriteWeight   weight added while an item is a favourite (default 2.0)
 * @param likeWeight        weight added while an item is liked (default 1.0)
 * @param importWeight      weight of one finished play learned from the server's history import, relative to a
 *                          finished play seen live (default 0.8: the import knows play counts, not how they went)
 * @param autoplayGap       a play that starts within this long after the previous one on the same device
 *                          finished, with no interaction in between, was started by autoplay (default 90 s)
 * @param lateNightStart    start of the late-night window, local time (default 23:00)
 * @param lateNightEnd      end of the late-night window, local time (default 05:00)
 * @param sleepyFreeItems   this many items of a late-night autoplay chain count fully, unless the chain goes on
 *                          past them: then they count {@code sleepyDecay} after the fact (default 2)
 * @param sleepyDecay       each further item of the chain counts this much of the one before, and the free items
 *                          this much after the fact (default 0: nothing; in implicit ALS any weight above 0 makes
 *                          the item a positive, so half an asleep play would still say "liked")
 * @param mutedFactor       a play the client reports as muted counts this much (default 0.25)
 * @param zone              the household's time zone, for the late-night window (default: the system's)
 * @param evidenceLimit     how many pieces of evidence are kept per person and item for explanations (default 20)
 */
public record SignalSettings(
        double completeFraction,
        double skipFraction,
        int skipSeconds,
        double movieWeight,
        double episodeWeight,
        double trackWeight,
        double otherWeight,
        double rewatchBonus,
        int seekBackSeconds,
        double seekBackBonus,
        double seekAheadRatio,
        double favouriteWeight,
        double likeWeight,
        double importWeight,
        Duration autoplayGap,
        LocalTime lateNightStart,
        LocalTime lateNightEnd,
        int sleepyFreeItems,
        double sleepyDecay,
        double mutedFactor,
        ZoneId zone,
        int evidenceLimit) {

    public SignalSettings {
        fraction("completeFraction", completeFraction);
        fraction("skipFraction", skipFraction);
        if (skipFraction >= completeFraction) {
            throw new IllegalArgumentException("skipFraction (" + skipFraction + ") must be below completeFraction ("
                    + completeFraction + ")");
        }
        notNegative("skipSeconds", skipSeconds);
        notNegative("movieWeight", movieWeight);
        notNegative("episodeWeight", episodeWeight);
        notNegative("trackWeight", trackWeight);
        notNegative("otherWeight", otherWeight);
        notNegative("rewatchBonus", rewatchBonus);
        notNegative("seekBackSeconds", seekBackSeconds);
        notNegative("seekBackBonus", seekBackBonus);
        fraction("seekAheadRatio", seekAheadRatio);
        notNegative("favouriteWeight", favouriteWeight);
        notNegative("likeWeight", likeWeight);
        notNegative("importWeight", importWeight);
        Objects.requireNonNull(autoplayGap, "autoplayGap");
        if (autoplayGap.isNegative()) {
            throw new IllegalArgumentException("autoplayGap must not be negative: " + autoplayGap);
        }
        Objects.requireNonNull(lateNightStart, "lateNightStart");
        Objects.requireNonNull(lateNightEnd, "lateNightEnd");
        notNegative("sleepyFreeItems", sleepyFreeItems);
        fraction("sleepyDecay", sleepyDecay);
        fraction("mutedFactor", mutedFactor);
        Objects.requireNonNull(zone, "zone");
        if (evidenceLimit < 1) {
            throw new IllegalArgumentException("evidenceLimit must be at least 1: " + evidenceLimit);
        }
    }

    /** The documented defaults, in the system's time zone. */
    public static SignalSettings defaults() {
        return defaults(ZoneId.systemDefault());
    }

    /** The documented defaults in the given time zone. */
    public static SignalSettings defaults(ZoneId zone) {
        return new SignalSettings(0.9, 0.1, 30, 1.0, 0.7, 0.3, 0.5, 0.5, 10, 0.1, 0.5, 2.0, 1.0, 0.8,
                Duration.ofSeconds(90), LocalTime.of(23, 0), LocalTime.of(5, 0), 2, 0.0, 0.25, zone, 20);
    }

    /** Whether a local time falls in the late-night window (which may wrap past midnight). */
    public boolean isLateNight(LocalTime time) {
        if (lateNightStart.equals(lateNightEnd)) {
            return false;
        }
        if (lateNightStart.isBefore(lateNightEnd)) {
            return !time.isBefore(lateNightStart) && time.isBefore(lateNightEnd);
        }
        return !time.isBefore(lateNightStart) || time.isBefore(lateNightEnd);
    }

    /** The weight of a finished play of an item of Jellyfin's type {@code itemType}. */
    public double finishedWeight(String itemType) {
        if (itemType == null) {
            return otherWeight;
        }
        return switch (itemType) {
            case "Movie" -> movieWeight;
            case "Episode" -> episodeWeight;
            case "Audio" -> trackWeight;
            default -> otherWeight;
        };
    }

    private static void fraction(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1: " + value);
        }
    }

    private static void notNegative(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, not negative: " + value);
        }
    }
}
