package dev.setlist.plugin.api;

import dev.setlist.plugin.auth.Principal;
import dev.setlist.plugin.auth.TokenStore;
import dev.setlist.plugin.media.MediaUser;
import dev.setlist.plugin.playlist.Playlist;
import dev.setlist.plugin.playlist.PlaylistRequest;
import dev.setlist.plugin.playlist.PlaylistService;
import dev.setlist.plugin.playlist.UnknownUserException;
import dev.setlist.plugin.profile.Person;
import dev.setlist.plugin.profile.ProfileService;
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
import jakarta.ws.rs.core.UriInfo;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * People and their playlists. Needs a credential: the admin key reaches everyone, a person's token
 * only that person (403 otherwise).
 *
 * <ul>
 *   <li>{@code GET /api/users}: the admin gets every known person, a person gets themself;
 *       {@code [{"id", "name"}]}, by name.</li>
 *   <li>{@code POST /api/users/{id}/tokens?label=...}: admin only; issues a token for that person,
 *       answered once as {@code {"userId", "token"}} with 201. Unknown person: 404.</li>
 *   <li>{@code GET /api/users/{id}/playlist}: that person's playlist ({@link Playlist}). Parameters, all
 *       optional: {@code media} (video or music; default: the kind of the person's latest play),
 *       {@code length} (1 to 200, default 25), {@code minutes} (a duration budget), {@code mode}
 *       (workout, focus, kids, late_night, movie_night, everyday), {@code exploration} (0 to 0.5),
 *       {@code diversity} (0 to 1), {@code time} (local ISO time, e.g. 2026-11-28T22:30), {@code device},
 *       {@code client}, {@code signal.<name>=<number>} (for example {@code signal.heartRate=150}), and
 *       {@code profile}: a profile inside the account (its own taste, mode and parental ceiling), or
 *       {@code account} for the account itself; without it, the profile watching the account now answers
 *       (see {@link ProfilesResource}). {@code id} may also be a profile's person id {@code <account>~<profile>}.
 *       An unknown person or profile: 404; an invalid parameter: 400 naming it.</li>
 * </ul>
 */
@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON)
public final class UsersResource {

    private final UserStore users;
    private final TokenStore tokens;
    private final PlaylistService playlists;
    private final ProfileService profiles;

    public UsersResource(UserStore users, TokenStore tokens, PlaylistService playlists, ProfileService profiles) {
        this.users = users;
        this.tokens = tokens;
        this.playlists = playlists;
        this.profiles = profiles;
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
    public Response playlist(@PathParam("id") String id, @Context SecurityContext security, @Context UriInfo uri) {
        Access.requirePerson(security, id);
        PlaylistRequest request;
        Optional<Person> person;
        try {
            request = PlaylistParameters.parse(uri.getQueryParameters());
            person = profiles.addressed(id, PlaylistParameters.single(uri.getQueryParameters(), "profile"));
        } catch (PlaylistParameters.InvalidParameter | IllegalArgumentException e) {
            return ApiError.response(Response.Status.BAD_REQUEST, e.getMessage());
        }
        if (person.isEmpty()) {
            return ProfilesResource.unknown(profiles, id);
        }
        try {
            return Response.ok(playlists.playlistFor(person.get(), request)).build();
        } catch (UnknownUserException e) {
            return ApiError.response(Response.Status.NOT_FOUND, e.getMessage());
        }
    }
}
