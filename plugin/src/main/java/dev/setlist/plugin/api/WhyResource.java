package dev.setlist.plugin.api;

import dev.setlist.plugin.playlist.PlaylistRequest;
import dev.setlist.plugin.playlist.PlaylistService;
import dev.setlist.plugin.playlist.UnknownItemException;
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
 * "Why this".
 *
 * <ul>
 *   <li>{@code GET /api/users/{id}/items/{itemId}/why}: why the item is, or is not, in the person's playlist
 *       ({@link dev.setlist.plugin.playlist.Explanation}); takes the playlist's parameters (media defaults to the
 *       item's own).</li>
 * </ul>
 * 400 naming a parameter at fault; 403 for another person's data; 404 for an unknown person or item.
 */
@Path("/api/users/{id}/items/{itemId}/why")
@Produces(MediaType.APPLICATION_JSON)
public final class WhyResource {

    private final PlaylistService playlists;

    public WhyResource(PlaylistService playlists) {
        this.playlists = playlists;
    }

    @GET
    public Response why(@PathParam("id") String userId, @PathParam("itemId") String itemId,
                        @Context SecurityContext security, @Context UriInfo uri) {
        Access.requirePerson(security, userId);
        PlaylistRequest request;
        try {
            request = PlaylistParameters.parse(uri.getQueryParameters());
        } catch (PlaylistParameters.InvalidParameter e) {
            return ApiError.response(Response.Status.BAD_REQUEST, e.getMessage());
        }
        try {
            return Response.ok(playlists.explain(userId, itemId, request)).build();
        } catch (UnknownUserException | UnknownItemException e) {
            return ApiError.response(Response.Status.NOT_FOUND, e.getMessage());
        }
    }
}
