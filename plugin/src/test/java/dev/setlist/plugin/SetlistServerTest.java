package dev.setlist.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.setlist.plugin.config.ConfigKey;
import dev.setlist.plugin.config.ConfigLoader;
import dev.setlist.plugin.config.SetlistConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** End to end: the real server on a free loopback port, a real H2 file, events in over HTTP, playlists out. */
class SetlistServerTest {

    private static final String ADMIN = "test-admin-key";
    private static final String SECRET = "test-webhook-secret";

    @TempDir
    Path data;

    private Setlist start() {
        SetlistConfig config = ConfigLoader.load(Map.of(
                ConfigKey.PORT, "0", ConfigKey.HOST, "127.0.0.1", ConfigKey.DATA, data.toString(),
                ConfigKey.ADMIN_KEY, ADMIN, ConfigKey.WEBHOOK_SECRET, SECRET), null, Map.of(), Map.of());
        return Setlist.start(config, true, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private static String stopBody(String userId, String itemId, String userName) {
        return """
                {"NotificationType": "PlaybackStop", "UtcTimestamp": "2026-11-28T21:00:00.0000000Z",
                 "UserId": "%s", "NotificationUsername": "%s", "ItemId": "%s", "ItemType": "Movie",
                 "Name": "whatever", "RunTimeTicks": 60000000000, "PlaybackPositionTicks": 0,
                 "IsPaused": false, "IsAutomated": false, "PlayedToCompletion": true,
                 "DeviceName": "Den TV", "ClientName": "Jellyfin Web"}
                """.formatted(userId, userName, itemId);
    }

    @Test
    void aWebhookEventReachesThePlaylistAndSurvivesARestart() {
        String alexId;
        String finishedItem;
        long eventsBefore;
        try (Setlist setlist = start()) {
            Http http = new Http(setlist.baseUri());

            JsonNode health = http.get("api/health").json();
            assertThat(health.get("status").asText()).isEqualTo("ok");
            assertThat(health.get("database").get("status").asText()).isEqualTo("up");
            assertThat(health.get("catalog").asInt()).isGreaterThanOrEqualTo(500);
            assertThat(health.get("version").asText()).isNotBlank();
            eventsBefore = health.get("events").asLong();
            assertThat(eventsBefore).isGreaterThan(0);

            JsonNode users = http.get("api/users", "Authorization", "Bearer " + ADMIN).json();
            assertThat(users.size()).isGreaterThanOrEqualTo(4);
            alexId = idOf(users, "Alex");

            JsonNode before = http.get("api/users/" + alexId + "/playlist?length=10", "Authorization", "Bearer " + ADMIN).json();
            assertThat(before.get("items").size()).isEqualTo(10);
            finishedItem = before.get("items").get(0).get("itemId").asText();
            int basedOnBefore = before.get("basedOn").asInt();

            Http.Reply accepted = http.post("webhook/jellyfin", stopBody(alexId, finishedItem, "Alex"),
                    "Content-Type", "application/json", "X-Setlist-Secret", SECRET);
            assertThat(accepted.status()).isEqualTo(200);
            assertThat(accepted.json().get("duplicate").asBoolean()).isFalse();

            JsonNode after = http.get("api/users/" + alexId + "/playlist?length=10", "Authorization", "Bearer " + ADMIN).json();
            assertThat(itemIds(after)).as("a finished film is not offered again").doesNotContain(finishedItem);
            assertThat(after.get("basedOn").asInt()).isGreaterThanOrEqualTo(basedOnBefore);
            assertThat(http.get("api/health").json().get("events").asLong()).isEqualTo(eventsBefore + 1);

            Http.Reply again = http.post("webhook/jellyfin", stopBody(alexId, finishedItem, "Alex"),
                    "Content-Type", "text/plain; charset=utf-8", "X-Setlist-Secret", SECRET);
            assertThat(again.json().get("duplicate").asBoolean()).as("the same delivery twice is stored once").isTrue();
            assertThat(http.get("api/health").json().get("events").asLong()).isEqualTo(eventsBefore + 1);
        }

        try (Setlist restarted = start()) {
            Http http = new Http(restarted.baseUri());
            assertThat(http.get("api/health").json().get("events").asLong())
                    .as("the demo is not seeded twice and the event is still there").isEqualTo(eventsBefore + 1);
            JsonNode playlist = http.get("api/users/" + alexId + "/playlist?length=10", "Authorization", "Bearer " + ADMIN).json();
            assertThat(itemIds(playlist)).doesNotContain(finishedItem);
        }
    }

    @Test
    void refusesBadWebhooksAndStoresNothing() {
        try (Setlist setlist = start()) {
            Http http = new Http(setlist.baseUri());
            long events = http.get("api/health").json().get("events").asLong();
            String body = stopBody("aabbccddeeff00112233445566778899", "0123456789abcdef0123456789abcdef", "casey");

            Http.Reply noSecret = http.post("webhook/jellyfin", body, "Content-Type", "application/json");
            assertThat(noSecret.status()).isEqualTo(401);
            Http.Reply wrongSecret = http.post("webhook/jellyfin", body, "Content-Type", "application/json",
                    "X-Setlist-Secret", "guess");
            assertThat(wrongSecret.status()).isEqualTo(401);

            Http.Reply malformed = http.post("webhook/jellyfin", "{\"NotificationType\":", "Content-Type",
                    "application/json", "X-Setlist-Secret", SECRET);
            assertThat(malformed.status()).isEqualTo(400);
            assertThat(malformed.json().get("error").asText()).contains("not valid JSON");

            Http.Reply oversized = http.post("webhook/jellyfin", "{\"x\":\"" + "a".repeat(300_000) + "\"}",
                    "Content-Type", "application/json", "X-Setlist-Secret", SECRET);
            assertThat(oversized.status()).isEqualTo(413);

            assertThat(http.get("api/health").json().get("events").asLong()).isEqualTo(events);
        }
    }

    @Test
    void guardsTheApiAndServesThePage() {
        try (Setlist setlist = start()) {
            Http http = new Http(setlist.baseUri());
            assertThat(http.get("api/users").status()).isEqualTo(401);
            assertThat(http.get("api/users", "Authorization", "Bearer wrong").status()).isEqualTo(401);

            JsonNode users = http.get("api/users", "Authorization", "Bearer " + ADMIN).json();
            String someone = users.get(0).get("id").asText();
            Http.Reply tooLong = http.get("api/users/" + someone + "/playlist?length=10000", "Authorization", "Bearer " + ADMIN);
            assertThat(tooLong.status()).isEqualTo(400);
            assertThat(tooLong.json().get("error").asText()).contains("length");
            Http.Reply unknown = http.get("api/users/nobody/playlist", "Authorization", "Bearer " + ADMIN);
            assertThat(unknown.status()).isEqualTo(404);

            Http.Reply page = http.get("");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.contentType()).startsWith("text/html");
            assertThat(page.body()).contains("<title>Setlist</title>").contains("/ui/app.js");
            assertThat(http.get("ui/app.js").status()).isEqualTo(200);
            assertThat(http.get("ui/../pom.xml").status()).isEqualTo(404);
            assertThat(http.get("api/nothing-here", "Authorization", "Bearer " + ADMIN).status()).isEqualTo(404);

            assertThat(http.get("api/openapi.json").json().get("openapi").asText()).startsWith("3.1");
            assertThat(http.get("api/docs").body()).contains("swagger-ui-bundle.js");
            assertThat(http.get("api/docs/swagger-ui-bundle.js").status()).isEqualTo(200);
            assertThat(http.get("api/docs/../../pom.xml").status()).isEqualTo(404);
        }
    }

    @Test
    void aPersonsTokenReachesOnlyThatPerson() {
        try (Setlist setlist = start()) {
            Http http = new Http(setlist.baseUri());
            JsonNode users = http.get("api/users", "Authorization", "Bearer " + ADMIN).json();
            String alex = idOf(users, "Alex");
            String sam = idOf(users, "Sam");

            Http.Reply issued = http.post("api/users/" + alex + "/tokens?label=phone", "", "Authorization", "Bearer " + ADMIN);
            assertThat(issued.status()).isEqualTo(201);
            String token = issued.json().get("token").asText();
            assertThat(token).startsWith("st_").hasSizeGreaterThan(40);

            assertThat(http.get("api/users/" + alex + "/playlist?length=3", "Authorization", "Bearer " + token).status())
                    .isEqualTo(200);
            Http.Reply other = http.get("api/users/" + sam + "/playlist?length=3", "Authorization", "Bearer " + token);
            assertThat(other.status()).isEqualTo(403);
            assertThat(other.json().get("error").asText()).contains("another person");
            JsonNode visible = http.get("api/users", "Authorization", "Bearer " + token).json();
            assertThat(visible.size()).isEqualTo(1);
            assertThat(visible.get(0).get("id").asText()).isEqualTo(alex);

            assertThat(http.post("api/users/" + sam + "/tokens", "", "Authorization", "Bearer " + token).status())
                    .as("only the admin issues tokens").isEqualTo(403);
            assertThat(http.post("api/users/nobody/tokens", "", "Authorization", "Bearer " + ADMIN).status()).isEqualTo(404);
        }
    }

    private static String idOf(JsonNode users, String name) {
        for (JsonNode user : users) {
            if (user.get("name").asText().equals(name)) {
                return user.get("id").asText();
            }
        }
        throw new AssertionError("no user named " + name + " in " + users);
    }

    private static List<String> itemIds(JsonNode playlist) {
        List<String> ids = new ArrayList<>();
        playlist.get("items").forEach(item -> ids.add(item.get("itemId").asText()));
        return ids;
    }
}
