package dev.setlist.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database locked by another process: a second packaged Setlist started on the data folder of a running
 * one stops at once with the reason and exit code 1, and the running one is untouched: it keeps taking
 * events, and after it stops, a restart finds them.
 */
class DatabaseLockIT {

    private static final String SECRET = "lock-secret";
    private static final String BODY = """
            {"NotificationType":"PlaybackStart","UtcTimestamp":"2026-11-28T07:00:00.0000000Z",
             "UserId":"3c0b2c7e8d1a4c3b9e2f7a6b5c4d3e21","NotificationUsername":"Sam",
             "ItemId":"0c1a2b3d4e5f64a7b8c9d0e1f2a3b4c5","ItemType":"Movie","Name":"Film","RunTimeTicks":60000000000,
             "PlaybackPositionTicks":0,"IsPaused":false,"DeviceName":"TV","ClientName":"Jellyfin Web"}
            """;

    @TempDir
    Path folder;

    @Test
    void aSecondSetlistOnTheSameDataStopsWithTheReasonAndTheFirstKeepsWorking() throws Exception {
        int port = freePort();
        Http http = new Http(URI.create("http://127.0.0.1:" + port + "/"));
        Process first = start(port, "first.log");
        try {
            awaitHealthy(http, first, "first.log");

            Process second = start(freePort(), "second.log");
            assertThat(second.waitFor(120, TimeUnit.SECONDS)).as("the second one stops by itself").isTrue();
            String output = Files.readString(folder.resolve("second.log"));
            assertThat(second.exitValue()).as(output).isEqualTo(1);
            assertThat(output).contains("cannot open the database").contains("already in use");

            Http.Reply stored = http.post("webhook/jellyfin", BODY, "Content-Type", "application/json",
                    "X-Setlist-Secret", SECRET);
            assertThat(stored.status()).isEqualTo(200);
            assertThat(http.get("api/health").json().get("status").asText()).isEqualTo("ok");
        } finally {
            first.destroy();
            if (!first.waitFor(30, TimeUnit.SECONDS)) {
                first.destroyForcibly();
            }
        }
        Process third = start(port, "third.log");
        try {
            awaitHealthy(http, third, "third.log");
            Http.Reply again = http.post("webhook/jellyfin", BODY, "Content-Type", "application/json",
                    "X-Setlist-Secret", SECRET);
            assertThat(again.json().get("duplicate").asBoolean()).as("the event taken beside the refused start is there")
                    .isTrue();
        } finally {
            third.destroy();
            if (!third.waitFor(30, TimeUnit.SECONDS)) {
                third.destroyForcibly();
            }
        }
    }

    private Process start(int port, String log) throws IOException {
        Path jar = Path.of(System.getProperty("setlist.jar", "target/setlist.jar"));
        assertThat(jar).as("the packaged jar; run `mvn verify`").isRegularFile();
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "demo", "--port", String.valueOf(port), "--data", folder.resolve("data").toString(),
                "--admin-key", "lock-admin", "--webhook-secret", SECRET, "--playlists-refresh", "")
                .redirectErrorStream(true).redirectOutput(folder.resolve(log).toFile()).start();
    }

    private void awaitHealthy(Http http, Process process, String log) throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            try {
                JsonNode health = http.get("api/health").json();
                if (health.get("catalog").asInt() > 0) {
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
