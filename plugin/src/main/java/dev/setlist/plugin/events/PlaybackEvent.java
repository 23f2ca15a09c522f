package dev.setlist.plugin.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One event from the media server, parsed once at the boundary: nothing stringly-typed travels
 * further in. Ids are in Jellyfin's N form (32 lower-case hex digits) whatever form they arrived in.
 *
 * <p>Immutable; share freely. Optional values are {@code null} when the source did not send them.
 *
 * @param type            what happened
 * @param occurredAt      when the server says it happened (UTC)
 * @param userId          the person, or {@code null} for library events (ItemAdded, ItemDeleted)
 * @param userName        the person's name as the server sent it, or {@code null}
 * @param itemId          the item
 * @param item            what the event says about the item (title, kind, genres, runtime...)
 * @param positionTicks   playback position in .NET ticks (100 ns), or {@code null}
 * @param paused          whether playback was paused (progress events), or {@code null}
 * @param automated       whether the server synthesised this progress tick, or {@code null}
 * @param playedToCompletion for a stop: whether the server counted the item as finished, or {@code null}
 * @param sessionId       the server's playback session id, or {@code null}
 * @param deviceName      the device, or {@code null}
 * @param clientName      the client application, or {@code null}
 * @param userData        the user-data fields of a UserDataSaved event, or {@code null}
 * @param muted           whether the client says the player is muted (volume 0 counts), or {@code null} when it
 *                        does not say: the webhook never does, the WebSocket Sessions feed does
 */
public record PlaybackEvent(
        EventType type,
        Instant occurredAt,
        String userId,
        String userName,
        String itemId,
        ItemFacts item,
        Long positionTicks,
        Boolean paused,
        Boolean automated,
        Boolean playedToCompletion,
        String sessionId,
        String deviceName,
        String clientName,
        UserDataFacts userData,
        Boolean muted) {

    /** .NET ticks per second. */
    public static final long TICKS_PER_SECOND = 10_000_000L;

    /** An event from a source that does not tell whether the player is muted (the webhook, imports). */
    public PlaybackEvent(EventType type, Instant occurredAt, String userId, String userName, String itemId,
                         ItemFacts item, Long positionTicks, Boolean paused, Boolean automated,
                         Boolean playedToCompletion, String sessionId, String deviceName, String clientName,
                         UserDataFacts userData) {
        this(type, occurredAt, userId, userName, itemId, item, positionTicks, paused, automated, playedToCompletion,
                sessionId, deviceName, clientName, userData, null);
    }

    public PlaybackEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(item, "item");
        if (type.isPersonal() && userId == null) {
            throw new IllegalArgumentException(type.wireName() + " needs a UserId");
        }
    }

    /**
     * This event as the person {@code personId}'s: a profile inside the account that sent it (see
     * {@link Attribution}). Everything else is kept as delivered.
     */
    public PlaybackEvent attributedTo(String personId) {
        Objects.requireNonNull(personId, "personId");
        return new PlaybackEvent(type, occurredAt, personId, userName, itemId, item, positionTicks, paused, automated,
                playedToCompletion, sessionId, deviceName, clientName, userData, muted);
    }

    /** Position in seconds, or {@code -1} when unknown. */
    public double positionSeconds() {
        return positionTicks == null ? -1 : positionTicks / (double) TICKS_PER_SECOND;
    }

    /**
     * What an event says about its item. The webhook never carries tags, studios, people, ratings or
     * the date added: those come from the catalog.
     *
     * @param name          title
     * @param itemType      the server's class name: Movie, Episode, Audio...
     * @param runtimeTicks  running time in ticks, or {@code null} when unknown (Jellyfin sends 0)
     * @param year          production year, or {@code null}
     * @param genres        genre names (the webhook sends one comma-joined string)
     * @param seriesId      for an episode, the series id, or {@code null}
     * @param seriesName    for an episode, the series name, or {@code null}
     * @param seasonNumber  for an episode, or {@code null}
     * @param episodeNumber for an episode, or {@code null}
     * @param album         for a track, or {@code null}
     * @param artist        for a track, the first artist, or {@code null}
     */
    public record ItemFacts(
            String name,
            String itemType,
            Long runtimeTicks,
            Integer year,
            List<String> genres,
            String seriesId,
            String seriesName,
            Integer seasonNumber,
            Integer episodeNumber,
            String album,
            String artist) {

        public ItemFacts {
            genres = genres == null ? List.of() : List.copyOf(genres);
        }
    }

    /**
     * The user-data part of a UserDataSaved event. Favourite toggles and like or dislike both report
     * {@code UpdateUserRating}; what changed is found by comparing with the previous snapshot.
     *
     * @param saveReason PlaybackStart, PlaybackProgress, PlaybackFinished, TogglePlayed, UpdateUserRating, Import or UpdateUserData
     * @param favorite   whether the item is a favourite, or {@code null}
     * @param likes      whether the person likes it, or {@code null}
     * @param rating     the person's rating 0..10, or {@code null}
     * @param played     whether the item is marked played, or {@code null}
     * @param playCount  how often it was played, or {@code null}
     */
    public record UserDataFacts(
            String saveReason, Boolean favorite, Boolean likes, Double rating, Boolean played, Integer playCount) {
    }
}
