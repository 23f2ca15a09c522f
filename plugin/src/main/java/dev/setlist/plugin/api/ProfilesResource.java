package dev.setlist.plugin.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.setlist.plugin.profile.Profile;
import dev.setlist.plugin.profile.ProfileService;
import dev.setlist.plugin.profile.Watching;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Profiles inside one account ("who is watching"), so that a shared account stops mixing the tastes of
 * the people behind it. A profile is a person of its own, with the person id {@code <account>~<profile>}:
 * its own interactions, mode, tuning and playlists ({@code GET /api/users/{id}/playlist?profile=kid}, or
 * {@code GET /api/users/<account>~kid/playlist}). The account's token reaches its profiles; the admin key
 * reaches everyone; another person's token gets 403.
 *
 * <ul>
 *   <li>{@code GET /api/users/{id}/profiles}: {@link Profiles}, the account's profiles and who is watching.</li>
 *   <li>{@code POST /api/users/{id}/profiles} with {@code {"profile": "kid", "label": "Robin",
 *       "parentalCeiling": 10}} ({@code label} and {@code parentalCeiling} optional): 201 with the
 *       {@link Profile}; 409 when the account already has it. A name is 1 to 24 letters, digits, {@code _}
 *       or {@code -}; {@code active} and {@code account} are taken by the API. A parental ceiling (an age,
 *       0 to 21) keeps everything rated above it out of the profile's sessions, and one of 12 or less
 *       means a child: kids mode.</li>
 *   <li>{@code DELETE /api/users/{id}/profiles/{profile}}: 204; the profile stops watching. What it
 *       watched stays in the log, attributed to it. 404 when there is no such profile.</li>
 *   <li>{@code GET /api/users/{id}/profiles/active}: {@link Watching}, or 404 when nobody in particular is.</li>
 *   <li>{@code PUT /api/users/{id}/profiles/active} with {@code {"profile": "kid", "minutes": 120}}
 *       ({@code minutes} 1 to 1440, default 240): from now until then, every event the account sends is
 *       the profile's (its taste learns, the account's does not), and the account's playlist is the
 *       profile's. 200 with {@link Watching}; 404 for an unknown profile.</li>
 *   <li>{@code DELETE /api/users/{id}/profiles/active}: nobody in particular is watching; 204.</li>
 * </ul>
 * An {@code id} that is itself a profile gets 400; an unknown account 404; a body that cannot be read,
 * or a field out of range, 400 naming the field.
 */
@Path("/api/users/{id}/profiles")
@Produces(MediaType.APPLICATION_JSON)
public final class ProfilesResource {

    private static final int MAX_BODY_BYTES = 4 * 1024;

    /** The account's profiles, and who is watching it now ({@code null}: nobody in particular). */
    public record Profiles(String accountId, List<Profile> profiles, Watching watching) {
    }

    /** The body of a new profile. */
    public record NewProfile(String profile, String label, Integer parentalCeiling) {
    }

    /** The body of "who is watching". */
    public record WatchRequest(String profile, Integer minutes) {
    }

    private final ProfileService profiles;
    private final ObjectMapper json;

    public ProfilesResource(ProfileService profiles, ObjectMapper json) {
        this.profiles = profiles;
        this.json = json;
    }

