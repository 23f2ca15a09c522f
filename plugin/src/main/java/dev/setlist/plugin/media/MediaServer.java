package dev.setlist.plugin.media;

import dev.setlist.scorer.catalog.ItemProfile;

import java.util.List;

/**
 * What Setlist needs from a media server: its people, its catalog, and a place to put playlists.
 * Playback events arrive separately (the webhook), so this seam is pull-only. Jellyfin is the first
 * real adapter; the demo library is another.
 *
 * <p>Implementations are thread-safe.
 */
public interface MediaServer {

    /** A short name for health and logs, for example {@code demo} or {@code jellyfin http://host:8096}. */
    String describe();

    /** Every user. */
    List<MediaUser> users();

    /** Every item Setlist may order: movies, episodes and tracks. */
    List<ItemProfile> catalog();

    /**
     * Creates or replaces the playlist {@code name} of {@code user} with {@code itemIds}, in order.
     *
     * @return the server's id of the playlist
     */
    String writePlaylist(MediaUser user, String name, List<String> itemIds);
}
