package dev.setlist.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.setlist.plugin.config.ConfigKey;
import dev.setlist.plugin.config.ConfigLoader;
import dev.setlist.plugin.config.SetlistConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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
@ExtendWith(DemoServer.Extension.class)
class SetlistServerTest {

    private static final String ADMIN = "test-admin-key";
    private static final String SECRET = "test-webhook-secret";

    @TempDir
    Path data;

    private final DemoServer shared;

    SetlistServerTest(DemoServer shared) {
        this.shared = shared;
    }

    private Setlist start() {
        return start(data);
    }

    private Setlist start(Path data) {
        return start(data, Map.of());
    }

    private Setlist start(Path data, Map<ConfigKey, String> more) {
        Map<ConfigKey, String> flags = new java.util.EnumMap<>(Map.of(
                ConfigKey.PORT, "0", ConfigKey.HOST, "127.0.0.1", ConfigKey.DATA, data.toString(),
                ConfigKey.ADMIN_KEY, ADMIN, ConfigKey.WEBHOOK_SECRET, SECRET));
        flags.putAll(more);
        SetlistConfig config = ConfigLoader.load(flags, null, Map.of(), Map.of());
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
        long storedSeq;
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
            storedSeq = accepted.json().get("seq").asLong();

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

            Http.Reply late = http.post("webhook/jellyfin", stopBody(alexId, finishedItem, "Alex"),
                    "Content-Type", "application/json", "X-Setlist-Secret", SECRET);
            assertThat(late.json().get("duplicate").asBoolean()).as("a re-delivery after a restart").isTrue();
            assertThat(late.json().get("seq").asLong()).isEqualTo(storedSeq);

            // Without a UtcTimestamp the event takes the time it arrived, but its key is still the body's.
            String undated = stopBody(alexId, finishedItem, "Alex").replace("\"UtcTimestamp\": \"2026-11-28T21:00:00.0000000Z\",", "");
            Http.Reply once = http.post("webhook/jellyfin", undated, "Content-Type", "application/json", "X-Setlist-Secret", SECRET);
            Http.Reply twice = http.post("webhook/jellyfin", undated, "Content-Type", "application/json", "X-Setlist-Secret", SECRET);
            assertThat(once.json().get("duplicate").asBoolean()).isFalse();
            assertThat(twice.json().get("duplicate").asBoolean()).isTrue();
            assertThat(twice.json().get("seq").asLong()).isEqualTo(once.json().get("seq").asLong());
        }
    }

    @Test
    void refusesBadWebhooksAndStoresNothing() {
        Http http = shared.http();
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

    @Test
    void guardsTheApiAndServesThePage() {
        Http http = shared.http();
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

    @Test
    void aPersonsTokenReachesOnlyThatPerson() {
        Http http = shared.http();
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

    @Test
    void withSeriesInOrderAPlaylistOffersEachSeriesOnceAndSaysWhichEpisodeIsNext() {
        // Without the setting, a long video playlist offers several episodes of some series; at most one of them
        // can be the one Alex is up to.
        Map<String, List<String>> episodesBySeries = new java.util.TreeMap<>();
        String alex;
        try (Setlist setlist = start()) {
            Http http = new Http(setlist.baseUri());
            alex = idOf(http.get("api/users", "Authorization", "Bearer " + ADMIN).json(), "Alex");
            JsonNode anyOrder = http.get("api/users/" + alex + "/playlist?length=60&media=video", "Authorization",
                    "Bearer " + ADMIN).json();
            anyOrder.get("items").forEach(item -> {
                if (item.get("kind").asText().equals("episode")) {
                    episodesBySeries.computeIfAbsent(item.get("seriesName").asText(), name -> new ArrayList<>())
                            .add(item.get("itemId").asText());
                }
            });
        }
        List<String> several = episodesBySeries.values().stream().filter(ids -> ids.size() > 1).findFirst()
                .orElseThrow(() -> new AssertionError("no series offered twice: " + episodesBySeries));

        try (Setlist setlist = start(data, Map.of(ConfigKey.TUNING_SERIES_IN_ORDER, "true"))) {
            Http http = new Http(setlist.baseUri());
            JsonNode inOrder = http.get("api/users/" + alex + "/playlist?length=60&media=video", "Authorization",
                    "Bearer " + ADMIN).json();
            List<String> series = new ArrayList<>();
            inOrder.get("items").forEach(item -> {
                if (item.get("kind").asText().equals("episode")) {
                    series.add(item.get("seriesName").asText());
                }
            });
            assertThat(series).as("one episode per series").doesNotHaveDuplicates();

            long heldBack = several.stream().filter(itemId -> {
                JsonNode why = http.get("api/users/" + alex + "/items/" + itemId + "/why?length=60&media=video",
                        "Authorization", "Bearer " + ADMIN).json();
                boolean waits = why.get("notes").toString().contains("series are kept in order");
                assertThat(why.get("inPlaylist").asBoolean() && waits).as(why.toString()).isFalse();
                return waits;
            }).count();
            assertThat(heldBack).as("of %s episodes of one series, all but the next wait", several.size())
                    .isGreaterThanOrEqualTo(several.size() - 1L);
        }
    }

    @Test
    void playlistsFollowModeMediaAndParameters() {
        Http http = shared.http();
        JsonNode users = http.get("api/users", "Authorization", "Bearer " + ADMIN).json();
        String alex = idOf(users, "Alex");
        String robin = idOf(users, "Robin");

        JsonNode kids = http.get("api/users/" + robin + "/playlist?length=15&media=video", "Authorization", "Bearer " + ADMIN).json();
        assertThat(kids.get("mode").get("name").asText()).isEqualTo("kids");
        assertThat(kids.get("mode").get("explicit").asBoolean()).isTrue();
        assertThat(kids.get("items").size()).isPositive();
        kids.get("items").forEach(item -> assertThat(item.get("parentalRating").asText())
                .as(item.get("title").asText()).isIn("G", "PG", "TV-Y", "TV-Y7", "TV-G", "TV-PG"));

        JsonNode music = http.get("api/users/" + alex + "/playlist?length=10&media=music", "Authorization", "Bearer " + ADMIN).json();
        assertThat(music.get("media").asText()).isEqualTo("music");
        assertThat(music.get("items").size()).isEqualTo(10);
        music.get("items").forEach(item -> assertThat(item.get("kind").asText()).isEqualTo("track"));
        assertThat(music.get("items").get(0).get("position").asInt()).isEqualTo(1);

        JsonNode video = http.get("api/users/" + alex + "/playlist?length=10&media=video&mode=kids", "Authorization", "Bearer " + ADMIN).json();
        video.get("items").forEach(item -> assertThat(item.get("kind").asText()).isIn("movie", "episode"));
        assertThat(video.get("mode").get("name").asText()).isEqualTo("kids");

        assertBadParameter(http, alex, "length=0", "length");
        assertBadParameter(http, alex, "length=10000", "length");
        assertBadParameter(http, alex, "mode=disco", "mode");
        assertBadParameter(http, alex, "exploration=2.0", "exploration");
        assertBadParameter(http, alex, "diversity=-1", "diversity");
        assertBadParameter(http, alex, "media=books", "media");
        assertBadParameter(http, alex, "time=tonight", "time");
        assertBadParameter(http, alex, "colour=blue", "colour");
    }

    @Test
    void feedbackTeachesAtOnceAndReplansTheSession() {
        Http http = shared.http();
        String auth = "Bearer " + ADMIN;
        String jordan = idOf(http.get("api/users", "Authorization", auth).json(), "Jordan");
        String feedbackPath = "api/users/" + jordan + "/feedback";

        JsonNode offered = http.get("api/users/" + jordan + "/playlist?length=12&media=music&exploration=0.5", "Authorization", auth).json();
        List<String> ids = itemIds(offered);
        String first = ids.get(0);
        String second = ids.get(1);

        JsonNode skipped = http.post(feedbackPath, "{\"itemId\":\"" + first + "\",\"feedback\":\"skipped\"}",
                "Authorization", auth, "Content-Type", "application/json").json();
        assertThat(skipped.get("offered").asBoolean()).isTrue();
        JsonNode again = http.post(feedbackPath, "{\"itemId\":\"" + second + "\",\"feedback\":\"skipped\",\"remaining\":8,\"media\":\"music\"}",
                "Authorization", auth, "Content-Type", "application/json").json();
        JsonNode remainder = again.get("remainder");
        assertThat(remainder.get("items").size()).isEqualTo(8);
        assertThat(itemIds(remainder)).doesNotContain(first, second);
        assertThat(remainder.toString()).as("the rest of the session moves away from the skips").contains("which you skipped");

        String wildcard = null;
        for (JsonNode item : offered.get("items")) {
            if (item.get("wildcard").asBoolean()) {
                wildcard = item.get("itemId").asText();
            }
        }
        assertThat(wildcard).as("exploration 0.5 offers a wildcard").isNotNull();
        double before = http.post(feedbackPath, "{\"itemId\":\"" + ids.get(2) + "\",\"feedback\":\"liked\"}",
                "Authorization", auth, "Content-Type", "application/json").json().get("explorationRate").asDouble();
        double after = http.post(feedbackPath, "{\"itemId\":\"" + wildcard + "\",\"feedback\":\"wildcard_taken\"}",
                "Authorization", auth, "Content-Type", "application/json").json().get("explorationRate").asDouble();
        assertThat(after).as("taking a wildcard raises the exploration rate").isGreaterThan(before);

        String notOffered = itemIds(http.get("api/users/" + jordan + "/playlist?length=5&media=video", "Authorization", auth).json()).get(4);
        JsonNode disliked = http.post(feedbackPath, "{\"itemId\":\"" + notOffered + "\",\"feedback\":\"disliked\"}",
                "Authorization", auth, "Content-Type", "application/json").json();
        assertThat(disliked.has("remainder")).isFalse();
        assertThat(itemIds(http.get("api/users/" + jordan + "/playlist?length=40&media=video", "Authorization", auth).json()))
                .as("a disliked item is not offered again").doesNotContain(notOffered);

        assertThat(http.post(feedbackPath, "{\"itemId\":\"ffffffffffffffffffffffffffffffff\",\"feedback\":\"liked\"}",
                "Authorization", auth).status()).isEqualTo(404);
        Http.Reply badKind = http.post(feedbackPath, "{\"itemId\":\"" + first + "\",\"feedback\":\"meh\"}", "Authorization", auth);
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.json().get("error").asText()).contains("feedback");
        assertThat(http.post(feedbackPath, "{\"feedback\":\"liked\"}", "Authorization", auth).json().get("error").asText())
                .contains("itemId");
        assertThat(http.post(feedbackPath, "{\"itemId\":", "Authorization", auth).status()).isEqualTo(400);
        assertThat(http.post(feedbackPath, "{\"itemId\":\"x\",\"feedback\":\"liked\",\"extra\":1}", "Authorization", auth)
                .json().get("error").asText()).contains("extra");
    }

    private static void assertBadParameter(Http http, String userId, String query, String named) {
        Http.Reply reply = http.get("api/users/" + userId + "/playlist?" + query, "Authorization", "Bearer " + ADMIN);
        assertThat(reply.status()).as(query).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).as(query).contains(named);
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
