package dev.setlist.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.setlist.plugin.jellyfin.FakeJellyfin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash recovery of the packaged jar as its own process: people finish plays fast enough that the model
 * retrains and saves a snapshot again and again; the senders stop, the interactions the live server holds
 * are read, and the process is killed with SIGKILL the moment a model save is under way (a temporary
 * snapshot file exists; if none shows within the wait, at once). After a restart on the same folder:
 * <ul>
 *   <li>every acknowledged event is in the log (re-posting its body is recognised as a duplicate);</li>
 *   <li>the model served at start is the last complete snapshot (the log says so), and no temporary file
 *       is left;</li>
 *   <li>the interactions rebuilt by replaying the log equal those the live server held before the kill.</li>
 * </ul>
 */
class KillDuringModelSaveIT {

    private static final String SECRET = "crash-secret";
    private static final String ADMIN = "crash-admin";
    private static final String KEY = "0123456789abcdef0123456789abcdef";
    private static final String USER = "7a0b2c7e8d1a4c3b9e2f7a6b5c4d3e21";

    @TempDir
    Path folder;

    @Test
    void acknowledgedEventsTheLastCompleteModelAndTheInteractionsSurviveAKillDuringASave() throws Exception {
        try (FakeJellyfin jellyfin = new FakeJellyfin(KEY)) {
            jellyfin.addUser(new FakeJellyfin.User(USER, "Robin", false, true));
            jellyfin.addLibrary(400, 400, 0, Instant.parse("2026-10-01T12:00:00Z"));
            int port = freePort();
            Http http = new Http(URI.create("http://127.0.0.1:" + port + "/"));
            Path models = folder.resolve("data").resolve("models");

            Process first = start(jellyfin, port, "first.log");
            List<String> acknowledged;
            JsonNode before;
            boolean duringSave;
            try {
                awaitHealthy(port, first, "first.log");
                acknowledged = playFast(port, 4, 60);
                assertThat(acknowledged).as("the plays were taken").hasSizeGreaterThan(200);
                before = signals(http);
                assertThat(before.get("signals")).as("the live server holds interactions").isNotEmpty();
                // One more event, a start on an item new to the catalog: no interaction changes, but the trainer
                // retrains for the grown catalog (after its cool-down) and saves: the kill waits for that save.
                acknowledged.add(post(http, newItemStart()));
                duringSave = killDuringASave(first, models);
            } finally {
                first.destroyForcibly();
                first.waitFor(20, TimeUnit.SECONDS);
            }
            System.out.println("KillDuringModelSaveIT: killed " + (duringSave
                    ? "while a model snapshot was being written" : "between model saves (none under way within the wait)"));

            Process second = start(jellyfin, port, "second.log");
            try {
                awaitHealthy(port, second, "second.log");
                assertThat(Files.readString(folder.resolve("second.log")))
                        .as("the last complete snapshot serves at start").contains("taste model restored from snapshot");
                try (Stream<Path> files = Files.list(models)) {
                    assertThat(files.map(file -> file.getFileName().toString()))
                            .as("no torn snapshot is left").noneMatch(name -> name.endsWith(".tmp"))
                            .anyMatch(name -> name.endsWith(".snapshot"));
                }
                assertThat(signals(http)).as("interactions rebuilt by replay equal the live ones before the kill")
                        .isEqualTo(before);
                List<String> lost = new ArrayList<>();
                for (String body : acknowledged) {
                    Http.Reply again = http.post("webhook/jellyfin", body, "Content-Type", "application/json",
                            "X-Setlist-Secret", SECRET);
                    if (again.status() != 200 || !again.json().get("duplicate").asBoolean()) {
                        lost.add(body);
                    }
                }
                assertThat(lost).as("acknowledged events missing after the kill").isEmpty();
            } finally {
                second.destroy();
                if (!second.waitFor(20, TimeUnit.SECONDS)) {
                    second.destroyForcibly();
                }
            }
        }
    }

    /** What the live server holds for the person: every play and rating with its weight, as JSON. */
    private static JsonNode signals(Http http) {
        return http.get("api/users/" + USER + "/insights/signals?days=365", "Authorization", "Bearer " + ADMIN).json();
    }

    private static String post(Http http, String body) {
        Http.Reply reply = http.post("webhook/jellyfin", body, "Content-Type", "application/json", "X-Setlist-Secret", SECRET);
        assertThat(reply.status()).isEqualTo(200);
        return body;
    }