    @GET
    public Response list(@PathParam("id") String id, @Context SecurityContext security) {
        requireAccount(id, security);
        return Response.ok(new Profiles(id, profiles.profiles(id), profiles.watching(id).orElse(null))).build();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response create(@PathParam("id") String id, InputStream body, @Context SecurityContext security)
            throws IOException {
        requireAccount(id, security);
        NewProfile request = read(body, NewProfile.class);
        try {
            Optional<Profile> created = profiles.create(id, request.profile(), request.label(), request.parentalCeiling());
            if (created.isEmpty()) {
                return ApiError.response(Response.Status.CONFLICT, id + " already has a profile named '"
                        + ProfileService.checkedName(request.profile()) + "'");
            }
            return Response.status(Response.Status.CREATED).entity(created.get()).build();
        } catch (IllegalArgumentException e) {
            return ApiError.response(Response.Status.BAD_REQUEST, e.getMessage());
        }
    }

    @DELETE
    @Path("{profile}")
    public Response delete(@PathParam("id") String id, @PathParam("profile") String profile,
                           @Context SecurityContext security) {
        requireAccount(id, security);
        if (!profiles.delete(id, profile)) {
            return ApiError.response(Response.Status.NOT_FOUND, id + " has no profile named '" + profile + "'");
        }
        return Response.noContent().build();
    }

    @GET
    @Path("active")
    public Response watching(@PathParam("id") String id, @Context SecurityContext security) {
        requireAccount(id, security);
        return profiles.watching(id).map(now -> Response.ok(now).build()).orElseGet(() ->
                ApiError.response(Response.Status.NOT_FOUND, "no profile is watching " + id + " now"));
    }

    @PUT
    @Path("active")
    @Consumes(MediaType.WILDCARD)
    public Response watch(@PathParam("id") String id, InputStream body, @Context SecurityContext security)
            throws IOException {
        requireAccount(id, security);
        WatchRequest request = read(body, WatchRequest.class);
        try {
            String profile = ProfileService.checkedName(request.profile());
            int minutes = request.minutes() == null ? ProfileService.DEFAULT_WATCH_MINUTES : request.minutes();
            return profiles.watch(id, profile, minutes).map(now -> Response.ok(now).build()).orElseGet(() ->
                    ApiError.response(Response.Status.NOT_FOUND, id + " has no profile named '" + profile + "'"));
        } catch (IllegalArgumentException e) {
            return ApiError.response(Response.Status.BAD_REQUEST, e.getMessage());
        }
    }

    @DELETE
    @Path("active")
    public Response stopWatching(@PathParam("id") String id, @Context SecurityContext security) {
        requireAccount(id, security);
        profiles.stopWatching(id);
        return Response.noContent().build();
    }

    /**
     * The 404 for a request about {@code id} that named no known person: the account is unknown, or it
     * has no such profile. For the other resources that take profile ids.
     */
    static Response unknown(ProfileService profiles, String id) {
        String account = ProfileService.accountOf(id);
        if (profiles.person(account).isEmpty()) {
            return ApiError.response(Response.Status.NOT_FOUND, "no user with id " + account);
        }
        return ApiError.response(Response.Status.NOT_FOUND, account + " has no such profile ("
                + (account.equals(id) ? "see GET /api/users/" + account + "/profiles" : id) + ")");
    }

    /** Throws 403 for another person's data, 400 for a profile id, 404 for an unknown account. */
    private void requireAccount(String id, SecurityContext security) {
        Access.requirePerson(security, id);
        if (id.indexOf(ProfileService.SEPARATOR) >= 0) {
            throw new WebApplicationException(ApiError.response(Response.Status.BAD_REQUEST,
                    "profiles belong to an account, and " + id + " is a profile"));
        }
        if (profiles.person(id).isEmpty()) {
            throw new WebApplicationException(ApiError.response(Response.Status.NOT_FOUND, "no user with id " + id));
        }
    }

    /** The body as {@code type}; throws 413 when too large, 400 naming the problem when it cannot be read. */
    private <T> T read(InputStream input, Class<T> type) throws IOException {
        byte[] bytes = input.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new WebApplicationException(ApiError.response(413, "body larger than " + MAX_BODY_BYTES + " bytes"));
        }
        T value;
        try {
            value = json.readValue(bytes, type);
        } catch (JsonProcessingException e) {
            throw new WebApplicationException(ApiError.response(Response.Status.BAD_REQUEST,
                    "body: " + e.getOriginalMessage()));
        }
        if (value == null) {
            throw new WebApplicationException(ApiError.response(Response.Status.BAD_REQUEST,
                    "body: a JSON object is needed"));
        }
        return value;
    }
}
