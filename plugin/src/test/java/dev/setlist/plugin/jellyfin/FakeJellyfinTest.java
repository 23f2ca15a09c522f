package dev.setlist.plugin.jellyfin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.setlist.plugin.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fake must be as unkind as Jellyfin (CONTRACT.md §6): a test that passes against a kinder fake
 * proves nothing. Each trap is checked here on the wire.
 */
class FakeJellyfinTest {

    private static final String KEY = "fedcba9876543210fedcba9876543210";
    private static final String AUTH = "MediaBrowser Token=\"" + KEY + "\"";
    private static final String OWNER = "5f0b2c7e8d1a4c3b9e2f7a6b5c4d3e21";

    private FakeJellyfin jellyfin;
    private Http http;

    @BeforeEach
    void start() throws IOException {
        jellyfin = new FakeJellyfin(KEY);
        jellyfin.addUser(new FakeJellyfin.User(OWNER, "Alex", false, true));
        jellyfin.addLibrary(4, 0, 2, Instant.parse("2026-10-01T12:00:00Z"));
        http = new Http(jellyfin.baseUri());
    }

    @AfterEach
    void stop() {
        jellyfin.close();
    }

    @Test
    void legacyAuthorizationIsOffAsIn12AndOnlyTheMediaBrowserHeaderOrApiKeyWork() {
        assertThat(http.get("/Users").status()).isEqualTo(401);
        assertThat(http.get("/Users", "X-Emby-Token", KEY).status()).isEqualTo(401);
        assertThat(http.get("/Users?api_key=" + KEY).status()).isEqualTo(401);
        assertThat(http.get("/Users", "Authorization", "Emby Token=\"" + KEY + "\"").status()).isEqualTo(401);
        assertThat(http.get("/Users", "Authorization", AUTH).status()).isEqualTo(200);
        assertThat(http.get("/Users?ApiKey=" + KEY).status()).isEqualTo(200);
        jellyfin.legacyAuthorization(true);
        assertThat(http.get("/Users", "X-Emby-Token", KEY).status()).isEqualTo(200);
    }

    @Test
    void itemsArePascalCaseWithOptInFieldsNoZeroRatingAndNoUserDataWithoutAUser() {
        JsonNode page = http.get("/Items?recursive=true&includeItemTypes=Movie", "Authorization", AUTH).json();
        JsonNode first = page.get("Items").get(0);
        assertThat(page.get("TotalRecordCount").asInt()).isEqualTo(4);
        assertThat(first.get("Id").asText()).matches("[0-9a-f]{32}");
        assertThat(first.has("Genres")).as("Genres only when asked for").isFalse();
        assertThat(first.has("UserData")).as("no UserData for an API key without userId").isFalse();
        assertThat(first.has("CommunityRating")).as("Film 0 has rating 0: omitted").isFalse();

        JsonNode withFields = http.get("/Items?ids=" + dashed(first.get("Id").asText())
                + "&Fields=Genres,ProductionYear,DateCreated&userId=" + OWNER, "Authorization", AUTH).json();
        JsonNode item = withFields.get("Items").get(0);
        assertThat(item.get("Genres").isArray()).isTrue();
        assertThat(item.get("DateCreated").asText()).isEqualTo("2026-10-01T12:00:00.0000000Z");
        assertThat(item.get("UserData").get("IsFavorite").asBoolean()).isFalse();
    }

    @Test
    void playlistsKeepEveryTrap() {
        String movie = FakeJellyfin.libraryId("movie", 0);
        JsonNode created = http.post("/Playlists", "{\"Name\":\"open\",\"UserId\":\"" + OWNER + "\"}",
                "Authorization", AUTH, "Content-Type", "application/json").json();
        FakeJellyfin.Playlist open = jellyfin.playlists().get(0);
        assertThat(open.openAccess).as("IsPublic defaults to true").isTrue();
        assertThat(open.mediaType).as("no ids, no type: Audio").isEqualTo("Audio");
        String id = created.get("Id").asText();

        assertThat(http.post("/Playlists", "{\"Name\":\"nobody\"}", "Authorization", AUTH,
                "Content-Type", "application/json").status()).as("an API key has no user").isEqualTo(400);
        assertThat(http.get("/Playlists/" + id, "Authorization", AUTH).status()).isEqualTo(400);
        assertThat(http.post("/Playlists/" + id + "/Items?ids=" + movie, "", "Authorization", AUTH).status())
                .as("add without userId").isEqualTo(400);
        assertThat(http.post("/Playlists/" + id + "/Items?ids=" + movie + "," + movie + "&userId=" + OWNER, "",
                "Authorization", AUTH).status()).isEqualTo(204);
        assertThat(jellyfin.entries(id)).as("10.11 drops repeats").containsExactly(movie);

        JsonNode entries = http.get("/Playlists/" + id + "/Items?userId=" + OWNER, "Authorization", AUTH).json();
        assertThat(entries.get("Items").get(0).get("PlaylistItemId").asText()).isEqualTo(movie);
        assertThat(http.delete("/Playlists/" + id + "/Items?entryIds=" + dashed(movie), "Authorization", AUTH).status())
                .as("a dashed id matches nothing, and that is 204").isEqualTo(204);
        assertThat(jellyfin.entries(id)).containsExactly(movie);
        assertThat(http.delete("/Playlists/" + id + "/Items?entryIds=" + movie, "Authorization", AUTH).status())
                .isEqualTo(204);
        assertThat(jellyfin.entries(id)).isEmpty();
        assertThat(http.delete("/Items/" + id, "Authorization", AUTH).status()).isEqualTo(204);
        assertThat(http.delete("/Playlists/" + id + "/Items?entryIds=" + movie, "Authorization", AUTH).status())
                .isEqualTo(404);
    }

    private static String dashed(String n) {
        return n.substring(0, 8) + "-" + n.substring(8, 12) + "-" + n.substring(12, 16) + "-" + n.substring(16, 20)
                + "-" + n.substring(20);
    }
}