    private static String newItemStart() {
        return String.format(Locale.ROOT, """
                {"NotificationType":"PlaybackStart","UtcTimestamp":"2026-11-26T10:00:00Z","UserId":"%s",
                 "NotificationUsername":"Robin","ItemId":"%s","ItemType":"Movie","Name":"A film Jellyfin added today",
                 "RunTimeTicks":60000000000,"PlaybackPositionTicks":0,"IsPaused":false,"DeviceId":"device-9",
                 "DeviceName":"TV 9","ClientName":"Jellyfin Web"}
                """, USER, "9e9e9e9e9e9e4e9e9e9e9e9e9e9e9e9e");
    }

    /**
     * Waits for a temporary snapshot file (a save under way) for up to sixty seconds, then kills. Retrainings are
     * at least 10 s apart, and a loaded CI machine trains slowly: thirty seconds sometimes missed the save.
     */
    private static boolean killDuringASave(Process process, Path models) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        boolean seen = false;
        while (!seen && System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.list(models)) {
                seen = files.anyMatch(file -> file.getFileName().toString().endsWith(".tmp"));
            } catch (IOException notYet) {
                // The folder appears with the first save.
            }
        }
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
        return seen;
    }

    /** {@code viewers} senders each finish {@code plays} plays (start then stop) as fast as they are answered. */
    private List<String> playFast(int port, int viewers, int plays) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        URI target = URI.create("http://127.0.0.1:" + port + "/webhook/jellyfin");
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        CountDownLatch done = new CountDownLatch(viewers);
        for (int v = 0; v < viewers; v++) {
            int viewer = v;
            Thread thread = new Thread(() -> {
                try {
                    for (int play = 0; play < plays; play++) {
                        for (String body : List.of(event(viewer, play, false), event(viewer, play, true))) {
                            HttpResponse<String> response = client.send(HttpRequest.newBuilder(target)
                                            .timeout(Duration.ofSeconds(30))
                                            .header("Content-Type", "application/json").header("X-Setlist-Secret", SECRET)
                                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() == 200) {
                                acknowledged.add(body);
                            }
                        }
                    }
                } catch (IOException e) {
                    // Counted by what was acknowledged.
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }, "play-" + viewer);
            thread.start();
        }
        assertThat(done.await(240, TimeUnit.SECONDS)).as("the plays finish").isTrue();
        return new ArrayList<>(acknowledged);
    }

    /** A start, or a stop that finished (two in three) or was abandoned, of the viewer's play {@code play}. */
    private static String event(int viewer, int play, boolean stop) {
        String item = FakeJellyfin.libraryId("movie", (viewer * 97 + play * 13) % 400);
        boolean finished = play % 3 != 2;
        long runTicks = (85 + (viewer * 97 + play * 13) % 400 % 60) * 600_000_000L;
        Instant at = Instant.parse("2026-11-20T10:00:00Z").plusSeconds(viewer * 50_000L + play * 1_000L + (stop ? 900 : 0));
        return String.format(Locale.ROOT, """
                {"NotificationType":"%s","UtcTimestamp":"%s","UserId":"%s","NotificationUsername":"Robin",
                 "ItemId":"%s","ItemType":"Movie","Name":"Film","RunTimeTicks":%d,"PlaybackPositionTicks":%d,
                 "IsPaused":false,"PlayedToCompletion":%b,"DeviceId":"device-%d","DeviceName":"TV %d","ClientName":"Jellyfin Web"}
                """, stop ? "PlaybackStop" : "PlaybackStart", at, USER, item, runTicks,
                stop ? (finished ? runTicks : runTicks / 3) : 0, stop && finished, viewer, viewer);
    }

    private Process start(FakeJellyfin jellyfin, int port, String log) throws IOException {
        Path jar = Path.of(System.getProperty("setlist.jar", "target/setlist.jar"));
        assertThat(jar).as("the packaged jar; run `mvn verify`").isRegularFile();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "serve", "--host", "127.0.0.1", "--port", String.valueOf(port),
                "--data", folder.resolve("data").toString(), "--admin-key", ADMIN, "--webhook-secret", SECRET,
                "--jellyfin-url", jellyfin.baseUri().toString(), "--playlists-refresh", "")
                .redirectErrorStream(true).redirectOutput(folder.resolve(log).toFile());
        builder.environment().put("SETLIST_JELLYFIN_API_KEY", KEY);
        return builder.start();
    }

    private void awaitHealthy(int port, Process process, String log) throws Exception {
        Http http = new Http(URI.create("http://127.0.0.1:" + port + "/"));
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            try {
                JsonNode health = http.get("api/health").json();
                if (health.get("catalog").asInt() >= 800) {
                    return;
                }
            } catch (AssertionError notYet) {
                // Not listening yet.
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Setlist did not become healthy; output:\n"
                + String.join("\n", Files.readAllLines(folder.resolve(log))));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
