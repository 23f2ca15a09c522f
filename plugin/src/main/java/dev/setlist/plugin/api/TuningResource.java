package dev.setlist.plugin.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.setlist.plugin.playlist.TuningDefaults;
import dev.setlist.plugin.profile.ProfileService;
import dev.setlist.plugin.store.PersonStore;
import dev.setlist.plugin.taste.ExplorationPosterior;
import jakarta.ws.rs.Consumes;
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

/**
 * A person's tuning: how adventurous and how varied their playlists are.
 *
 * <ul>
 *   <li>{@code GET /api/users/{id}/tuning}: the exploration bounds, wildcard slots and diversity in force
 *       (the person's own or the defaults), the adaptive exploration rate now, and the wildcard history.</li>
 *   <li>{@code PUT /api/users/{id}/tuning} with any of {@code explorationMin}, {@code explorationMax}
 *       (0 to 0.5, min not above max), {@code wildcardSlots} (0 to 10), {@code diversity} (0 to 1); a field
 *       set to null goes back to the default. 400 naming the field at fault.</li>
 * </ul>
 * {@code id} may be a profile, {@code <account>~<profile>}, which keeps its own. 403 for another person's data;
 * 404 for an unknown person or profile.
 */
@Path("/api/users/{id}/tuning")
@Produces(MediaType.APPLICATION_JSON)
public final class TuningResource {

    /** The body of a tuning change; null fields go back to the defaults. */
    public record TuningChange(Double explorationMin, Double explorationMax, Integer wildcardSlots, Double diversity) {
    }

    /** The tuning in force. */
    public record TuningView(double explorationMin, double explorationMax, int wildcardSlots, double diversity,
                             double explorationRate, double wildcardsTaken, double wildcardsDeclined,
                             PersonStore.TuningOverrides own, TuningDefaults defaults) {
    }

    private final ProfileService profiles;
    private final PersonStore people;
    private final TuningDefaults defaults;
    private final ObjectMapper json;

    public TuningResource(ProfileService profiles, PersonStore people, TuningDefaults defaults, ObjectMapper json) {
        this.profiles = profiles;
        this.people = people;
        this.defaults = defaults;
        this.json = json;
    }

    @GET
    public Response tuning(@PathParam("id") String userId, @Context SecurityContext security) {
        Response refused = check(userId, security);
        return refused != null ? refused : Response.ok(view(userId)).build();
    }

    @PUT
    @Consumes(MediaType.WILDCARD)
    public Response setTuning(@PathParam("id") String userId, InputStream input, @Context SecurityContext security)
            throws IOException {
        Response refused = check(userId, security);
        if (refused != null) {
            return refused;
        }
        TuningChange change;
        try {
            change = json.readValue(input.readNBytes(16 * 1024), TuningChange.class);
        } catch (JsonProcessingException e) {
            return ApiError.response(Response.Status.BAD_REQUEST, "body: " + e.getOriginalMessage());
        }
        if (change == null) {
            return ApiError.response(Response.Status.BAD_REQUEST, "body is empty");
        }
        String problem = problem(change);
        if (problem != null) {
            return ApiError.response(Response.Status.BAD_REQUEST, problem);
        }
        people.saveOverrides(userId, new PersonStore.TuningOverrides(change.explorationMin(), change.explorationMax(),
                change.wildcardSlots(), change.diversity()));
        return Response.ok(view(userId)).build();
    }

    private String problem(TuningChange change) {
        if (outside(change.explorationMin(), 0, 0.5)) {
            return "explorationMin must be between 0 and 0.5, was " + change.explorationMin();
        }
        if (outside(change.explorationMax(), 0, 0.5)) {
            return "explorationMax must be between 0 and 0.5, was " + change.explorationMax();
        }
        double min = change.explorationMin() != null ? change.explorationMin() : defaults.explorationMin();
        double max = change.explorationMax() != null ? change.explorationMax() : defaults.explorationMax();
        if (min > max) {
            return "explorationMin (" + min + ") must not be above explorationMax (" + max + ")";
        }
        if (change.wildcardSlots() != null && (change.wildcardSlots() < 0 || change.wildcardSlots() > 10)) {
            return "wildcardSlots must be between 0 and 10, was " + change.wildcardSlots();
        }
        if (outside(change.diversity(), 0, 1)) {
            return "diversity must be between 0 and 1, was " + change.diversity();
        }
        return null;
    }

    private static boolean outside(Double value, double min, double max) {
        return value != null && !(value >= min && value <= max);
    }

    private TuningView view(String userId) {
        PersonStore.TuningOverrides own = people.overrides(userId);
        ExplorationPosterior posterior = people.posterior(userId);
        double min = own.explorationMin() != null ? own.explorationMin() : defaults.explorationMin();
        double max = Math.max(min, own.explorationMax() != null ? own.explorationMax() : defaults.explorationMax());
        return new TuningView(min, max, own.wildcardSlots() != null ? own.wildcardSlots() : defaults.wildcardSlots(),
                own.diversity() != null ? own.diversity() : defaults.diversity(), posterior.rate(min, max),
                posterior.taken(), posterior.declined(), own, defaults);
    }

    private Response check(String userId, SecurityContext security) {
        Access.requirePerson(security, userId);
        if (profiles.person(userId).isEmpty()) {
            return ProfilesResource.unknown(profiles, userId);
        }
        return null;
    }
}
