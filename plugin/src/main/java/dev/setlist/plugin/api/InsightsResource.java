package dev.setlist.plugin.api;

import dev.setlist.plugin.insights.DiversityTrend;
import dev.setlist.plugin.insights.ExplorationTrend;
import dev.setlist.plugin.insights.GenreMix;
import dev.setlist.plugin.insights.InsightsService;
import dev.setlist.plugin.insights.SignalTimeline;
import dev.setlist.plugin.profile.Person;
import dev.setlist.plugin.profile.ProfileService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * What the web UI charts about one person, over the last {@code days} days (1 to 365, default 30; today
 * included; days counted in the server's time zone). Every series has one entry per day.
 *
 * <ul>
 *   <li>{@code GET /api/users/{id}/insights/genres}: {@link GenreMix}, minutes played per genre per day,
 *       from the event log.</li>
 *   <li>{@code GET /api/users/{id}/insights/exploration}: {@link ExplorationTrend}, wildcards offered,
 *       taken and declined per day, the exploration rate used, and the adaptive rate now.</li>
 *   <li>{@code GET /api/users/{id}/insights/diversity}: {@link DiversityTrend}, the intra-list diversity of
 *       every playlist served (playlists, re-planned remainders, journeys, playlists together, surprises)
 *       and the day's mean.</li>
 *   <li>{@code GET /api/users/{id}/insights/signals}: {@link SignalTimeline}, every play and rating with the
 *       weight it added and, when discounted, each discount and why.</li>
 * </ul>
 * {@code id} may be a profile ({@code <account>~<profile>}), or {@code profile} may name one; without it an
 * account's own insights answer (not the watching profile's). 400 naming the parameter at fault; 401
 * without a credential; 403 for another person's data; 404 for an unknown person or profile.
 */
@Path("/api/users/{id}/insights")
@Produces(MediaType.APPLICATION_JSON)
public final class InsightsResource {

    private static final Set<String> KNOWN = Set.of("days", "profile");

    private final InsightsService insights;
    private final ProfileService profiles;

    public InsightsResource(InsightsService insights, ProfileService profiles) {
        this.insights = insights;
        this.profiles = profiles;
    }

    @GET
    @Path("genres")
    public Response genres(@PathParam("id") String id, @Context SecurityContext security, @Context UriInfo uri) {
        return answer(id, security, uri, insights::genres);
    }

    @GET
    @Path("exploration")
    public Response exploration(@PathParam("id") String id, @Context SecurityContext security, @Context UriInfo uri) {
        return answer(id, security, uri, insights::exploration);
    }

    @GET
    @Path("diversity")
    public Response diversity(@PathParam("id") String id, @Context SecurityContext security, @Context UriInfo uri) {
        return answer(id, security, uri, insights::diversity);
    }

    @GET
    @Path("signals")
    public Response signals(@PathParam("id") String id, @Context SecurityContext security, @Context UriInfo uri) {
        return answer(id, security, uri, insights::signals);
    }

    private Response answer(String id, SecurityContext security, UriInfo uri, BiFunction<String, Integer, ?> chart) {
        Access.requirePerson(security, id);
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        int days;
        Optional<Person> person;
        try {
            PlaylistParameters.requireKnown(query, KNOWN, false);
            days = PlaylistParameters.integer(query, "days", InsightsService.DEFAULT_DAYS, 1, InsightsService.MAX_DAYS);
            String profile = PlaylistParameters.single(query, "profile");
            person = profile == null ? profiles.person(id) : profiles.addressed(id, profile);
        } catch (PlaylistParameters.InvalidParameter | IllegalArgumentException e) {
            return ApiError.response(Response.Status.BAD_REQUEST, e.getMessage());
        }
        if (person.isEmpty()) {
            return ProfilesResource.unknown(profiles, id);
        }
        return Response.ok(chart.apply(person.get().id(), days)).build();
    }
}
