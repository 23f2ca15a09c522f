package dev.setlist.rules.model;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Objects;

/**
 * The request as the rules see it: who listens, where, when, and what came before.
 *
 * <p>Immutable; share freely. Maps are copied and never null.
 *
 * @param userId          the media server's user id
 * @param profile         a profile name the server knows the person by (for example {@code kids}), or {@code null}
 * @param mode            the mode the client asked for, or {@code null} to let the rules infer one
 * @param localTime       the listener's local wall-clock time
 * @param device          the device name as the server reports it (for example {@code Living Room TV}), or {@code null}
 * @param client          the client name (for example {@code Jellyfin Android TV}), or {@code null}
 * @param session         the session so far
 * @param parentalCeiling the highest minimum age this profile may see, or {@code null} when unrestricted;
 *                        enforced inside and outside the rules and never relaxed
 * @param lastPlayed      when this person last played each recently played item, by item id
 * @param signals         optional extra signals by name (for example {@code heart_rate})
 */
public record ListeningContext(String userId, String profile, Mode mode, LocalDateTime localTime, String device,
                               String client, SessionSoFar session, Integer parentalCeiling,
                               Map<String, Instant> lastPlayed, Map<String, Double> signals) {

    public ListeningContext {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(localTime, "localTime");
        session = session == null ? SessionSoFar.EMPTY : session;
        lastPlayed = lastPlayed == null ? Map.of() : Map.copyOf(lastPlayed);
        signals = signals == null ? Map.of() : Map.copyOf(signals);
        if (parentalCeiling != null && parentalCeiling < 0) {
            throw new IllegalArgumentException("parentalCeiling must not be negative: " + parentalCeiling);
        }
    }

    /** A context with only a user and a time; everything else unknown. */
    public static ListeningContext of(String userId, LocalDateTime localTime) {
        return new ListeningContext(userId, null, null, localTime, null, null, SessionSoFar.EMPTY, null, Map.of(), Map.of());
    }

    public ListeningContext withMode(Mode newMode) {
        return new ListeningContext(userId, profile, newMode, localTime, device, client, session, parentalCeiling,
                lastPlayed, signals);
    }

    /** Whether the client chose the mode (rules do not infer one then). */
    public boolean explicitMode() {
        return mode != null;
    }

    /** Local hour of day, 0 to 23. */
    public int hour() {
        return localTime.getHour();
    }

    public DayOfWeek dayOfWeek() {
        return localTime.getDayOfWeek();
    }

    /** Saturday or Sunday. */
    public boolean weekend() {
        DayOfWeek day = localTime.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }

    /** Device and client names together, lower-cased, for "on a TV"-style matching; never null. */
    public String deviceText() {
        return ((device == null ? "" : device) + " | " + (client == null ? "" : client)).toLowerCase(java.util.Locale.ROOT);
    }

    /** The named signal, or {@code 0} when absent. */
    public double signal(String name) {
        return signals.getOrDefault(name, 0.0);
    }
}
