package dev.setlist.plugin.jellyfin;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The parts of Jellyfin's REST answers Setlist reads, as records (CONTRACT.md §3). Jellyfin writes
 * PascalCase and omits nulls, so every field may be absent; {@link JellyfinClient} maps the names.
 * Nothing here travels past the adapter: {@link ItemMapper} turns items into catalog profiles.
 */
public final class JellyfinDtos {

    private JellyfinDtos() {
    }

    /** {@code UserDto}: a person on the server. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record User(String name, String id, Policy policy) {
    }

    /** The policy part of a user: disabled and hidden people get no playlists. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Policy(Boolean isDisabled, Boolean isHidden, Boolean isAdministrator) {
    }

    /** {@code QueryResult<BaseItemDto>}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ItemPage(List<Item> items, Integer totalRecordCount, Integer startIndex) {
        public ItemPage {
            items = items == null ? List.of() : items;
        }
    }

    /** {@code BaseItemDto}, the fields Setlist needs. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(
            String name,
            String id,
            String type,
            String mediaType,
            Long runTimeTicks,
            Integer productionYear,
            String officialRating,
            Double communityRating,
            String seriesId,
            String seriesName,
            Integer parentIndexNumber,
            Integer indexNumber,
            String album,
            String albumArtist,
            List<String> artists,
            List<String> genres,
            List<String> tags,
            List<NamedId> studios,
            List<Person> people,
            String dateCreated,
            Map<String, String> providerIds,
            UserData userData,
            String playlistItemId) {
    }

    /** {@code NameGuidPair}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NamedId(String name, String id) {
    }

    /** {@code BaseItemPerson}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Person(String name, String id, String role, String type) {
    }

    /** {@code UserItemDataDto}: present only when the request named a user. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UserData(Double rating, Integer playCount, Boolean isFavorite, Boolean likes, String lastPlayedDate,
                           Boolean played, Long playbackPositionTicks) {
    }

    /** {@code PlaylistCreationResult}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Created(String id) {
    }

    /**
     * Reads a Jellyfin date: ISO-8601 with 0 to 7 fraction digits, {@code Z} optional (read as UTC),
     * as CONTRACT.md §0 says to. Returns {@code null} for {@code null} or an unreadable value.
     */
    public static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException withoutOffset) {
                return null;
            }
        }
    }
}
