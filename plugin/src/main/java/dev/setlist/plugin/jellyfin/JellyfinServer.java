package dev.setlist.plugin.jellyfin;

import dev.setlist.plugin.media.MediaServer;
import dev.setlist.plugin.media.MediaServerException;
import dev.setlist.plugin.media.MediaUser;
import dev.setlist.plugin.store.PlaylistStore;
import dev.setlist.scorer.catalog.ItemProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Jellyfin as Setlist's media server: its people, its catalog (paged through {@code /Items} with the
 * fields Setlist needs), a person's history for the first import, and playlists written back exactly
 * as CONTRACT.md §3.6 requires with only an API key: created private with the right media type,
 * replaced by reading the {@code PlaylistItemId}s and removing those exact strings, then adding.
 *
 * <p>Thread-safe. Every call may throw {@link MediaServerException}.
 */
public final class JellyfinServer implements MediaServer {

    private static final Logger log = LoggerFactory.getLogger(JellyfinServer.class);

    /** What every playlist Setlist owns is called on the server: "Setlist · For you". */
    public static final String PLAYLIST_PREFIX = "Setlist \u00b7 ";
    static final String FIELDS = "Genres,Tags,Studios,People,DateCreated,ProviderIds";
    static final String PLAYABLE_TYPES = "Movie,Episode,Audio";
    static final int PAGE_SIZE = 500;

    private final JellyfinClient client;
    private final PlaylistStore playlists;
    private final Clock clock;

    public JellyfinServer(JellyfinClient client, PlaylistStore playlists, Clock clock) {
        this.client = client;
        this.playlists = playlists;
        this.clock = clock;
    }

    @Override
    public String describe() {
        return "jellyfin " + client.base();
    }

    /** Every enabled person (disabled accounts get no playlists). */
    @Override
    public List<MediaUser> users() {
        return client.users().stream()
                .filter(user -> user.id() != null && user.name() != null)
                .filter(user -> user.policy() == null || !Boolean.TRUE.equals(user.policy().isDisabled()))
                .map(user -> new MediaUser(JellyfinIds.normalize(user.id()), user.name()))
                .toList();
    }

    /** The whole catalog: every movie, episode and track, a page of {@value #PAGE_SIZE} at a time. */
    @Override
    public List<ItemProfile> catalog() {
        return profiles(sweep(catalogQuery()));
    }

    /** Items saved (added or changed) on the server since {@code since}: an incremental sync. */
    public List<ItemProfile> changedSince(Instant since) {
        Map<String, String> query = catalogQuery();
        query.put("minDateLastSaved", since.truncatedTo(ChronoUnit.SECONDS).toString());
        return profiles(sweep(query));
    }

    /** The profiles of the given items (those that still exist and are movies, episodes or tracks). */
    public List<ItemProfile> items(Collection<String> ids) {
        return profiles(fetch(List.copyOf(ids)));
    }

    /**
     * What one person played before Setlist was installed, and what they marked favourite or liked,
     * oldest play first: {@code filters=IsPlayed} sorted by {@code DatePlayed}, then
     * {@code IsFavoriteOrLikes} for what they never finished (§3.3).
     */
    public List<HistoryEntry> history(String userId) {
        Map<String, HistoryEntry> byItem = new LinkedHashMap<>();
        for (String filter : List.of("IsPlayed", "IsFavoriteOrLikes")) {
            Map<String, String> query = catalogQuery();
            query.put("userId", userId);
            query.put("filters", filter);
            query.put("sortBy", "DatePlayed,SortName");
            query.put("sortOrder", "Ascending");
            for (JellyfinDtos.Item item : sweep(query)) {
                if (item.userData() == null) {
                    continue;
                }
                ItemMapper.toProfile(item).ifPresent(profile -> byItem.putIfAbsent(profile.id(),
                        new HistoryEntry(profile, item.type(), item.userData())));
            }
        }
        return List.copyOf(byItem.values());
    }

    /**
     * One item of a person's server-side history.
     *
     * @param item     the catalog profile
     * @param itemType Jellyfin's type name (Movie, Episode, Audio)
     * @param userData the person's play count, last played date, favourite and rating
     */
    public record HistoryEntry(ItemProfile item, String itemType, JellyfinDtos.UserData userData) {
    }

