package dev.setlist.plugin.jellyfin;

import dev.setlist.plugin.media.MediaServerException;
import dev.setlist.plugin.media.MediaUser;
import dev.setlist.plugin.server.JsonMapper;
import dev.setlist.plugin.store.Database;
import dev.setlist.plugin.store.PlaylistStore;
import dev.setlist.scorer.catalog.ItemProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JellyfinServerTest {

    private static final String KEY = "fedcba9876543210fedcba9876543210";
    private static final MediaUser ALEX = new MediaUser("5f0b2c7e8d1a4c3b9e2f7a6b5c4d3e21", "Alex");
    private static final Instant ADDED = Instant.parse("2026-10-01T12:00:00Z");

    private FakeJellyfin jellyfin;
    private Database database;
    private PlaylistStore playlists;

    @BeforeEach
    void start() throws IOException {
        jellyfin = new FakeJellyfin(KEY);
        jellyfin.addUser(new FakeJellyfin.User(ALEX.id(), ALEX.name(), false, true));
        jellyfin.addUser(new FakeJellyfin.User("00000000000000000000000000000001", "Gone", true, false));
        jellyfin.addLibrary(520, 60, 80, ADDED);
        database = Database.openInMemory("jellyfin-server-" + System.nanoTime());
        playlists = new PlaylistStore(database.dataSource(), JsonMapper.create());
    }

    @AfterEach
    void stop() {
        jellyfin.close();
        database.close();
    }

    private JellyfinServer server(String key) {
        return new JellyfinServer(new JellyfinClient(jellyfin.baseUri(), key, "test", Duration.ofSeconds(5)), playlists,
                Clock.systemUTC());
    }

    @Test
    void readsEnabledPeopleAndTheWholeCatalogPageByPage() {
        JellyfinServer server = server(KEY);
        assertThat(server.users()).containsExactly(ALEX);
        List<ItemProfile> catalog = server.catalog();
        assertThat(catalog).hasSize(660);
        assertThat(jellyfin.requests("GET", "/Items")).hasSize(2);
        ItemProfile episode = catalog.stream().filter(item -> item.id().equals(FakeJellyfin.libraryId("episode", 12)))
                .findFirst().orElseThrow();
        assertThat(episode.kind()).isEqualTo(ItemProfile.ItemKind.EPISODE);
        assertThat(episode.seriesName()).isEqualTo("Series 1");
        assertThat(episode.season()).isEqualTo(1);
        assertThat(episode.episode()).isEqualTo(3);
        assertThat(episode.runtimeSeconds()).isEqualTo(2400);
        assertThat(episode.added()).isEqualTo(ADDED);
        ItemProfile film = catalog.stream().filter(item -> item.id().equals(FakeJellyfin.libraryId("movie", 3)))
                .findFirst().orElseThrow();
        assertThat(film.tags()).containsExactly("calm");
        assertThat(film.people()).containsExactly("Actor 3", "Director 3");
        assertThat(film.studio()).isEqualTo("Studio 3");
        ItemProfile track = catalog.stream().filter(item -> item.kind() == ItemProfile.ItemKind.TRACK).findFirst().orElseThrow();
        assertThat(track.artist()).startsWith("Artist ");
        assertThat(track.album()).startsWith("Album ");
    }

    @Test
    void aRefusedKeyIsAClearNonRetryableError() {
        assertThatThrownBy(() -> server("wrong").users())
                .isInstanceOf(MediaServerException.class)
                .hasMessageContaining("API key was refused")
                .satisfies(e -> assertThat(((MediaServerException) e).retryable()).isFalse());
    }

    @Test
    void writesOnlyOneMediaTypeInChunksAndSendsNothingWhenUnchanged() {
        JellyfinServer server = server(KEY);
        List<String> wanted = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            wanted.add(FakeJellyfin.libraryId("movie", i));
        }
        wanted.add(2, FakeJellyfin.libraryId("track", 1));
        wanted.add(3, "ffffffffffffffffffffffffffffffff");
        String id = server.writePlaylist(ALEX, "Movie night", wanted);

        FakeJellyfin.Playlist playlist = jellyfin.playlists().get(0);
        assertThat(playlist.mediaType).isEqualTo("Video");
        assertThat(playlist.openAccess).isFalse();
        assertThat(jellyfin.entries(id)).hasSize(70).doesNotContain(FakeJellyfin.libraryId("track", 1));

        List<String> reordered = new ArrayList<>(jellyfin.entries(id));
        java.util.Collections.reverse(reordered);
        jellyfin.clearRequests();
        assertThat(server.writePlaylist(ALEX, "Movie night", reordered)).isEqualTo(id);
        assertThat(jellyfin.entries(id)).containsExactlyElementsOf(reordered);
        assertThat(jellyfin.requests("DELETE", "/Playlists")).hasSize(2);
        assertThat(jellyfin.requests("POST", "/Playlists/" + id + "/Items")).hasSize(2);

        jellyfin.clearRequests();
        server.writePlaylist(ALEX, "Movie night", reordered);
        assertThat(jellyfin.requests("DELETE", "/Playlists")).isEmpty();
        assertThat(jellyfin.requests("POST", "/Playlists")).isEmpty();
    }

    @Test
    void findsItsPlaylistAfterLosingItsDataAndRecreatesOneDeletedOnTheServer() {
        List<String> films = List.of(FakeJellyfin.libraryId("movie", 1), FakeJellyfin.libraryId("movie", 2));
        String id = server(KEY).writePlaylist(ALEX, "For you", films);
        playlists.forget(ALEX.id(), "For you");

        assertThat(server(KEY).writePlaylist(ALEX, "For you", List.of(films.get(1)))).as("adopted by its title").isEqualTo(id);
        assertThat(jellyfin.playlists()).hasSize(1);

        new JellyfinClient(jellyfin.baseUri(), KEY, "test", Duration.ofSeconds(5)).deleteItem(id);
        String again = server(KEY).writePlaylist(ALEX, "For you", films);
        assertThat(again).isNotEqualTo(id);
        assertThat(jellyfin.entries(again)).containsExactlyElementsOf(films);

        String tracks = server(KEY).writePlaylist(ALEX, "For you", List.of(FakeJellyfin.libraryId("track", 0)));
        assertThat(tracks).as("a new media type is a new playlist").isNotEqualTo(again);
        assertThat(jellyfin.playlists()).singleElement().satisfies(playlist -> assertThat(playlist.mediaType).isEqualTo("Audio"));
    }

    @Test
    void readsAPersonsHistoryOldestFirst() {
        String old = FakeJellyfin.libraryId("movie", 5);
        String recent = FakeJellyfin.libraryId("movie", 6);
        String favourite = FakeJellyfin.libraryId("movie", 7);
        FakeJellyfin.UserData oldData = jellyfin.userData(ALEX.id(), old);
        oldData.played = true;
        oldData.playCount = 3;
        oldData.lastPlayed = Instant.parse("2025-01-01T20:00:00Z");
        FakeJellyfin.UserData recentData = jellyfin.userData(ALEX.id(), recent);
        recentData.played = true;
        recentData.playCount = 1;
        recentData.lastPlayed = Instant.parse("2026-01-01T20:00:00Z");
        jellyfin.userData(ALEX.id(), favourite).favorite = true;

        List<JellyfinServer.HistoryEntry> history = server(KEY).history(ALEX.id());
        assertThat(history).extracting(entry -> entry.item().id()).containsExactly(old, recent, favourite);
        assertThat(history.get(0).userData().playCount()).isEqualTo(3);
        assertThat(JellyfinDtos.instant(history.get(0).userData().lastPlayedDate())).isEqualTo(oldData.lastPlayed);
        assertThat(history.get(2).userData().isFavorite()).isTrue();
        assertThat(jellyfin.requests("GET", "/Items")).allSatisfy(request ->
                assertThat(request.query()).containsEntry("userid", ALEX.id()));
        assertThat(jellyfin.requests("GET", "/Items")).extracting(request -> request.query().get("filters"))
                .containsExactly("IsPlayed", "IsFavoriteOrLikes");
    }
}
