package dev.setlist.plugin.api;

import dev.setlist.plugin.auth.Principal;
import dev.setlist.plugin.auth.TokenStore;
import dev.setlist.plugin.media.MediaUser;
import dev.setlist.plugin.playlist.Playlist;
import dev.setlist.plugin.playlist.PlaylistService;
import dev.setlist.plugin.playlist.UnknownUserException;
import dev.setlist.plugin.store.UserStore;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.util.List;
import java.util.Map;

/**
 * People and their playlists. Needs a credential: the admin key reaches everyone, a person's token
 * only that person (403 otherwise).
 *
 * <ul>
 *   <li>{@code GET /api/users}: the admin gets every known person, a person gets themself;
 *       {@code [{"id", "name"}]}, by name.</li>
 *   <li>{@code POST /api/users/{id}/tokens?label=...}: admin only; issues a token for that person,
 *       answered once as {@code {"userId", "token"}} with 201. Unknown person: 404.</li>
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
    private final TokenStore tokens;
    private final PlaylistService playlists;

    public UsersResource(UserStore users, TokenStore tokens, PlaylistService playlists) {
        this.users = users;
        this.tokens = tokens;
        this.playlists = playlists;
    }

    @GET
    public List<MediaUser> list(@Context SecurityContext security) {
        Principal caller = Access.caller(security);
        return users.all().stream().filter(user -> caller.mayAccess(user.id())).toList();
    }

    @POST
    @Path("{id}/tokens")
    public Response issueToken(@PathParam("id") String id, @QueryParam("label") @DefaultValue("api") String label,
                               @Context SecurityContext security) {
        Access.requireAdmin(security);
        if (users.find(id).isEmpty()) {
            return ApiError.response(Response.Status.NOT_FOUND, "no user with id " + id);
        }
        String token = tokens.issue(id, label);
        return Response.status(Response.Status.CREATED).entity(Map.of("userId", id, "token", token)).build();
    }

    @GET
    @Path("{id}/playlist")
    public Response playlist(@PathParam("id") String id, @QueryParam("length") @DefaultValue("25") String length,
                             @Context SecurityContext security) {
        Access.requirePerson(security, id);
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
