package dev.setlist.plugin.api;

import dev.setlist.plugin.media.MediaUser;
import dev.setlist.plugin.playlist.Playlist;
import dev.setlist.plugin.playlist.PlaylistService;
import dev.setlist.plugin.playlist.UnknownUserException;
import dev.setlist.plugin.store.UserStore;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * People and their playlists. Needs the admin key.
 *
 * <ul>
 *   <li>{@code GET /api/users}: every known person, {@code [{"id", "name"}]}, by name.</li>
 *   <li>{@code GET /api/users/{id}/playlist?length=N}: that person's playlist ({@link Playlist}),
 *       {@code length} 1 to {@value #MAX_LENGTH}, default {@value #DEFAULT_LENGTH}. An unknown person: 404;
 *       a length out of range: 400 naming {@code length}.</li>
 * </ul>
 */
@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON)
public final class UsersResource {

    static final int DEFAULT_LENGTH = 25;
    static final int MAX_LENGTH = 200;

    private final UserStore users;
    private final PlaylistService playlists;

    public UsersResource(UserStore users, PlaylistService playlists) {
        this.users = users;
        this.playlists = playlists;
    }

    @GET
    public List<MediaUser> list() {
        return users.all();
    }

    @GET
    @Path("{id}/playlist")
    public Response playlist(@PathParam("id") String id, @QueryParam("length") @DefaultValue("25") String length) {
        int size;
        try {
            size = Integer.parseInt(length.trim());
        } catch (NumberFormatException e) {
            return ApiError.response(Response.Status.BAD_REQUEST, "length must be a whole number, was '" + length + "'");
        }
        if (size < 1 || size > MAX_LENGTH) {
            return ApiError.response(Response.Status.BAD_REQUEST,
                    "length must be between 1 and " + MAX_LENGTH + ", was " + size);
        }
        try {
            return Response.ok(playlists.playlistFor(id, size)).build();
        } catch (UnknownUserException e) {
            return ApiError.response(Response.Status.NOT_FOUND, e.getMessage());
        }
    }
}
