package dev.setlist.plugin.demo;

import dev.setlist.plugin.media.MediaServer;
import dev.setlist.plugin.media.MediaUser;
import dev.setlist.scorer.catalog.ItemProfile;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The media server of {@code setlist demo}: the generated library and household. Playlists written
 * to it are kept in memory and can be read back, as a real server would show them.
 *
 * <p>Thread-safe.
 */
public final class DemoMediaServer implements MediaServer {

    private final DemoLibrary library;
    private final DemoHousehold household;
    private final Map<String, List<String>> playlists = new ConcurrentHashMap<>();

    public DemoMediaServer(DemoLibrary library, DemoHousehold household) {
        this.library = library;
        this.household = household;
    }

    @Override
    public String describe() {
        return "demo library (" + library.items().size() + " items, " + household.members().size() + " people)";
    }

    @Override
    public List<MediaUser> users() {
        return household.users();
    }

    @Override
    public List<ItemProfile> catalog() {
        return library.items();
    }

    @Override
    public String writePlaylist(MediaUser user, String name, List<String> itemIds) {
        String id = DemoLibrary.guid("playlist:" + user.id() + ":" + name);
        playlists.put(id, List.copyOf(itemIds));
        return id;
    }

    /** The items of a playlist written earlier, in order, or an empty list. */
    public List<String> playlist(String id) {
        return playlists.getOrDefault(id, List.of());
    }

    public DemoHousehold household() {
        return household;
    }
}
