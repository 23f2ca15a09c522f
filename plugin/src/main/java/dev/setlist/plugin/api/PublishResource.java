package dev.setlist.plugin.api;

import dev.setlist.plugin.publish.PlaylistPublisher;
import dev.setlist.plugin.publish.PlaylistSchedule;
import dev.setlist.plugin.store.PlaylistOutbox;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.util.List;
import java.util.Map;

/**
 * Playlists written to the media server. Needs the admin key (403 with a person's token).
 *
 * <ul>
 *   <li>{@code POST /api/playlists/refresh?name=For+you}: build that playlist for everyone now, queue it,
 *       and try to send every due write at once; 200 {@code {"queued": n, "results": [...]}}, one result per
 *       write tried ({@code serverId} when written, {@code error} when it waits for a retry). Without
 *       {@code name}, every scheduled playlist. A name that is blank or longer than 200 characters: 400.</li>
 *   <li>{@code GET /api/playlists/outbox}: the writes waiting for the media server, with their attempts and last error.</li>
 * </ul>
 */
@Path("/api/playlists")
@Produces(MediaType.APPLICATION_JSON)
public final class PublishResource {

    private final PlaylistSchedule schedule;
    private final PlaylistPublisher publisher;
    private final PlaylistOutbox outbox;

    public PublishResource(PlaylistSchedule schedule, PlaylistPublisher publisher, PlaylistOutbox outbox) {
        this.schedule = schedule;
        this.publisher = publisher;
        this.outbox = outbox;
    }

    @POST
    @Path("refresh")
    public Response refresh(@QueryParam("name") String name, @Context SecurityContext security) {
        Access.requireAdmin(security);
        if (name != null && name.isBlank()) {
            return ApiError.response(Response.Status.BAD_REQUEST, "name must not be blank");
        }
        if (name != null && name.length() > PlaylistOutbox.MAX_NAME_LENGTH) {
            return ApiError.response(Response.Status.BAD_REQUEST,
                    "name is longer than " + PlaylistOutbox.MAX_NAME_LENGTH + " characters");
        }
        List<String> names = name != null ? List.of(name)
                : schedule.entries().stream().map(PlaylistSchedule.Entry::name).toList();
        int queued = 0;
        for (String each : names) {
            queued += schedule.refresh(each);
        }
        return Response.ok(Map.of("queued", queued, "results", publisher.drain())).build();
    }

    @GET
    @Path("outbox")
    public List<PlaylistOutbox.Pending> outbox(@Context SecurityContext security) {
        Access.requireAdmin(security);
        return outbox.all();
    }
}
