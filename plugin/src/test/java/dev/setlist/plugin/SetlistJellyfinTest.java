package dev.setlist.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.setlist.plugin.config.ConfigKey;
import dev.setlist.plugin.config.ConfigLoader;
import dev.setlist.plugin.config.SetlistConfig;
import dev.setlist.plugin.jellyfin.FakeJellyfin;
import dev.setlist.plugin.jellyfin.FakeWebhooks;
import dev.setlist.plugin.jellyfin.JellyfinServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * End to end: the real Setlist server, started as {@code serve} with a Jellyfin URL and API key,
 * against {@link FakeJellyfin} (as unkind as Jellyfin) and the Webhook plugin's bodies from
 * {@link FakeWebhooks}: catalog and people synced, plays turned into honest weights, favourites,
 * playlists written private and replaced by their exact entry ids, found again after a restart.
 */
class SetlistJellyfinTest {

    private static final String ADMIN = "e2e-admin";
    private static final String SECRET = "e2e-secret";
    private static final String API_KEY = "0123456789abcdef0123456789abcdef";
    private static final String ALEX = "5f0b2c7e8d1a4c3b9e2f7a6b5c4d3e21";
    private static final String SAM = "aabbccddeeff00112233445566778899";
    private static final Instant ADDED = Instant.parse("2026-10-01T12:00:00Z");

    @TempDir
    Path data;

    private FakeJellyfin jellyfin;

    @BeforeEach
    void jellyfin() throws IOException {
        jellyfin = new FakeJellyfin(API_KEY);
        jellyfin.addUser(new FakeJellyfin.User(ALEX, "Alex", false, true));
        jellyfin.addUser(new FakeJellyfin.User(SAM, "Sam", false, false));
        jellyfin.addLibrary(100, 150, 50, ADDED);
    }

    @AfterEach
    void stopJellyfin() {
        jellyfin.close();
    }

    private Setlist start() {
        return start(Map.of(), true);
    }

    private Setlist start(Map<ConfigKey, String> extra) {
        return start(extra, true);
    }

    /**
     * Starts Setlist and waits for its first sync to finish: on a first run, that is once both people's
     * history was read (the last Jellyfin calls of the sync), so that no test races the sync's tail.
     */
    private Setlist start(Map<ConfigKey, String> extra, boolean firstRun) {
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.PORT, "0");
        flags.put(ConfigKey.HOST, "127.0.0.1");
        flags.put(ConfigKey.DATA, data.toString());
        flags.put(ConfigKey.ADMIN_KEY, ADMIN);
        flags.put(ConfigKey.WEBHOOK_SECRET, SECRET);
        flags.put(ConfigKey.JELLYFIN_URL, jellyfin.baseUri().toString());
        flags.put(ConfigKey.JELLYFIN_API_KEY, API_KEY);
        flags.put(ConfigKey.SIGNALS_TIMEZONE, "UTC");
        flags.put(ConfigKey.PLAYLISTS_REFRESH, "");
        flags.putAll(extra);
        SetlistConfig config = ConfigLoader.load(flags, null, Map.of(), Map.of());
        Setlist setlist = Setlist.start(config, false, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        Http http = new Http(setlist.baseUri());
        await("the catalog and people synced", () -> {
            JsonNode health = http.get("api/health").json();
            return health.get("catalog").asInt() == 300 && health.get("users").asInt() == 2;
        });
        if (firstRun) {
            await("both histories imported", () -> jellyfin.requests("GET", "/Items").stream()
                    .filter(request -> "IsFavoriteOrLikes".equals(request.query().get("filters"))).count() == 2);
        }
        return setlist;
    }

    private static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static FakeWebhooks webhooks(Setlist setlist, FakeJellyfin jellyfin, FakeWebhooks.Mode mode, Instant start) {
        return new FakeWebhooks(jellyfin, URI.create(setlist.baseUri() + "webhook/jellyfin"), SECRET, mode,
                mode == FakeWebhooks.Mode.SEND_ALL, start);
    }

