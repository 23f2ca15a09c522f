package dev.setlist.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.setlist.plugin.config.ConfigKey;
import dev.setlist.plugin.config.ConfigLoader;
import dev.setlist.plugin.config.SetlistConfig;
import dev.setlist.plugin.jellyfin.FakeJellyfin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a self-hoster watching Setlist sees, on a real server beside a fake Jellyfin, with every secret set: the
 * log has one line per decision that matters (rule book swapped, model trained, playlist written) and never a
 * secret, even when wrong ones are presented; {@code /metrics} counts what happened and answers only to the
 * metrics token or the admin key; health says what is degraded and why.
 */
class OperationsTest {

    private static final String ADMIN = "admin-9f3b2c7e61d4";
    private static final String SECRET = "webhook-5a8e1d0c4b7f";
    private static final String API_KEY = "jellyfin-2c9d7e4a1f6b";
    private static final String METRICS = "metrics-7e1a4c9b2d5f";
    private static final String WRONG = "wrong-3d6f9a2c8e1b";
    private static final String ALEX = "0123456789abcdef0123456789abcdef";
    private static final String SAM = "aabbccddeeff00112233445566778899";

    @TempDir
    Path data;

    @TempDir
    Path rules;

    @Test
    void decisionsAreLoggedSecretsNeverAndMetricsCountWhatHappened() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        String personToken;
        try (FakeJellyfin jellyfin = new FakeJellyfin(API_KEY)) {
            jellyfin.addUser(new FakeJellyfin.User(ALEX, "Alex", false, true));
            jellyfin.addUser(new FakeJellyfin.User(SAM, "Sam", false, false));
            jellyfin.addLibrary(60, 60, 20, Instant.parse("2026-10-01T12:00:00Z"));
            System.setErr(new PrintStream(new Tee(captured, originalErr), true, StandardCharsets.UTF_8));
            Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
            flags.put(ConfigKey.PORT, "0");
            flags.put(ConfigKey.HOST, "127.0.0.1");
            flags.put(ConfigKey.DATA, data.toString());
            flags.put(ConfigKey.RULES, rules.toString());
            flags.put(ConfigKey.ADMIN_KEY, ADMIN);
            flags.put(ConfigKey.WEBHOOK_SECRET, SECRET);
            flags.put(ConfigKey.METRICS_TOKEN, METRICS);
            flags.put(ConfigKey.JELLYFIN_URL, jellyfin.baseUri().toString());
            flags.put(ConfigKey.JELLYFIN_API_KEY, API_KEY);
            flags.put(ConfigKey.PLAYLISTS_REFRESH, "For you@06:00");
            SetlistConfig config = ConfigLoader.load(flags, null, Map.of(), Map.of());
            try (Setlist setlist = Setlist.start(config, false, new PrintStream(console, true, StandardCharsets.UTF_8))) {
                Http http = new Http(setlist.baseUri());
                await(() -> http.get("api/health").json().get("users").asInt() == 2);

                // Wrong credentials everywhere: the presented values must not be echoed into the log either.
                assertThat(http.get("api/users", "Authorization", "Bearer " + WRONG).status()).isEqualTo(401);
                assertThat(http.post("webhook/jellyfin", "{}", "X-Setlist-Secret", WRONG).status()).isEqualTo(401);
                assertThat(http.get("metrics", "Authorization", "Bearer " + WRONG).status()).isEqualTo(401);
                assertThat(http.get("metrics").status()).isEqualTo(401);
                personToken = http.post("api/users/" + ALEX + "/tokens?label=phone", "", "Authorization", "Bearer " + ADMIN)
                        .json().get("token").asText();
                assertThat(http.get("metrics", "Authorization", "Bearer " + personToken).status())
                        .as("a person's token does not read the household's figures").isEqualTo(401);

                // Events: one accepted, one malformed, one too large.
                String item = firstItem(http);
                assertThat(http.post("webhook/jellyfin", stop(ALEX, item), "Content-Type", "application/json",
                        "X-Setlist-Secret", SECRET).status()).isEqualTo(200);
                assertThat(http.post("webhook/jellyfin", "{\"NotificationType\":", "X-Setlist-Secret", SECRET).status())
                        .isEqualTo(400);
                assertThat(http.post("webhook/jellyfin", "x".repeat(300_000), "X-Setlist-Secret", SECRET).status())
                        .isEqualTo(413);

                // A playlist, a rule book swapped by a save, a refused save, playlists written to Jellyfin.
                assertThat(http.get("api/users/" + ALEX + "/playlist?length=5", "Authorization", "Bearer " + personToken)
                        .status()).isEqualTo(200);
                Files.writeString(rules.resolve("drama.drl"), """
                        package curator
                        import dev.setlist.rules.model.*
                        rule "Curator: drama"
                        when
                            $item : Item( hasGenre("Drama") )
                        then
                            insert(Adjustment.boost($item, 20, "drama"));
                        end
                        """);
                await(() -> logged(captured).contains("rule book v1 live"));
                Files.writeString(rules.resolve("evil.drl"), "package curator\nrule \"evil\" when then System.exit(1); end\n");
                await(() -> http.get("api/health").json().get("status").asText().equals("degraded"));
                JsonNode health = http.get("api/health").json();
                assertThat(health.get("problems").toString()).contains("rules refused").contains("evil.drl:2")
                        .contains("'System' is not allowed").contains("v1 keeps serving");
                assertThat(http.post("api/playlists/refresh?name=For%20you", "", "Authorization", "Bearer " + ADMIN)
                        .json().get("queued").asInt()).isEqualTo(2);

                Http.Reply scraped = http.get("metrics", "Authorization", "Bearer " + METRICS);
                assertThat(scraped.status()).isEqualTo(200);
                assertThat(scraped.contentType()).startsWith("text/plain");
                String metrics = scraped.body();
                assertThat(value(metrics, "setlist_events_ingested_total")).isGreaterThanOrEqualTo(1);
                assertThat(value(metrics, "setlist_events_refused_total{reason=\"unauthorized\"}")).isEqualTo(1);
                assertThat(value(metrics, "setlist_events_refused_total{reason=\"malformed\"}")).isEqualTo(1);
                assertThat(value(metrics, "setlist_events_refused_total{reason=\"too_large\"}")).isEqualTo(1);
                assertThat(value(metrics, "setlist_playlist_seconds_count{kind=\"playlist\"}")).isGreaterThanOrEqualTo(1);
                assertThat(metrics).contains("setlist_playlist_seconds_bucket{kind=\"playlist\",le=\"0.1\"}");
                assertThat(value(metrics, "setlist_rules_evaluation_seconds_count")).isGreaterThanOrEqualTo(1);
                assertThat(value(metrics, "setlist_rules_reloads_total")).isGreaterThanOrEqualTo(1);
                assertThat(value(metrics, "setlist_rules_refusals_total")).isGreaterThanOrEqualTo(1);
                assertThat(value(metrics, "setlist_rules_up_to_date")).isZero();
                assertThat(value(metrics, "setlist_model_trainings_total")).isGreaterThanOrEqualTo(1);
                assertThat(value(metrics, "setlist_model_age_seconds")).isGreaterThanOrEqualTo(0);
                assertThat(value(metrics, "setlist_model_training_seconds")).isPositive();
                assertThat(value(metrics, "setlist_jellyfin_failures_total")).isZero();
                assertThat(value(metrics, "setlist_http_responses_total{status=\"4xx\"}")).isGreaterThanOrEqualTo(5);
                assertThat(metrics).contains("jvm_memory_used_bytes");
                assertThat(http.get("metrics", "Authorization", "Bearer " + ADMIN).status()).isEqualTo(200);

                jellyfin.failWith(500);
                http.post("api/playlists/refresh?name=For%20you", "", "Authorization", "Bearer " + ADMIN);
                String after = http.get("metrics", "Authorization", "Bearer " + ADMIN).body();
                assertThat(value(after, "setlist_jellyfin_failures_total")).isGreaterThanOrEqualTo(1);
                await(() -> http.get("api/health").json().get("problems").toString().contains("waiting for the media server"));
            }
        } finally {
            System.setErr(originalErr);
        }
        String log = logged(captured) + console.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("taste model trained").contains("rule book v1 live").contains("rule book refused")
                .contains("playlist 'For you' of Alex written");
        for (String secret : List.of(ADMIN, SECRET, API_KEY, METRICS, WRONG, personToken)) {
            assertThat(log).as("the log never holds a secret").doesNotContain(secret);
        }
    }

    private static String firstItem(Http http) {
        return http.get("api/users/" + ALEX + "/playlist?length=1", "Authorization", "Bearer " + ADMIN).json()
                .get("items").get(0).get("itemId").asText();
    }

    private static String stop(String userId, String itemId) {
        return """
                {"NotificationType": "PlaybackStop", "UtcTimestamp": "2026-11-28T21:00:00.0000000Z",
                 "UserId": "%s", "NotificationUsername": "Alex", "ItemId": "%s", "ItemType": "Movie",
                 "Name": "whatever", "RunTimeTicks": 60000000000, "PlaybackPositionTicks": 60000000000,
                 "IsPaused": false, "IsAutomated": false, "PlayedToCompletion": true,
                 "DeviceName": "Den TV", "ClientName": "Jellyfin Web"}
                """.formatted(userId, itemId);
    }

    /** The value of the first sample named exactly {@code name} (with its labels), or fails. */
    private static double value(String metrics, String name) {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + " (\\S+)$").matcher(metrics);
        assertThat(matcher.find()).as("a sample named " + name).isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    private static String logged(ByteArrayOutputStream captured) {
        synchronized (captured) {
            return captured.toString(StandardCharsets.UTF_8);
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met in 30 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** Writes to the capture and to the original stream. */
    private static final class Tee extends OutputStream {
        private final ByteArrayOutputStream capture;
        private final OutputStream original;

        Tee(ByteArrayOutputStream capture, OutputStream original) {
            this.capture = capture;
            this.original = original;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            synchronized (capture) {
                capture.write(b);
            }
            original.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws java.io.IOException {
            synchronized (capture) {
                capture.write(bytes, offset, length);
            }
            original.write(bytes, offset, length);
        }
    }
}
