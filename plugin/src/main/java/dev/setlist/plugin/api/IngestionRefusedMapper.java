package dev.setlist.plugin.api;

import dev.setlist.plugin.events.IngestionRefused;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * An event Setlist could not store now (queue full, log unwritable, stopping): {@code 503} with
 * {@code Retry-After} in seconds and the reason, for the webhook and every endpoint that records events
 * (feedback). Nothing was stored, so sending the same request again is safe.
 */
public final class IngestionRefusedMapper implements ExceptionMapper<IngestionRefused> {

    /** The answer for a refused event. */
    public static Response response(IngestionRefused refused) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.RETRY_AFTER, Math.max(1, refused.retryAfter().toSeconds()))
                .entity(new ApiError(503, refused.getMessage())).build();
    }

    @Override
    public Response toResponse(IngestionRefused refused) {
        return response(refused);
    }
}