    private static JsonNode interactions(Http http, String userId) {
        return http.get("api/privacy/" + userId + "/export", "Authorization", "Bearer " + ADMIN).json().get("interactions");
    }

    @Test
    void syncsTheCatalogAndPeopleWithOnlyTheMediaBrowserHeader() {
        try (Setlist setlist = start()) {
            Http http = new Http(setlist.baseUri());
            JsonNode health = http.get("api/health").json();
            assertThat(health.get("status").asText()).isEqualTo("ok");
            assertThat(health.get("mediaServer").asText()).startsWith("jellyfin http://127.0.0.1:");
            JsonNode users = http.get("api/users", "Authorization", "Bearer " + ADMIN).json();
            assertThat(users).extracting(user -> user.get("name").asText()).containsExactly("Alex", "Sam");

            assertThat(jellyfin.requests()).isNotEmpty().allSatisfy(request -> {
                assertThat(request.authorization()).startsWith("MediaBrowser Token=\"" + API_KEY + "\"");
                assertThat(request.query()).doesNotContainKeys("apikey", "api_key");
            });
            assertThat(jellyfin.requests("GET", "/Items")).anySatisfy(request ->
                    assertThat(request.query().get("fields")).contains("Genres", "Tags", "Studios", "People",
                            "DateCreated", "ProviderIds"));
        }
    }

    @Test
    void aTemplateModeViewingBecomesOneInteractionWithTheExpectedWeight() {
        try (Setlist setlist = start()) {
            Http http = new Http(setlist.baseUri());
            String episode = FakeJellyfin.libraryId("episode", 3);
            FakeWebhooks hooks = webhooks(setlist, jellyfin, FakeWebhooks.Mode.TEMPLATE, Instant.parse("2026-11-27T20:00:00Z"));

            FakeWebhooks.Session session = hooks.start(episode, "Living Room TV", "Jellyfin Android TV", ALEX);
            session.play(Duration.ofSeconds(30)).pause();
            hooks.advance(Duration.ofMinutes(4));
            session.resume().playSilently(Duration.ofSeconds(1440 - 30)).stop();

            assertThat(hooks.statuses()).as("every body accepted").containsOnly(200);
            assertThat(hooks.statuses().size()).isGreaterThanOrEqualTo(36);
            JsonNode interaction = interactions(http, ALEX).get(episode);
            assertThat(interaction.get("plays").asInt()).isEqualTo(1);
            assertThat(interaction.get("finished").asBoolean()).isFalse();
            assertThat(interaction.get("weight").asDouble()).isCloseTo(0.6 * 0.7, within(1e-9));
            assertThat(interaction.get("evidence")).hasSize(1);
            assertThat(interaction.get("evidence").get(0).get("kind").asText()).isEqualTo("ABANDONED");
        }
    }

    @Test
    void aNightOfFiveAutoplayedEpisodesCountsNothingAndAFavouriteArrives() {
        try (Setlist setlist = start()) {
            Http http = new Http(setlist.baseUri());
            FakeWebhooks hooks = webhooks(setlist, jellyfin, FakeWebhooks.Mode.SEND_ALL, Instant.parse("2026-11-27T23:20:00Z"));
            List<String> episodes = new ArrayList<>();
            for (int index = 20; index < 25; index++) {
                String episode = FakeJellyfin.libraryId("episode", index);
                episodes.add(episode);
                FakeWebhooks.Session session = hooks.start(episode, "Bedroom TV", "Jellyfin Android TV", SAM);
                session.play(Duration.ofSeconds(20)).playSilently(Duration.ofSeconds(2400 - 20)).stop();
                hooks.advance(Duration.ofSeconds(8));
            }
            assertThat(hooks.statuses()).containsOnly(200);
            JsonNode interactions = interactions(http, SAM);
            List<Double> weights = episodes.stream().map(id -> interactions.get(id).get("weight").asDouble()).toList();
            assertThat(weights).as("the chain went past two items: nobody was watching, the first two neither")
                    .containsOnly(0.0);
            JsonNode discount = interactions.get(episodes.get(4)).get("evidence").get(0).get("discounts").get(0);
            assertThat(discount.get("kind").asText()).isEqualTo("SLEEPY_VIEWER");
            assertThat(discount.get("reason").asText()).contains("late at night");

            String film = FakeJellyfin.libraryId("movie", 7);
            hooks.favourite(SAM, film, true);
            JsonNode favourite = interactions(http, SAM).get(film);
            assertThat(favourite.get("favourite").asBoolean()).isTrue();
            assertThat(favourite.get("disliked").asBoolean()).as("Likes=false with Rating 0 is no dislike").isFalse();
            assertThat(favourite.get("weight").asDouble()).isEqualTo(2.0);
        }
    }

