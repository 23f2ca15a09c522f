package dev.setlist.plugin.api;

import dev.setlist.plugin.playlist.PlaylistRequest;
import dev.setlist.plugin.playlist.PlaylistService;
import dev.setlist.plugin.playlist.UnknownUserException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

/**
 * "Surprise me".
 *
 * <ul>
 *   <li>{@code GET /api/users/{id}/surprise?media=video|music}: one wildcard that passes the rules of the
 *       person's mode; 204 when nothing is left to surprise with. Answering it through feedback
 *       ({@code wildcard_taken} or {@code wildcard_declined}) moves the person's exploration rate.</li>
 * </ul>
 * 400 naming a parameter at fault; 403 for another person's data; 404 for an unknown person or item.
 */
@Path("/api/users/{id}/surprise")
@Produces(MediaType.APPLICATION_JSON)
public final class SurpriseResource {

    private final PlaylistService playlists;

    public SurpriseResource(PlaylistService playlists) {
        this.playlists = playlists;
    }

    @GET
    public Response surprise(@PathParam("id") String userId, @Context SecurityContext security, @Context UriInfo uri) {
        Access.requirePerson(security, userId);
        PlaylistRequest request;
        try {
            request = PlaylistParameters.parse(uri.getQueryParameters());
        } catch (PlaylistParameters.InvalidParameter e) {
            return ApiError.response(Response.Status.BAD_REQUEST, e.getMessage());
        }
        try {
            return playlists.surprise(userId, request.media()).map(entry -> Response.ok(entry).build())
                    .orElseGet(() -> Response.noContent().build());
        } catch (UnknownUserException e) {
            return ApiError.response(Response.Status.NOT_FOUND, e.getMessage());
        }
    }
}
