package dev.setlist.plugin.jellyfin;

import dev.setlist.plugin.library.Library;
import dev.setlist.scorer.catalog.ItemProfile;
import dev.setlist.scorer.catalog.ItemProfile.ItemKind;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Turns Jellyfin's {@code BaseItemDto} into the catalog's {@link ItemProfile}: movies, episodes and
 * tracks; everything else (series, seasons, folders, playlists) is not something to play in a session.
 *
 * <p>Stateless; thread-safe.
 */
public final class ItemMapper {

    /** The most people kept per item: enough for content similarity, not the whole crew. */
    static final int MAX_PEOPLE = 12;

    private ItemMapper() {
    }

    /** The profile of an item, or empty when it is not a movie, episode or track, or has no id or name. */
    public static Optional<ItemProfile> toProfile(JellyfinDtos.Item item) {
        ItemKind kind = Library.kindOf(item.type());
        if (kind == null || item.id() == null || item.name() == null || !JellyfinIds.isGuid(item.id())) {
            return Optional.empty();
        }
        List<String> people = item.people() == null ? List.of()
                : item.people().stream().map(JellyfinDtos.Person::name).filter(name -> name != null && !name.isBlank())
                        .distinct().limit(MAX_PEOPLE).toList();
        String artist = item.artists() != null && !item.artists().isEmpty() ? item.artists().get(0) : item.albumArtist();
        if (kind == ItemKind.TRACK && people.isEmpty() && item.artists() != null) {
            people = item.artists().stream().limit(MAX_PEOPLE).toList();
        }
        String studio = item.studios() == null ? null
                : item.studios().stream().map(JellyfinDtos.NamedId::name).filter(name -> name != null).findFirst().orElse(null);
        long ticks = item.runTimeTicks() == null ? 0 : Math.max(0, item.runTimeTicks());
        Instant added = JellyfinDtos.instant(item.dateCreated());
        boolean episode = kind == ItemKind.EPISODE;
        return Optional.of(new ItemProfile(
                JellyfinIds.normalize(item.id()),
                kind,
                item.name(),
                item.genres(),
                item.tags(),
                people,
                studio,
                item.productionYear(),
                (int) Math.min(Integer.MAX_VALUE, ticks / 10_000_000L),
                episode && item.seriesId() != null && JellyfinIds.isGuid(item.seriesId())
                        ? JellyfinIds.normalize(item.seriesId()) : null,
                episode ? item.seriesName() : null,
                episode && item.parentIndexNumber() != null ? item.parentIndexNumber() : 0,
                episode && item.indexNumber() != null ? item.indexNumber() : 0,
                kind == ItemKind.TRACK ? artist : null,
                kind == ItemKind.TRACK ? item.album() : null,
                item.officialRating(),
                added == null ? Instant.EPOCH : added));
    }
}