    @Test
    void writesAPrivatePlaylistThenReplacesItItemByItemAndFindsItAfterARestart() {
        String playlistId;
        List<String> first;
        try (Setlist setlist = start()) {
            Http http = new Http(setlist.baseUri());
            JsonNode refreshed = http.post("api/playlists/refresh?name=For%20you", "", "Authorization", "Bearer " + ADMIN).json();
            assertThat(refreshed.get("queued").asInt()).isEqualTo(2);
            assertThat(refreshed.get("results")).allSatisfy(result -> assertThat(result.get("serverId").asText()).isNotBlank());

            FakeJellyfin.Playlist created = jellyfin.playlists().stream().filter(p -> p.owner.equals(ALEX)).findFirst().orElseThrow();
            assertThat(created.name).isEqualTo(JellyfinServer.PLAYLIST_PREFIX + "For you");
            assertThat(created.openAccess).as("never the DTO's IsPublic=true default").isFalse();
            assertThat(created.entries).isNotEmpty().allSatisfy(id ->
                    assertThat(jellyfin.item(id).mediaType()).isEqualTo(created.mediaType));
            assertThat(jellyfin.requests("POST", "/Playlists")).allSatisfy(request ->
                    assertThat(request.body()).contains("\"IsPublic\":false").contains("\"MediaType\":\"" + created.mediaType + "\""));
            playlistId = created.id;
            first = List.copyOf(created.entries);

            FakeWebhooks hooks = webhooks(setlist, jellyfin, FakeWebhooks.Mode.SEND_ALL, Instant.parse("2026-11-28T18:00:00Z"));
            String watched = first.get(0);
            FakeWebhooks.Session session = hooks.start(watched, "Den TV", "Jellyfin Web", ALEX);
            long runtime = jellyfin.item(watched).runTimeTicks() / 10_000_000L;
            session.play(Duration.ofSeconds(5)).playSilently(Duration.ofSeconds(runtime)).stop();

            jellyfin.clearRequests();
            http.post("api/playlists/refresh?name=For%20you", "", "Authorization", "Bearer " + ADMIN);
            List<FakeJellyfin.Request> removals = jellyfin.requests("DELETE", "/Playlists/" + playlistId + "/Items");
            assertThat(removals).hasSize(1);
            assertThat(removals.get(0).query().get("entryids").split(",")).containsExactlyElementsOf(first);
            assertThat(jellyfin.requests("POST", "/Playlists/" + playlistId + "/Items")).singleElement()
                    .satisfies(add -> assertThat(add.query().get("userid")).isEqualTo(ALEX));
            assertThat(jellyfin.entries(playlistId)).isNotEmpty().doesNotContain(watched);
        }
        try (Setlist restarted = start(Map.of(), false)) {
            Http http = new Http(restarted.baseUri());
            http.post("api/playlists/refresh?name=For%20you", "", "Authorization", "Bearer " + ADMIN);
            assertThat(jellyfin.playlists()).as("found again, not duplicated").hasSize(2);
            assertThat(jellyfin.playlists()).extracting(p -> p.id).contains(playlistId);
        }
    }

