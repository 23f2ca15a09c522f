package dev.setlist.plugin.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.setlist.plugin.library.Library;
import dev.setlist.plugin.publish.PlaylistPublisher;
import dev.setlist.plugin.store.UserStore;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/users/{id}/send}: writes the playlist a person is looking at into the media server, as it
 * is (the web page's "Send to Jellyfin"). Body: {@code {"itemIds": ["...", ...], "name": "For you"}}
 * ({@code name} optional, default {@code For you}; the server shows it as "Setlist · For you").
 *
 * <p>The write goes through the publish outbox and is tried at once: 200 {@code {"written": true, "serverId",
 * "items", "name"}} when the media server took it; 202 {@code {"written": false, "error"}} when it did not
 * (it stays queued and is retried with backoff). 400 for a missing or empty list, more than 200 items, an
 * item twice, a blank name, or a profile id (a media-server playlist belongs to an account); 403 for another
 * person's account; 404 for an unknown person or item.
 */
@Path("/api/users/{id}/send")
public final class PlaylistSendResource {

    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final int MAX_ITEMS = 200;
    private static final String DEFAULT_NAME = "For you";

    /** The body, as read. */
    public record Body(List<String> itemIds, String name) {
    }

    private final PlaylistPublisher publisher;
    private final UserStore users;
    private final Library library;
    private final ObjectMapper json;

    public PlaylistSendResource(PlaylistPublisher publisher, UserStore users, Library library, ObjectMapper json) {
        this.publisher = publisher;
        this.users = users;
        this.library = library;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response send(@PathParam("id") String userId, InputStream input, @Context SecurityContext security)
            throws IOException {
        Access.requirePerson(security, userId);
        if (userId.contains("~")) {
            return ApiError.response(Response.Status.BAD_REQUEST,
                    "id: a playlist is written to the media server for an account, not a profile");
        }
        if (users.find(userId).isEmpty()) {
            return ApiError.response(Response.Status.NOT_FOUND, "no user with id " + userId);
        }
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
        if (body == null || body.itemIds() == null || body.itemIds().isEmpty()) {
            return ApiError.response(Response.Status.BAD_REQUEST, "itemIds: a non-empty list of item ids is required");
        }
        if (body.itemIds().size() > MAX_ITEMS) {
            return ApiError.response(Response.Status.BAD_REQUEST, "itemIds: at most " + MAX_ITEMS + " items");
        }
        if (body.itemIds().stream().distinct().count() != body.itemIds().size()) {
            return ApiError.response(Response.Status.BAD_REQUEST, "itemIds: an item is listed twice");
        }
        for (String itemId : body.itemIds()) {
            if (itemId == null || library.find(itemId).isEmpty()) {
                return ApiError.response(Response.Status.NOT_FOUND, "itemIds: no item with id " + itemId);
            }
        }
        String name = body.name() == null ? DEFAULT_NAME : body.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            return ApiError.response(Response.Status.BAD_REQUEST, "name: 1 to 100 characters");
        }
        publisher.queue(userId, name, body.itemIds());
        Optional<PlaylistPublisher.Result> result = publisher.drain().stream()
                .filter(each -> each.userId().equals(userId) && each.name().equals(name)).findFirst();
        if (result.isPresent() && result.get().written()) {
            return Response.ok(Map.of("written", true, "serverId", result.get().serverId(),
                    "items", result.get().items(), "name", name)).build();
        }
        String error = result.map(PlaylistPublisher.Result::error).orElse("queued behind a retry; sent within a minute");
        return Response.status(Response.Status.ACCEPTED).entity(Map.of("written", false, "error", error,
                "items", body.itemIds().size(), "name", name)).build();
    }
}
