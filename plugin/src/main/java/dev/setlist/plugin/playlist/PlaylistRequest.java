package dev.setlist.plugin.playlist;

import dev.setlist.rules.model.Mode;

import java.time.LocalDateTime;
import java.util.Map;

/**
 * What a caller asks of one playlist; {@code null} fields take the person's settings or the defaults.
 *
 * @param media         video (films and episodes) or music (tracks): a Jellyfin playlist holds one media type;
 *                      {@code null}: the kind of the person's latest play
 * @param length        how many items (1 to {@value #MAX_LENGTH})
 * @param budgetMinutes a duration budget in minutes, or 0 for none
 * @param mode          a mode for this request only, or {@code null} (the person's chosen mode, else inferred)
 * @param exploration   an exploration rate in [0, 0.5] overriding the person's adaptive rate, or {@code null}
 * @param diversity     a diversity strength in [0, 1], or {@code null}
 * @param localTime     the listener's local time, or {@code null} for the server's
 * @param device        the device, or {@code null}
 * @param client        the client application, or {@code null}
 * @param signals       extra context signals, for example {@code heartRate}
 */
public record PlaylistRequest(Media media, int length, int budgetMinutes, Mode mode, Double exploration, Double diversity,
                              LocalDateTime localTime, String device, String client, Map<String, Double> signals) {

    /** What a playlist holds. */
    public enum Media {
        VIDEO, MUSIC;

        public boolean holds(dev.setlist.scorer.catalog.ItemProfile.ItemKind kind) {
            return (this == MUSIC) == (kind == dev.setlist.scorer.catalog.ItemProfile.ItemKind.TRACK);
        }

        /** The media that holds items of {@code kind}. */
        public static Media of(dev.setlist.scorer.catalog.ItemProfile.ItemKind kind) {
            return kind == dev.setlist.scorer.catalog.ItemProfile.ItemKind.TRACK ? MUSIC : VIDEO;
        }
    }

    public static final int MAX_LENGTH = 200;
    public static final int DEFAULT_LENGTH = 25;

    public PlaylistRequest {
        if (length < 1 || length > MAX_LENGTH) {
            throw new IllegalArgumentException("length must be between 1 and " + MAX_LENGTH + ", was " + length);
        }
        if (budgetMinutes < 0 || budgetMinutes > 24 * 60) {
            throw new IllegalArgumentException("minutes must be between 0 and 1440, was " + budgetMinutes);
        }
        if (exploration != null && !(exploration >= 0 && exploration <= 0.5)) {
            throw new IllegalArgumentException("exploration must be between 0 and 0.5, was " + exploration);
        }
        if (diversity != null && !(diversity >= 0 && diversity <= 1)) {
            throw new IllegalArgumentException("diversity must be between 0 and 1, was " + diversity);
        }
        signals = signals == null ? Map.of() : Map.copyOf(signals);
    }

    /** A plain request of {@code length} items with every other choice left to the person's settings. */
    public static PlaylistRequest of(int length) {
        return new PlaylistRequest(null, length, 0, null, null, null, null, null, null, Map.of());
    }
}