    @Test
    void aFailingJellyfinKeepsPlaylistWritesAndHealthSaysSo() {
        try (Setlist setlist = start()) {
            Http http = new Http(setlist.baseUri());
            jellyfin.failWith(503);
            JsonNode refreshed = http.post("api/playlists/refresh?name=For%20you", "", "Authorization", "Bearer " + ADMIN).json();
            assertThat(refreshed.get("results")).allSatisfy(result -> assertThat(result.get("error").asText()).contains("503"));
            JsonNode health = http.get("api/health").json();
            assertThat(health.get("status").asText()).isEqualTo("degraded");
            assertThat(health.get("problems").get(0).asText()).contains("playlist write").contains("503");
            assertThat(http.get("api/playlists/outbox", "Authorization", "Bearer " + ADMIN).json()).hasSize(2);

            jellyfin.failWith(0);
            http.post("api/playlists/refresh?name=For%20you", "", "Authorization", "Bearer " + ADMIN);
            assertThat(http.get("api/playlists/outbox", "Authorization", "Bearer " + ADMIN).json()).isEmpty();
            assertThat(jellyfin.playlists()).hasSize(2);
            assertThat(http.get("api/health").json().get("status").asText()).isEqualTo("ok");
        }
    }

    @Test
    void itemsAddedAndDeletedAreAppliedAndAnUnknownItemIsFetched() {
        try (Setlist setlist = start()) {
            Http http = new Http(setlist.baseUri());
            FakeWebhooks hooks = webhooks(setlist, jellyfin, FakeWebhooks.Mode.SEND_ALL, Instant.parse("2026-11-28T10:00:00Z"));
            FakeJellyfin.Item template = jellyfin.item(FakeJellyfin.libraryId("movie", 1));
            String added = FakeJellyfin.newId();
            jellyfin.addItem(new FakeJellyfin.Item(added, "Brand New", "Movie", "Video", template.runTimeTicks(), 2026,
                    List.of("Drama"), List.of("festival"), List.of("A24"), List.of("Someone"), Instant.now(),
                    Map.of(), null, null, null, null, null, null, null, null, Instant.now()));
            hooks.itemAdded(added);
            await("the added item", () -> http.get("api/health").json().get("catalog").asInt() == 301);

            String unannounced = FakeJellyfin.newId();
            jellyfin.addItem(new FakeJellyfin.Item(unannounced, "Not Yet Announced", "Movie", "Video",
                    template.runTimeTicks(), 2026, List.of("Comedy"), List.of("new"), List.of(), List.of(), Instant.now(),
                    Map.of(), null, null, null, null, null, null, null, null, Instant.now()));
            hooks.start(unannounced, "Den TV", "Jellyfin Web", ALEX).play(Duration.ofSeconds(3)).stop();
            await("the unknown item fetched", () -> jellyfin.requests("GET", "/Items").stream()
                    .anyMatch(request -> unannounced.equals(request.query().get("ids"))));
            assertThat(http.get("api/health").json().get("catalog").asInt()).isEqualTo(302);

            FakeJellyfin.Item gone = jellyfin.item(added);
            jellyfin.removeItem(added);
            hooks.itemDeleted(gone);
            await("the deleted item removed", () -> http.get("api/health").json().get("catalog").asInt() == 301);
        }
    }

