package dev.setlist.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the packaged artifact, {@code plugin/target/setlist.jar}, as a self-hoster would: not the IDE classpath.
 * Failsafe runs it after {@code package}; the jar's path comes in the system property {@code setlist.jar}.
 */
class PackagedJarIT {

    @TempDir
    Path data;

    static Path jar() {
        Path jar = Path.of(System.getProperty("setlist.jar", "target/setlist.jar"));
        assertThat(jar).as("the packaged jar; run `mvn verify`").isRegularFile();
        return jar;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Test
    void printsItsVersion() throws Exception {
        Process process = new ProcessBuilder(java(), "-jar", jar().toString(), "--version").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(output.strip()).isEqualTo("setlist " + Version.current());
    }

    @Test
    void theDemoServesHealthThePageAndTheWebhook() throws Exception {
        int port = freePort();
        Path log = data.resolve("setlist.out");
        Process process = new ProcessBuilder(java(), "-jar", jar().toString(), "demo", "--port", String.valueOf(port),
                "--data", data.resolve("data").toString(), "--admin-key", "it-admin", "--webhook-secret", "it-secret")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            Http http = new Http(URI.create("http://127.0.0.1:" + port + "/"));
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            JsonNode health = null;
            while (health == null && Instant.now().isBefore(deadline) && process.isAlive()) {
                health = tryHealth(http);
                if (health == null) {
                    Thread.sleep(200);
                }
            }
            assertThat(health).as("healthy; output:\n" + Files.readString(log)).isNotNull();
            assertThat(health.get("status").asText()).isEqualTo("ok");
            assertThat(health.get("catalog").asInt()).isGreaterThanOrEqualTo(500);
            long events = health.get("events").asLong();

            assertThat(http.get("").body()).contains("<title>Setlist</title>");
            String body = """
                    {"NotificationType":"PlaybackStart","UtcTimestamp":"2026-11-28T21:00:00Z",
                     "UserId":"aabbccdd-eeff-0011-2233-445566778899","ItemId":"01234567-89ab-cdef-0123-456789abcdef",
                     "ItemType":"Movie","Name":"Packaged","PlaybackPositionTicks":"0","IsPaused":"False","IsAutomated":"False"}
                    """;
            assertThat(http.post("webhook/jellyfin", body, "Content-Type", "text/plain; charset=utf-8",
                    "X-Setlist-Secret", "it-secret").status()).isEqualTo(200);
            assertThat(http.get("api/health").json().get("events").asLong()).isEqualTo(events + 1);
            assertThat(Files.readString(log)).contains("serving").doesNotContain("it-admin").doesNotContain("it-secret");
        } finally {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static JsonNode tryHealth(Http http) {
        try {
            Http.Reply reply = http.get("api/health");
            return reply.status() == 200 ? reply.json() : null;
        } catch (AssertionError notYet) {
            return null;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
