package dev.setlist.plugin.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.setlist.plugin.profile.ProfileService;
import dev.setlist.plugin.store.PersonStore;
import dev.setlist.rules.model.Mode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A person's mode.
 *
 * <ul>
 *   <li>{@code GET /api/users/{id}/mode}: {@code {"chosen": true, "mode", "setAt", "expiresAt"}} of the mode
 *       the person chose, or {@code {"chosen": false}} when the rules infer one per request.</li>
 *   <li>{@code PUT /api/users/{id}/mode} with {@code {"mode": "workout", "minutes": 90}}: sets it, for
 *       {@code minutes} (1 to 10080) or until changed when absent. 400 for an unknown mode.</li>
 *   <li>{@code DELETE /api/users/{id}/mode}: back to inferred modes. 204.</li>
 * </ul>
 * {@code id} may be a profile, {@code <account>~<profile>}, which keeps its own. 403 for another person's data;
 * 404 for an unknown person or profile.
 */
@Path("/api/users/{id}/mode")
@Produces(MediaType.APPLICATION_JSON)
public final class ModeResource {

    /** The mode in force: {@code chosen} false means the rules infer one per request. */
    public record ModeView(boolean chosen, String mode, java.time.Instant setAt, java.time.Instant expiresAt) {
        static final ModeView NONE = new ModeView(false, null, null, null);

        static ModeView of(PersonStore.ModeChoice choice) {
            return new ModeView(true, choice.mode(), choice.setAt(), choice.expiresAt());
        }
    }

    /** The body of a mode change. */
    public record ModeChange(String mode, Integer minutes) {
    }



    private final ProfileService profiles;
    private final PersonStore people;
    private final ObjectMapper json;
    private final Clock clock;

    public ModeResource(ProfileService profiles, PersonStore people, ObjectMapper json, Clock clock) {
        this.profiles = profiles;
        this.people = people;
        this.json = json;
        this.clock = clock;
    }

    @GET
    public Response mode(@PathParam("id") String userId, @Context SecurityContext security) {
        Response refused = check(userId, security);
        if (refused != null) {
            return refused;
        }
        return Response.ok(people.mode(userId).map(ModeView::of).orElse(ModeView.NONE)).build();
    }

    @PUT
    @Consumes(MediaType.WILDCARD)
    public Response setMode(@PathParam("id") String userId, InputStream input, @Context SecurityContext security)
            throws IOException {
        Response refused = check(userId, security);
        if (refused != null) {
            return refused;
        }
        ModeChange change;
        try {
            change = json.readValue(input.readNBytes(16 * 1024), ModeChange.class);
        } catch (JsonProcessingException e) {
            return ApiError.response(Response.Status.BAD_REQUEST, "body: " + e.getOriginalMessage());
        }
        if (change == null || change.mode() == null) {
            return ApiError.response(Response.Status.BAD_REQUEST, "mode is missing");
        }
        Mode mode;
        try {
            mode = Mode.parse(change.mode());
        } catch (IllegalArgumentException e) {
            return ApiError.response(Response.Status.BAD_REQUEST, "mode: " + e.getMessage());
        }
        if (change.minutes() != null && (change.minutes() < 1 || change.minutes() > 7 * 24 * 60)) {
            return ApiError.response(Response.Status.BAD_REQUEST,
                    "minutes must be between 1 and 10080, was " + change.minutes());
        }
        Instant expires = change.minutes() == null ? null : clock.instant().plus(Duration.ofMinutes(change.minutes()));
        people.setMode(userId, mode.key(), expires);
        return Response.ok(ModeView.of(people.mode(userId).orElseThrow())).build();
    }

    @DELETE
    public Response clearMode(@PathParam("id") String userId, @Context SecurityContext security) {
        Response refused = check(userId, security);
        if (refused != null) {
            return refused;
        }
        people.setMode(userId, null, null);
        return Response.noContent().build();
    }

    private Response check(String userId, SecurityContext security) {
        Access.requirePerson(security, userId);
        if (profiles.person(userId).isEmpty()) {
            return ProfilesResource.unknown(profiles, userId);
        }
        return null;
    }
}
