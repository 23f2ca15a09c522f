package dev.setlist.plugin.together;

import dev.setlist.plugin.playlist.PlaylistRequest;
import dev.setlist.rules.model.Mode;

import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a caller asks of one playlist for people watching together; {@code null} fields take defaults.
 *
 * @param personIds     the people (accounts or profiles), {@value #MIN_PEOPLE} to {@value #MAX_PEOPLE}, each once
 * @param strategy      how their tastes are aggregated (default {@link GroupStrategy#FAIR_BLEND})
 * @param floor         the fair blend's misery floor: the lowest percentile any member may have for an item,
 *                      0 to {@value #MAX_FLOOR} (default {@value #DEFAULT_FLOOR}); ignored by least misery
 * @param media         video or music (default video: people watch together)
 * @param length        items, 1 to {@value PlaylistRequest#MAX_LENGTH}
 * @param budgetMinutes a duration budget in minutes, 0 for none
 * @param mode          a mode for this request; a child present overrides it with kids mode
 * @param diversity     the sequencer's diversity strength, 0 to 1, or {@code null} for the default
 * @param localTime     the local time, or {@code null} for the server's
 * @param device        the device, or {@code null}
 * @param client        the client application, or {@code null}
 */
public record GroupRequest(List<String> personIds, GroupStrategy strategy, double floor, PlaylistRequest.Media media,
                           int length, int budgetMinutes, Mode mode, Double diversity, LocalDateTime localTime,
                           String device, String client) {

    public static final int MIN_PEOPLE = 2;
    public static final int MAX_PEOPLE = 8;
    /** Half: nothing below anyone's median. */
    public static final double DEFAULT_FLOOR = 0.5;
    public static final double MAX_FLOOR = 0.9;

    public GroupRequest {
        personIds = List.copyOf(personIds);
        if (personIds.size() < MIN_PEOPLE || personIds.size() > MAX_PEOPLE) {
            throw new IllegalArgumentException("users needs " + MIN_PEOPLE + " to " + MAX_PEOPLE + " people, got "
                    + personIds.size());
        }
        Set<String> seen = new HashSet<>();
        for (String id : personIds) {
            if (!seen.add(id)) {
                throw new IllegalArgumentException("users names " + id + " twice");
            }
        }
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(media, "media");
        if (!(floor >= 0 && floor <= MAX_FLOOR)) {
            throw new IllegalArgumentException("floor must be between 0 and " + MAX_FLOOR + ", was " + floor);
        }
        if (length < 1 || length > PlaylistRequest.MAX_LENGTH) {
            throw new IllegalArgumentException("length must be between 1 and " + PlaylistRequest.MAX_LENGTH + ", was "
                    + length);
        }
        if (budgetMinutes < 0 || budgetMinutes > 24 * 60) {
            throw new IllegalArgumentException("minutes must be between 0 and 1440, was " + budgetMinutes);
        }
        if (diversity != null && !(diversity >= 0 && diversity <= 1)) {
            throw new IllegalArgumentException("diversity must be between 0 and 1, was " + diversity);
        }
    }

    /** The fair blend of {@code length} videos for these people, with every other choice left to defaults. */
    public static GroupRequest of(List<String> personIds, int length) {
        return new GroupRequest(personIds, GroupStrategy.FAIR_BLEND, DEFAULT_FLOOR, PlaylistRequest.Media.VIDEO, length,
                0, null, null, null, null, null);
    }
}
