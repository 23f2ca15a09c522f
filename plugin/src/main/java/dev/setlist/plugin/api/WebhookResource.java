package dev.setlist.plugin.api;

import dev.setlist.plugin.events.DeliveryKey;
import dev.setlist.plugin.events.EventIngestor;
import dev.setlist.plugin.events.IngestionRefused;
import dev.setlist.plugin.jellyfin.MalformedEventException;
import dev.setlist.plugin.jellyfin.WebhookPayloadParser;
import dev.setlist.plugin.store.EventLog;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Map;

/**
 * {@code POST /webhook/jellyfin}: events from the Jellyfin Webhook plugin's Generic destination, in
 * either of its modes ("Send All Properties" JSON or the rendered template), sent as
 * {@code application/json} or {@code text/plain}.
 *
 * <ul>
 *   <li>Header {@code X-Setlist-Secret} must equal the configured secret (compared in constant time),
 *       otherwise 401 and nothing is stored.</li>
 *   <li>A body over {@value #MAX_BODY_BYTES} bytes: 413. Not JSON, or not a usable event: 400 with
 *       the reason; nothing is stored.</li>
 *   <li>A notification type Setlist does not record: 202 {@code {"ignored": type}}.</li>
 *   <li>Setlist cannot store it now (too many events waiting, the log cannot be written, stopping): 503
 *       with {@code Retry-After} and the reason; nothing is stored, sending it again is safe.</li>
 *   <li>Otherwise the event is in the log before the answer (committed with the other events that
 *       arrived meanwhile, one transaction per batch): 200 {@code {"seq": n, "duplicate": false}},
 *       or {@code "duplicate": true} when the same body was delivered before; or, for a person who
 *       paused their history, 200 {@code {"recorded": false}} and only a count is kept.</li>
 * </ul>
 */
@Path("/webhook/jellyfin")
public final class WebhookResource {

    /** Bodies from the plugin are a few kilobytes; anything far larger is refused unread. */
    public static final int MAX_BODY_BYTES = 256 * 1024;

    private final byte[] secret;
    private final WebhookPayloadParser parser;
    private final EventIngestor ingestor;
    private final Clock clock;

    public WebhookResource(String secret, WebhookPayloadParser parser, EventIngestor ingestor, Clock clock) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.parser = parser;
        this.ingestor = ingestor;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@HeaderParam("X-Setlist-Secret") String presented, InputStream body) throws IOException {
        // Read (at most the limit) before answering, even a 401: a connection left with an unread body
        // cannot be reused by the client for its next request.
        return answer(presented, body.readNBytes(MAX_BODY_BYTES + 1));
    }

    /**
     * The answer to one delivery: what {@link #receive} returns, and what {@link WebhookFastPath} writes for the
     * requests it takes before Jersey. Its entity is a {@code String} of JSON (a stored event) or an object for the
     * JSON provider.
     *
     * @param presented the {@code X-Setlist-Secret} header, or {@code null}
     * @param bytes     the body, read up to one byte past {@value #MAX_BODY_BYTES}
     */
    Response answer(String presented, byte[] bytes) {
        // Too large first, whatever the secret: as BodyLimitFilter answers before the resource is reached.
        if (bytes.length > MAX_BODY_BYTES) {
            return ApiError.response(413, "body larger than " + MAX_BODY_BYTES + " bytes");
        }
        if (presented == null || !MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8))) {
            return ApiError.response(Response.Status.UNAUTHORIZED,
                    presented == null ? "missing X-Setlist-Secret header" : "wrong X-Setlist-Secret");
        }
        WebhookPayloadParser.Result result;
        try {
            result = parser.parse(bytes, clock.instant());
        } catch (MalformedEventException e) {
            return ApiError.response(Response.Status.BAD_REQUEST, e.getMessage());
        }
        if (result instanceof WebhookPayloadParser.Ignored ignored) {
            return Response.accepted(Map.of("ignored", ignored.notificationType())).build();
        }
        var accepted = (WebhookPayloadParser.Accepted) result;
        EventLog.Appended appended;
        try {
            // Dated by the body's own time: the log's unique index then grows at its end (see DeliveryKey).
            appended = ingestor.ingest(accepted.event(), "webhook", DeliveryKey.of(accepted.stamped(), bytes),
                    new String(bytes, StandardCharsets.UTF_8));
        } catch (IngestionRefused refused) {
            return IngestionRefusedMapper.response(refused);
        }
        if (appended == EventIngestor.NOT_RECORDED) {
            return Response.ok(Map.of("recorded", false, "reason", "this person paused their history")).build();
        }
        return Response.ok(stored(appended), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /**
     * The answer for a stored event, {@code {"seq":n,"duplicate":false}}, written directly: it is the answer of
     * nearly every request at full load, and a map through the JSON provider cost more than the rest of it.
     */
    static String stored(EventLog.Appended appended) {
        return "{\"seq\":" + appended.seq() + ",\"duplicate\":" + appended.duplicate() + "}";
    }
}