    /**
     * Creates or replaces "Setlist · {@code name}" of {@code user}. Only items of the list's media type
     * (that of the first item Jellyfin knows) are written: a Jellyfin playlist is either video or audio.
     * When the list is already exactly what the server holds, nothing is sent.
     */
    @Override
    public String writePlaylist(MediaUser user, String name, List<String> itemIds) {
        String title = PLAYLIST_PREFIX + name;
        List<JellyfinDtos.Item> known = fetch(itemIds);
        Map<String, String> mediaTypes = new HashMap<>();
        known.forEach(item -> mediaTypes.put(JellyfinIds.normalize(item.id()), item.mediaType()));
        String mediaType = itemIds.stream().map(mediaTypes::get).filter(type -> type != null).findFirst().orElse("Video");
        List<String> wanted = itemIds.stream().filter(id -> mediaType.equals(mediaTypes.get(id))).distinct().toList();
        if (wanted.size() < itemIds.size()) {
            log.info("playlist '{}' of {}: {} of {} items left out (not on the server, repeated, or not {})", title,
                    user.name(), itemIds.size() - wanted.size(), itemIds.size(), mediaType);
        }

        Optional<String> existing = playlists.find(user.id(), name)
                .filter(remembered -> remembered.mediaType().equals(mediaType))
                .map(PlaylistStore.Written::serverId)
                .or(() -> findByTitle(user.id(), title, mediaType));
        playlists.find(user.id(), name)
                .filter(remembered -> !remembered.mediaType().equals(mediaType))
                .ifPresent(stale -> deleteQuietly(stale.serverId(), title));
        String serverId = existing.flatMap(id -> replace(id, user, wanted)).orElseGet(() -> {
            String created = client.createPlaylist(title, user.id(), mediaType, wanted);
            log.info("created playlist '{}' for {} ({} items, {})", title, user.name(), wanted.size(), mediaType);
            return created;
        });
        playlists.save(new PlaylistStore.Written(user.id(), name, serverId, mediaType, wanted, clock.instant()));
        return serverId;
    }

    /**
     * Replaces the entries of an existing playlist; empty when it no longer exists (deleted on the
     * server), so that the caller creates a new one.
     */
    private Optional<String> replace(String playlistId, MediaUser user, List<String> wanted) {
        JellyfinDtos.ItemPage current;
        try {
            current = client.playlistItems(playlistId, user.id());
        } catch (MediaServerException e) {
            if (e.status() == 404) {
                log.info("playlist {} of {} is gone from the server; creating it again", playlistId, user.name());
                return Optional.empty();
            }
            throw e;
        }
        List<String> currentItems = current.items().stream().map(item -> JellyfinIds.normalize(item.id())).toList();
        if (currentItems.equals(wanted)) {
            return Optional.of(playlistId);
        }
        List<String> entries = current.items().stream().map(JellyfinDtos.Item::playlistItemId)
                .filter(entry -> entry != null).toList();
        client.removeFromPlaylist(playlistId, entries);
        client.addToPlaylist(playlistId, wanted, user.id());
        log.info("replaced playlist {} of {}: {} entries out, {} in", playlistId, user.name(), entries.size(), wanted.size());
        return Optional.of(playlistId);
    }

    /** A playlist of this person with exactly this title and media type (made before the data folder was lost). */
    private Optional<String> findByTitle(String userId, String title, String mediaType) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("userId", userId);
        query.put("includeItemTypes", "Playlist");
        query.put("recursive", "true");
        query.put("enableImages", "false");
        return sweep(query).stream()
                .filter(item -> title.equals(item.name()) && item.id() != null)
                .filter(item -> item.mediaType() == null || item.mediaType().equals(mediaType))
                .map(item -> JellyfinIds.normalize(item.id()))
                .findFirst();
    }

    private void deleteQuietly(String playlistId, String title) {
        try {
            client.deleteItem(playlistId);
            log.info("deleted playlist {} ('{}'): its media type changed", playlistId, title);
        } catch (MediaServerException e) {
            log.warn("could not delete the old playlist {} ('{}'): {}", playlistId, title, e.getMessage());
        }
    }

    private static Map<String, String> catalogQuery() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("recursive", "true");
        query.put("includeItemTypes", PLAYABLE_TYPES);
        query.put("fields", FIELDS);
        query.put("enableImages", "false");
        query.put("sortBy", "SortName");
        query.put("sortOrder", "Ascending");
        return query;
    }

    /** Every page of a query. */
    private List<JellyfinDtos.Item> sweep(Map<String, String> query) {
        List<JellyfinDtos.Item> items = new ArrayList<>();
        int start = 0;
        while (true) {
            Map<String, String> page = new LinkedHashMap<>(query);
            page.put("startIndex", String.valueOf(start));
            page.put("limit", String.valueOf(PAGE_SIZE));
            JellyfinDtos.ItemPage result = client.items(page);
            items.addAll(result.items());
            start += result.items().size();
            int total = result.totalRecordCount() == null ? start : result.totalRecordCount();
            if (result.items().isEmpty() || start >= total) {
                return items;
            }
        }
    }

    /** The server's description of the given items, a chunk of ids at a time; unknown ids are absent. */
    private List<JellyfinDtos.Item> fetch(List<String> ids) {
        List<JellyfinDtos.Item> items = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += JellyfinClient.IDS_PER_REQUEST) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("ids", String.join(",", ids.subList(from, Math.min(ids.size(), from + JellyfinClient.IDS_PER_REQUEST))));
            query.put("fields", FIELDS);
            query.put("enableImages", "false");
            items.addAll(client.items(query).items());
        }
        return items;
    }

    private static List<ItemProfile> profiles(List<JellyfinDtos.Item> items) {
        return items.stream().map(ItemMapper::toProfile).flatMap(Optional::stream).toList();
    }

    public JellyfinClient client() {
        return client;
    }
}
