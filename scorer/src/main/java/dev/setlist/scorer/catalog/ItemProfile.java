package dev.setlist.scorer.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the scorer, the rules and the sequencer may know about one catalog item: its kind, the
 * attributes that content similarity and constraints work on, and nothing about any person.
 *
 * <p>Immutable; share freely. Lists are copied on construction and never null. Optional scalar
 * attributes use {@code null} ({@code year}, {@code seriesId}, {@code artist}, {@code parentalRating})
 * or {@code 0} ({@code runtimeSeconds}) when unknown.
 *
 * @param id             the media server's item id (for Jellyfin, the N-form GUID)
 * @param kind           movie, episode or track
 * @param title          display title
 * @param genres         genre names as the server spells them
 * @param tags           free tags (for example {@code calm}, {@code high-energy}, {@code instrumental})
 * @param people         cast, crew or performers, most prominent first
 * @param studio         studio or label, or {@code null}
 * @param year           production year, or {@code null}
 * @param runtimeSeconds running time in seconds, {@code 0} when unknown
 * @param seriesId       for an episode, the id of its series; otherwise {@code null}
 * @param seriesName     for an episode, the name of its series; otherwise {@code null}
 * @param season         for an episode, its season number; otherwise {@code 0}
 * @param episode        for an episode, its episode number; otherwise {@code 0}
 * @param artist         for a track, its first artist; otherwise {@code null}
 * @param album          for a track, its album; otherwise {@code null}
 * @param parentalRating the official rating as the server reports it (for example {@code PG-13}), or {@code null}
 * @param added          when the item entered the library
 */
public record ItemProfile(
        String id,
        ItemKind kind,
        String title,
        List<String> genres,
        List<String> tags,
        List<String> people,
        String studio,
        Integer year,
        int runtimeSeconds,
        String seriesId,
        String seriesName,
        int season,
        int episode,
        String artist,
        String album,
        String parentalRating,
        Instant added) {

    public ItemProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        genres = genres == null ? List.of() : List.copyOf(genres);
        tags = tags == null ? List.of() : List.copyOf(tags);
        people = people == null ? List.of() : List.copyOf(people);
        if (runtimeSeconds < 0) {
            throw new IllegalArgumentException("runtimeSeconds must not be negative: " + runtimeSeconds);
        }
        Objects.requireNonNull(added, "added");
    }

    /** The kinds of item Setlist orders into sessions. */
    public enum ItemKind { MOVIE, EPISODE, TRACK }

    /** Running time in whole minutes, rounded to the nearest minute. */
    public int runtimeMinutes() {
        return (runtimeSeconds + 30) / 60;
    }
}
