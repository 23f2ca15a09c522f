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
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The honest durability test: the packaged jar runs as its own process ({@code serve} against the fake
 * Jellyfin), four senders post progress events as fast as it takes them, the process is killed
 * ({@code destroyForcibly}, SIGKILL: no shutdown hook) in the middle of the burst, restarted on the
 * same data folder, and every event that was acknowledged with 200 must be in the log: re-posting its
 * exact body is recognised as a duplicate.
 */
class KillDuringBurstIT {

    private static final String SECRET = "burst-secret";
    private static final String KEY = "0123456789abcdef0123456789abcdef";
    private static final String USER = "5f0b2c7e8d1a4c3b9e2f7a6b5c4d3e21";

    @TempDir
    Path folder;

    @Test
    void everyAcknowledgedEventSurvivesAKill() throws Exception {
        try (FakeJellyfin jellyfin = new FakeJellyfin(KEY)) {
            jellyfin.addUser(new FakeJellyfin.User(USER, "Alex", false, true));
            jellyfin.addLibrary(20, 20, 0, Instant.parse("2026-10-01T12:00:00Z"));
            int port = freePort();
            Process first = start(jellyfin, port, "first.log");
            List<String> acknowledged;
            try {
                awaitHealthy(port, first, "first.log");
                acknowledged = burstThenKill(port, first);
            } finally {
                first.destroyForcibly();
                first.waitFor(20, TimeUnit.SECONDS);
            }
            assertThat(acknowledged).as("the burst got going before the kill").hasSizeGreaterThan(50);

            Process second = start(jellyfin, port, "second.log");
            try {
                awaitHealthy(port, second, "second.log");
                Http http = new Http(URI.create("http://127.0.0.1:" + port + "/"));
                assertThat(http.get("api/health").json().get("events").asLong()).isGreaterThanOrEqualTo(acknowledged.size());
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

    private List<String> burstThenKill(int port, Process process) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        URI target = URI.create("http://127.0.0.1:" + port + "/webhook/jellyfin");
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicBoolean killed = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(4);
        for (int sender = 0; sender < 4; sender++) {
            int viewer = sender;
            Thread thread = new Thread(() -> {
                try {
                    for (int tick = 0; tick < 100_000 && !Thread.currentThread().isInterrupted(); tick++) {
                        String body = progress(viewer, tick);
                        try {
                            HttpResponse<String> response = client.send(HttpRequest.newBuilder(target)
                                    .timeout(Duration.ofSeconds(5))
                                    .header("Content-Type", "application/json").header("X-Setlist-Secret", SECRET)
                                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() == 200) {
                                acknowledged.add(body);
                            }
                        } catch (IOException e) {
                            if (killed.get()) {
                                return;
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }, "burst-" + sender);
            thread.start();
        }
        Instant deadline = Instant.now().plusSeconds(30);
        while (acknowledged.size() < 400 && Instant.now().isBefore(deadline)) {
            Thread.sleep(10);
        }
        killed.set(true);
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
        assertThat(done.await(30, TimeUnit.SECONDS)).as("the senders stop once the server is gone").isTrue();
        return new ArrayList<>(acknowledged);
    }

    private static String progress(int viewer, int tick) {
        String item = FakeJellyfin.libraryId("episode", viewer);
        return String.format(Locale.ROOT, """
                {"NotificationType":"PlaybackProgress","UtcTimestamp":"2026-11-28T21:%02d:%02d.0000000Z",
                 "UserId":"%s","NotificationUsername":"Alex","ItemId":"%s","ItemType":"Episode","Name":"Episode",
                 "RunTimeTicks":24000000000,"PlaybackPositionTicks":%d,"IsPaused":false,"IsAutomated":true,
                 "Id":"%032d","DeviceName":"TV %d","ClientName":"Jellyfin Web"}
                """, tick / 60 % 60, tick % 60, USER, item, tick * 10_000_000L, viewer, viewer);
    }

    private Process start(FakeJellyfin jellyfin, int port, String log) throws IOException {
        Path jar = Path.of(System.getProperty("setlist.jar", "target/setlist.jar"));
        assertThat(jar).as("the packaged jar; run `mvn verify`").isRegularFile();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "serve", "--host", "127.0.0.1", "--port", String.valueOf(port),
                "--data", folder.resolve("data").toString(), "--admin-key", "burst-admin", "--webhook-secret", SECRET,
                "--jellyfin-url", jellyfin.baseUri().toString(), "--playlists-refresh", "")
                .redirectErrorStream(true).redirectOutput(folder.resolve(log).toFile());
        builder.environment().put("SETLIST_JELLYFIN_API_KEY", KEY);
        return builder.start();
    }

    private void awaitHealthy(int port, Process process, String log) throws Exception {
        Http http = new Http(URI.create("http://127.0.0.1:" + port + "/"));
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            try {
                JsonNode health = http.get("api/health").json();
                if (health.get("catalog").asInt() == 40) {
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
