package dev.setlist.plugin.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.setlist.plugin.Http;
import dev.setlist.plugin.events.EventIngestor;
import dev.setlist.plugin.jellyfin.WebhookPayloadParser;
import dev.setlist.plugin.library.Library;
import dev.setlist.plugin.metrics.SetlistMetrics;
import dev.setlist.plugin.server.HttpServer;
import dev.setlist.plugin.server.JsonMapper;
import dev.setlist.plugin.store.CatalogStore;
import dev.setlist.plugin.store.Database;
import dev.setlist.plugin.store.JdbcEventLog;
import dev.setlist.plugin.store.UserStore;
import jakarta.ws.rs.ext.ContextResolver;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook answered in Jetty ({@link WebhookFastPath}) against the same webhook answered by Jersey: two servers,
 * each with a log of its own, take the same requests. The fast one has no webhook resource in Jersey at all, so an
 * answer it gives for the webhook is the fast path's, and a request it passes on gets Jersey's 404.
 */
class WebhookFastPathTest {

    private static final String SECRET = "fast-secret";
    private static final String USER = "b0b0000000000000000000000000000a";
    private static final String ITEM = "17e0000000000000000000000000000b";

    /** One server: its own database, ingestor and metrics. */
    private static final class Side implements AutoCloseable {
        final Database database = Database.openInMemory("fast-" + UUID.randomUUID());
        final SetlistMetrics metrics = new SetlistMetrics(Clock.systemUTC());
        final EventIngestor ingestor;
        final HttpServer server;
        final Http http;

        Side(boolean fast) {
            ObjectMapper json = JsonMapper.create();
            Clock clock = Clock.systemUTC();
            ingestor = new EventIngestor(new JdbcEventLog(database.dataSource(), json, clock),
                    new UserStore(database.dataSource()), new Library(new CatalogStore(database.dataSource(), json)), clock);
            WebhookResource webhook = new WebhookResource(SECRET, new WebhookPayloadParser(json), ingestor, clock);
            MetricsFilter metricsFilter = new MetricsFilter(metrics);
            ResourceConfig application = new ResourceConfig()
                    .register(JacksonFeature.withoutExceptionMappers())
                    .register((ContextResolver<ObjectMapper>) type -> json)
                    .register(new ErrorMappers.WebApplication())
                    .register(new ErrorMappers.Unexpected())
                    .register(metricsFilter)
                    .register(new BodyLimitFilter())
                    .register(new SecurityHeadersFilter())
                    .register(new IngestionRefusedMapper());
            if (!fast) {
                application.register(webhook);
            }
            server = HttpServer.start("127.0.0.1", 0, application, fast ? new WebhookFastPath(webhook, json, metricsFilter) : null);
            http = new Http(server.baseUri());
        }

        Http.Reply post(byte[] body, String... headers) {
            return http.sendBytes("POST", "webhook/jellyfin", body, headers);
        }

        /** The webhook's counters and the responses by status class, as Prometheus would read them. */
        List<String> counts() {
            return metrics.scrape().lines()
                    .filter(line -> line.startsWith("setlist_events_") || line.startsWith("setlist_http_responses"))
                    .sorted().toList();
        }

        @Override
        public void close() {
            server.close();
            ingestor.close();
            database.close();
        }
    }

    private static byte[] body(String type, String timestamp) {
        return ("{\"NotificationType\":\"" + type + "\"," + (timestamp == null ? "" : "\"UtcTimestamp\":\"" + timestamp + "\",")
                + "\"UserId\":\"" + USER + "\",\"NotificationUsername\":\"Casey\",\"ItemId\":\"" + ITEM + "\","
                + "\"ItemType\":\"Movie\",\"Name\":\"Film\",\"RunTimeTicks\":60000000000,\"PlaybackPositionTicks\":0,"
                + "\"IsPaused\":false,\"IsAutomated\":false,\"PlayedToCompletion\":true}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void answersEveryWebhookRequestAsJerseyDoesAndPassesOnWhatItDoesNotTake() {
        byte[] stop = body("PlaybackStop", "2026-11-28T21:00:00.1234567Z");
        byte[] undated = body("PlaybackStart", null);
        byte[] huge = ("{\"Name\":\"" + "x".repeat(WebhookResource.MAX_BODY_BYTES) + "\"}").getBytes(StandardCharsets.UTF_8);
        List<Request> requests = List.of(
                new Request(stop, "Content-Type", "application/json", "X-Setlist-Secret", SECRET),
                new Request(stop, "Content-Type", "text/plain; charset=utf-8", "X-Setlist-Secret", SECRET),
                new Request(undated, "Content-Type", "application/json", "X-Setlist-Secret", SECRET),
                new Request(undated, "X-Setlist-Secret", SECRET),
                new Request(stop, "Content-Type", "application/json"),
                new Request(stop, "Content-Type", "application/json", "X-Setlist-Secret", "wrong"),
                new Request(huge, "Content-Type", "application/json", "X-Setlist-Secret", "wrong"),
                new Request("{\"NotificationType\":".getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json",
                        "X-Setlist-Secret", SECRET),
                new Request("[1]".getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json", "X-Setlist-Secret", SECRET),
                new Request(body("AuthenticationSuccess", null), "Content-Type", "application/json", "X-Setlist-Secret", SECRET));
        try (Side jersey = new Side(false); Side fast = new Side(true)) {
            List<Integer> statuses = new ArrayList<>();
            for (Request request : requests) {
                Http.Reply expected = jersey.post(request.body(), request.headers());
                Http.Reply answered = fast.post(request.body(), request.headers());
                statuses.add(answered.status());
                assertThat(answered.status()).as(request.toString()).isEqualTo(expected.status());
                assertThat(answered.json()).as(request.toString()).isEqualTo(expected.json());
                assertThat(answered.contentType()).isEqualTo(expected.contentType());
                assertThat(answered.header("X-Content-Type-Options")).isEqualTo("nosniff");
            }
            assertThat(statuses).containsExactly(200, 200, 200, 200, 401, 401, 413, 400, 400, 202);
            assertThat(fast.counts()).isEqualTo(jersey.counts()).isNotEmpty();

            // Refused while stopping: 503 with Retry-After, as Jersey's mapper answers.
            jersey.ingestor.close();
            fast.ingestor.close();
            byte[] later = body("PlaybackStop", "2026-11-28T22:00:00Z");
            Http.Reply expected = jersey.post(later, "Content-Type", "application/json", "X-Setlist-Secret", SECRET);
            Http.Reply refused = fast.post(later, "Content-Type", "application/json", "X-Setlist-Secret", SECRET);
            assertThat(refused.status()).isEqualTo(expected.status()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isEqualTo(expected.header("Retry-After")).isNotBlank();
            assertThat(refused.json()).isEqualTo(expected.json());
            assertThat(fast.counts()).isEqualTo(jersey.counts());

            // Not a media type, or not a POST: Jersey's (which has no webhook on the fast server: 404).
            assertThat(fast.post(stop, "Content-Type", "nonsense", "X-Setlist-Secret", SECRET).status()).isEqualTo(404);
            assertThat(jersey.post(stop, "Content-Type", "nonsense", "X-Setlist-Secret", SECRET).status()).isEqualTo(400);
            assertThat(fast.http.get("webhook/jellyfin").status()).isEqualTo(404);
        }
    }

    private record Request(byte[] body, String... headers) {
        @Override
        public String toString() {
            String text = new String(body, StandardCharsets.UTF_8);
            return (text.length() > 60 ? text.substring(0, 60) + "…" : text) + " " + String.join(" ", headers);
        }
    }
}
