package dev.setlist.plugin.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.setlist.plugin.playlist.Feedback;
import dev.setlist.plugin.playlist.FeedbackService;
import dev.setlist.plugin.playlist.PlaylistRequest;
import dev.setlist.plugin.playlist.UnknownItemException;
import dev.setlist.plugin.playlist.UnknownUserException;
import dev.setlist.rules.model.Mode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /api/users/{id}/feedback}: what a person thought of an item. Body:
 * {@code {"itemId": "...", "feedback": "played|skipped|liked|disliked|wildcard_taken|wildcard_declined",
 * "remaining": 10, "media": "music", "mode": "focus"}}; {@code remaining} (0 to 200, default 0) asks for the
 * re-planned rest of the session in the answer, shaped by {@code media} and {@code mode} when given.
 *
 * <p>The feedback goes into the event log as the plays and ratings it means, so the person's vector
 * moves at once; a skip also steers the rest of the session away from what was skipped; a wildcard
 * answer moves the person's exploration rate. Feedback on an item that was not offered is accepted
 * and counts as an ordinary play or rating. {@code id} may be a profile ({@code <account>~<profile>}); an
 * account's feedback while a profile is watching it is the profile's, like the playlist it answers. 200 with
 * {@link FeedbackService.Result}; 400 naming the field at fault; 403 for another person's data; 404 for an
 * unknown person or item.
 */
@Path("/api/users/{id}/feedback")
public final class FeedbackResource {

    private static final int MAX_BODY_BYTES = 16 * 1024;

    /** The body, as read. */
    public record Body(String itemId, String feedback, Integer remaining, String media, String mode) {
    }

    private final FeedbackService feedback;
    private final ObjectMapper json;

    public FeedbackResource(FeedbackService feedback, ObjectMapper json) {
        this.feedback = feedback;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response record(@PathParam("id") String userId, InputStream input, @Context SecurityContext security)
            throws IOException {
        Access.requirePerson(security, userId);
        byte[] bytes = input.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            return ApiError.response(413, "body larger than " + MAX_BODY_BYTES + " bytes");
        }
        Body body;
        try {
            body = json.readValue(bytes, Body.class);
        } catch (JsonProcessingException e) {
            return ApiError.response(Response.Status.BAD_REQUEST, "body: " + e.getOriginalMessage());
        }
        if (body == null || body.itemId() == null || body.itemId().isBlank()) {
            return ApiError.response(Response.Status.BAD_REQUEST, "itemId is missing");
        }
        if (body.feedback() == null) {
            return ApiError.response(Response.Status.BAD_REQUEST, "feedback is missing");
        }
        Feedback kind;
        PlaylistRequest remainder = null;
        try {
            kind = Feedback.parse(body.feedback());
        } catch (IllegalArgumentException e) {
            return ApiError.response(Response.Status.BAD_REQUEST, "feedback: " + e.getMessage());
        }
        int remaining = body.remaining() == null ? 0 : body.remaining();
        if (remaining < 0 || remaining > PlaylistRequest.MAX_LENGTH) {
            return ApiError.response(Response.Status.BAD_REQUEST,
                    "remaining must be between 0 and " + PlaylistRequest.MAX_LENGTH + ", was " + remaining);
        }
        if (remaining > 0) {
            PlaylistRequest.Media media = null;
            if (body.media() != null) {
                try {
                    media = PlaylistRequest.Media.valueOf(body.media().trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    return ApiError.response(Response.Status.BAD_REQUEST,
                            "media must be video or music, was '" + body.media() + "'");
                }
            }
            Mode mode = null;
            if (body.mode() != null) {
                try {
                    mode = Mode.parse(body.mode());
                } catch (IllegalArgumentException e) {
                    return ApiError.response(Response.Status.BAD_REQUEST, "mode: " + e.getMessage());
                }
            }
            remainder = new PlaylistRequest(media, remaining, 0, mode, null, null, null, null, null, Map.of());
        }
        try {
            return Response.ok(feedback.record(userId, body.itemId().trim(), kind, remainder)).build();
        } catch (UnknownUserException | UnknownItemException e) {
            return ApiError.response(Response.Status.NOT_FOUND, e.getMessage());
        }
    }
}
