package dev.setlist.plugin.api;

import dev.setlist.plugin.Http;
import dev.setlist.plugin.Setlist;
import dev.setlist.plugin.config.ConfigKey;
import dev.setlist.plugin.config.ConfigLoader;
import dev.setlist.plugin.jellyfin.FakeJellyfin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Jellyfin access token as a Setlist credential, through the real server against the fake Jellyfin: it
 * stands for its user, is checked with {@code GET /Users/Me} once, and is refused when Jellyfin refuses it.
 */
class JellyfinTokenAuthTest {

    private static final String API_KEY = "0123456789abcdef0123456789abcdef";
    private static final String ALEX = "5f0b2c7e8d1a4c3b9e2f7a6b5c4d3e21";
    private static final String SAM = "aabbccddeeff00112233445566778899";
    private static final String GONE = "99887766554433221100ffeeddccbbaa";

    private static FakeJellyfin jellyfin;
    private static Setlist setlist;
    private static Http http;
    private static Path data;

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        jellyfin = new FakeJellyfin(API_KEY);
        jellyfin.addUser(new FakeJellyfin.User(ALEX, "Alex", false, true));
        jellyfin.addUser(new FakeJellyfin.User(SAM, "Sam", false, false));
        jellyfin.addUser(new FakeJellyfin.User(GONE, "Gone", true, false));
        jellyfin.addLibrary(6, 4, 2, Instant.parse("2026-10-01T12:00:00Z"));
        data = Files.createTempDirectory("setlist-jellyfin-tokens");
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.PORT, "0");
        flags.put(ConfigKey.HOST, "127.0.0.1");
        flags.put(ConfigKey.DATA, data.toString());
        flags.put(ConfigKey.ADMIN_KEY, "tokens-admin");
        flags.put(ConfigKey.WEBHOOK_SECRET, "tokens-secret");
        flags.put(ConfigKey.JELLYFIN_URL, jellyfin.baseUri().toString());
        flags.put(ConfigKey.JELLYFIN_API_KEY, API_KEY);
        flags.put(ConfigKey.PLAYLISTS_REFRESH, "");
        setlist = Setlist.start(ConfigLoader.load(flags, null, Map.of(), Map.of()), false,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        http = new Http(setlist.baseUri());
        Instant deadline = Instant.now().plusSeconds(20);
        while (http.get("api/health").json().get("users").asInt() < 2) {
            assertThat(Instant.now()).as("people synced").isBefore(deadline);
            Thread.sleep(50);
        }
    }

    @AfterAll
    static void stop() throws IOException {
        setlist.close();
        jellyfin.close();
        try (var files = Files.walk(data)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static long meCalls() {
        return jellyfin.requests("GET", "/Users/Me").size();
    }

    @Test
    void aJellyfinTokenStandsForItsUserAndIsAskedAboutOnce() {
        String token = jellyfin.userToken(SAM);
        long before = meCalls();
        Http.Reply users = http.get("api/users", "Authorization", "Bearer " + token);
        assertThat(users.status()).as(users.body()).isEqualTo(200);
        assertThat(users.json()).singleElement().satisfies(user -> assertThat(user.get("id").asText()).isEqualTo(SAM));
        assertThat(http.get("api/users/" + SAM + "/playlist?length=3", "Authorization", "Bearer " + token).status())
                .isEqualTo(200);
        assertThat(http.get("api/users/" + ALEX + "/playlist?length=3", "Authorization", "Bearer " + token).status())
                .as("another person's data").isEqualTo(403);
        assertThat(http.get("api/users/" + SAM + "/tuning", "Authorization", "Bearer " + token).status()).isEqualTo(200);
        assertThat(meCalls() - before).as("checked once, then remembered").isEqualTo(1);
        assertThat(jellyfin.requests("GET", "/Users/Me")).as("asked with the person's token, in Jellyfin's own header")
                .anySatisfy(asked -> assertThat(asked.authorization()).startsWith("MediaBrowser Token=\"" + token + "\""));
    }

    @Test
    void whatJellyfinRefusesSetlistRefuses() {
        Http.Reply unknown = http.get("api/users", "Authorization", "Bearer " + FakeJellyfin.newId());
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(http.get("api/users", "Authorization", "Bearer " + API_KEY).status())
                .as("Jellyfin's API key has no user (GET /Users/Me answers 400)").isEqualTo(401);
        assertThat(http.get("api/users", "Authorization", "Bearer " + jellyfin.userToken(GONE)).status())
                .as("a disabled account").isEqualTo(401);
        assertThat(http.get("api/users", "Authorization", "Bearer bad\"token, Client=\"x").status())
                .as("no token of Jellyfin's: not even sent").isEqualTo(401);
        long before = meCalls();
        assertThat(http.get("api/users", "Authorization", "Bearer st_notours").status()).isEqualTo(401);
        assertThat(meCalls()).as("Setlist's own token format is not Jellyfin's to judge").isEqualTo(before);
    }

    @Test
    void whenJellyfinCannotSayTheAnswerIs503AndTheTokenIsNotInIt() {
        String token = jellyfin.userToken(ALEX);
        jellyfin.failWith(500);
        try {
            Http.Reply reply = http.get("api/users", "Authorization", "Bearer " + token);
            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.body()).contains("Jellyfin").doesNotContain(token);
        } finally {
            jellyfin.failWith(0);
        }
        assertThat(http.get("api/users", "Authorization", "Bearer " + token).status())
                .as("an unanswered question is not remembered").isEqualTo(200);
    }
}
