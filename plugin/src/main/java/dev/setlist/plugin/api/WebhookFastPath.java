package dev.setlist.plugin.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Takes {@code POST /webhook/jellyfin} in Jetty, before Jersey, and answers it with {@link WebhookResource}'s own
 * {@link WebhookResource#answer answer}: at 2,000 events a second Jersey's routing, request scope, filter chain,
 * entity reader and writer interceptors cost about as much CPU as storing the event (docs/benchmarks.md).
 *
 * <p>The answers are the same as through Jersey: the same statuses, reasons and JSON (the entity written by the
 * API's {@link ObjectMapper}), {@code Retry-After} on a 503, {@code X-Content-Type-Options: nosniff}
 * ({@link SecurityHeadersFilter}), and the same counts in the metrics ({@link MetricsFilter}); the body is read up
 * to the limit before any answer, as there. Only requests Jersey would take to the resource unchanged come this
 * way: anything else, such as another method or a {@code Content-Type} that is not a media type (Jersey's 400
 * names it), passes on to Jersey.
 *
 * <p>Thread-safe: Jetty calls it from many threads; it holds only thread-safe collaborators.
 */
public final class WebhookFastPath extends Handler.Wrapper {

    private static final Logger log = LoggerFactory.getLogger(WebhookFastPath.class);
    private static final String PATH = "/webhook/jellyfin";
    private static final String JSON = MediaType.APPLICATION_JSON;

    private final WebhookResource webhook;
    private final ObjectMapper json;
    private final MetricsFilter metrics;

    public WebhookFastPath(WebhookResource webhook, ObjectMapper json, MetricsFilter metrics) {
        this.webhook = webhook;
        this.json = json;
        this.metrics = metrics;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!HttpMethod.POST.is(request.getMethod()) || !PATH.equals(Request.getPathInContext(request))
                || !SecurityHeadersFilter.validMediaType(request.getHeaders().get(HttpHeader.CONTENT_TYPE))) {
            return super.handle(request, response, callback);
        }
        // Not closed: the rest of a body over the limit is Jetty's to discard, as it is through Jersey.
        byte[] bytes = Content.Source.asInputStream(request).readNBytes(WebhookResource.MAX_BODY_BYTES + 1);
        jakarta.ws.rs.core.Response answer;
        byte[] entity;
        try {
            answer = webhook.answer(request.getHeaders().get("X-Setlist-Secret"), bytes);
            entity = answer.getEntity() instanceof String text
                    ? text.getBytes(StandardCharsets.UTF_8)
                    : json.writeValueAsBytes(answer.getEntity());
        } catch (RuntimeException e) {
            // A bug, as ErrorMappers.Unexpected would log it; Jetty's JsonErrorHandler answers 500 in JSON.
            log.error("unexpected error while answering a webhook", e);
            metrics.webhookAnswered(HttpStatus.INTERNAL_SERVER_ERROR_500, null);
            Response.writeError(request, response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500, "internal error");
            return true;
        }
        metrics.webhookAnswered(answer.getStatus(), answer.getEntity());
        response.setStatus(answer.getStatus());
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, JSON);
        headers.put("X-Content-Type-Options", "nosniff");
        for (Map.Entry<String, List<String>> header : answer.getStringHeaders().entrySet()) {
            if (!header.getKey().equalsIgnoreCase(HttpHeader.CONTENT_TYPE.asString())) {
                headers.put(new HttpField(header.getKey(), String.join(", ", header.getValue())));
            }
        }
        headers.put(HttpHeader.CONTENT_LENGTH, entity.length);
        response.write(true, ByteBuffer.wrap(entity), callback);
        return true;
    }
}