    @Test
    void aPausedHistoryIsCountedNotRecordedAndDeletionRemovesEverything() {
        try (Setlist setlist = start()) {
            Http http = new Http(setlist.baseUri());
            FakeWebhooks hooks = webhooks(setlist, jellyfin, FakeWebhooks.Mode.SEND_ALL, Instant.parse("2026-11-28T10:00:00Z"));
            String film = FakeJellyfin.libraryId("movie", 2);
            hooks.start(film, "Den TV", "Jellyfin Web", SAM).play(Duration.ofSeconds(2)).stop();
            long events = http.get("api/health").json().get("events").asLong();

            http.post("api/privacy/" + SAM + "/pause", "", "Authorization", "Bearer " + ADMIN);
            hooks.start(film, "Den TV", "Jellyfin Web", SAM).play(Duration.ofSeconds(2)).stop();
            assertThat(http.get("api/health").json().get("events").asLong()).isEqualTo(events);
            JsonNode status = http.get("api/privacy/" + SAM, "Authorization", "Bearer " + ADMIN).json();
            assertThat(status.get("paused").asBoolean()).isTrue();
            assertThat(status.get("unrecordedEvents").asLong()).isEqualTo(6);

            JsonNode export = http.get("api/privacy/" + SAM + "/export", "Authorization", "Bearer " + ADMIN).json();
            assertThat(export.get("user").get("name").asText()).isEqualTo("Sam");
            assertThat(export.get("events").size()).isGreaterThan(0);

            Http.Reply deleted = new Http(setlist.baseUri()).delete("api/privacy/" + SAM, "Authorization", "Bearer " + ADMIN);
            assertThat(deleted.status()).isEqualTo(200);
            assertThat(deleted.json().get("events").asLong()).isEqualTo(export.get("events").size());
            assertThat(http.get("api/privacy/" + SAM, "Authorization", "Bearer " + ADMIN).json().get("recordedEvents").asLong())
                    .isZero();
            assertThat(interactions(http, SAM)).isEmpty();
            assertThat(http.get("api/users", "Authorization", "Bearer " + ADMIN).json())
                    .extracting(user -> user.get("name").asText()).containsExactly("Alex");

            http.post("api/privacy/" + SAM + "/resume", "", "Authorization", "Bearer " + ADMIN);
            hooks.start(film, "Den TV", "Jellyfin Web", SAM).play(Duration.ofSeconds(1)).stop();
            assertThat(http.get("api/users", "Authorization", "Bearer " + ADMIN).json())
                    .as("a deleted person who plays again is recorded afresh")
                    .extracting(user -> user.get("name").asText()).containsExactly("Alex", "Sam");
        }
    }

    @Test
    void followsJellyfinsSessionFeedWhenThereIsNoWebhookPlugin() {
        try (Setlist setlist = start(Map.of(ConfigKey.JELLYFIN_EVENTS, "websocket"))) {
            Http http = new Http(setlist.baseUri());
            await("subscribed to the session feed", () -> jellyfin.sessions().subscribers() == 1);
            FakeWebhooks hooks = webhooks(setlist, jellyfin, FakeWebhooks.Mode.SEND_ALL, Instant.parse("2026-11-28T19:00:00Z"))
                    .withoutPlugin();
            String film = FakeJellyfin.libraryId("movie", 9);
            long runtime = jellyfin.item(film).runTimeTicks() / 10_000_000L;
            hooks.start(film, "Den TV", "Jellyfin Web", ALEX, SAM).play(Duration.ofSeconds(10))
                    .playSilently(Duration.ofSeconds(runtime * 95 / 100)).report().stop();
            await("both people's play counted", () -> interactions(http, ALEX).has(film) && interactions(http, SAM).has(film));
            assertThat(interactions(http, ALEX).get(film).get("finished").asBoolean()).isTrue();
            assertThat(interactions(http, SAM).get(film).get("weight").asDouble()).isEqualTo(1.0);

            String episode = FakeJellyfin.libraryId("episode", 40);
            hooks.start(episode, "Kitchen Tablet", "Jellyfin Web", ALEX).mute(true).play(Duration.ofSeconds(4))
                    .playSilently(Duration.ofSeconds(2300)).report().stop();
            await("the muted play counted", () -> interactions(http, ALEX).has(episode));
            JsonNode muted = interactions(http, ALEX).get(episode);
            assertThat(muted.get("evidence").get(0).get("discounts").get(0).get("kind").asText()).isEqualTo("MUTED");
            assertThat(muted.get("weight").asDouble()).isCloseTo(0.7 * 0.25, within(1e-9));

            jellyfin.sessions().dropConnections();
            await("reconnected after Jellyfin dropped the socket", () -> jellyfin.sessions().subscribers() == 1
                    && http.get("api/health").json().get("status").asText().equals("ok"));
            assertThat(jellyfin.sessions().connections()).isGreaterThanOrEqualTo(2);
        }
    }
}
