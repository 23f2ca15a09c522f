package dev.setlist.plugin.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * One limit on request bodies for every path, applied before anything else reads them: the webhook may
 * send {@value WebhookResource#MAX_BODY_BYTES} bytes, a rule draft {@value RulesResource#MAX_BODY_BYTES}, a
 * playlist sent to the media server {@value PlaylistSendResource#MAX_BODY_BYTES}, everything else
 * {@value #MAX_API_BODY_BYTES} (the API's other bodies are a few small JSON fields). A body is read up to the limit and one byte, never further, and
 * refused at its first byte beyond: 413 with the limit in the reason, and the resource never runs, so nothing
 * is stored. A body within the
 * limit reaches the resource in full (resources may keep tighter limits of their own).
 *
 * <p>Stateless; thread-safe.
 */
@PreMatching
@Priority(100)
public final class BodyLimitFilter implements ContainerRequestFilter {

    /** Bodies of {@code /api/} requests (and of any path but the webhook). */
    public static final int MAX_API_BODY_BYTES = 16 * 1024;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (!request.hasEntity()) {
            return;
        }
        int limit = limitFor(request.getUriInfo().getPath());
        // Read up to the limit and one byte even when Content-Length already says too much: a client still
        // writing its body into a connection that was answered and closed sees a broken pipe, not the 413.
        byte[] body = request.getEntityStream().readNBytes(limit + 1);
        if (body.length > limit) {
            request.abortWith(ApiError.response(413, "body larger than " + limit + " bytes"));
            return;
        }
        InputStream buffered = new ByteArrayInputStream(body);
        request.setEntityStream(buffered);
    }

    static int limitFor(String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        if (relative.startsWith("webhook/")) {
            return WebhookResource.MAX_BODY_BYTES;
        }
        if (relative.startsWith("api/rules/")) {
            return RulesResource.MAX_BODY_BYTES;
        }
        if (relative.startsWith("api/users/") && relative.endsWith("/send")) {
            return PlaylistSendResource.MAX_BODY_BYTES;
        }
        return MAX_API_BODY_BYTES;
    }
}
