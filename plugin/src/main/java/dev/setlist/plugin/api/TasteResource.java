package dev.setlist.plugin.api;

import dev.setlist.plugin.playlist.UnknownUserException;
import dev.setlist.plugin.profile.ProfileService;
import dev.setlist.plugin.taste.TasteReset;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;

/**
 * A person's taste as a whole.
 *
 * <ul>
 *   <li>{@code POST /api/users/{id}/taste/reset?history=keep|delete}: recommendations start fresh (the
 *       folded-in vector, the wildcard posterior, the session's skips, the onboarding quiz); the history is
 *       kept for the person's statistics and insights, or deleted. 200 with {@link TasteReset.Result}.</li>
 * </ul>
 * {@code history} is required: it is the person's choice. 400 naming it when missing or neither value,
 * or for an unknown parameter; 403 for another person's data; 404 for an unknown person or profile.
 */
@Path("/api/users/{id}/taste")
@Produces(MediaType.APPLICATION_JSON)
public final class TasteResource {

    private final TasteReset reset;
    private final ProfileService profiles;

    public TasteResource(TasteReset reset, ProfileService profiles) {
        this.reset = reset;
        this.profiles = profiles;
    }

    @POST
    @Path("reset")
    public Response reset(@PathParam("id") String id, @Context SecurityContext security, @Context UriInfo uri) {
        Access.requirePerson(security, id);
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        for (String name : query.keySet()) {
            if (!name.equals("history")) {
                return ApiError.response(Response.Status.BAD_REQUEST, "unknown parameter " + name + "; known: history");
            }
        }
        List<String> history = query.get("history");
        if (history == null || history.size() != 1) {
            return ApiError.response(Response.Status.BAD_REQUEST,
                    "history is required once: keep (for your statistics) or delete");
        }
        TasteReset.History choice;
        try {
            choice = TasteReset.History.parse(history.get(0));
        } catch (IllegalArgumentException e) {
            return ApiError.response(Response.Status.BAD_REQUEST, e.getMessage());
        }
        if (profiles.person(id).isEmpty()) {
            return ProfilesResource.unknown(profiles, id);
        }
        try {
            return Response.ok(reset.reset(id, choice)).build();
        } catch (UnknownUserException e) {
            return ApiError.response(Response.Status.NOT_FOUND, e.getMessage());
        }
    }
}
