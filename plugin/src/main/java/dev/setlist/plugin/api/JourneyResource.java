package dev.setlist.plugin.api;

import dev.setlist.plugin.journey.Journey;
import dev.setlist.plugin.journey.JourneyRefused;
import dev.setlist.plugin.journey.JourneyRequest;
import dev.setlist.plugin.journey.JourneyService;
import dev.setlist.plugin.playlist.UnknownItemException;
import dev.setlist.plugin.playlist.UnknownUserException;
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

/**
 * {@code GET /api/users/{id}/journey?from={itemA}&to={itemB}}: a session that travels from one item to
 * another through taste space ({@link Journey}). Each step lies near the straight line between the two
 * items' taste vectors, at its own point of it, and near the person's taste; every step passed the same
 * rules and constraints as a playlist, and the order is the path's. Both ends play, first and last.
 *
 * <p>Parameters: {@code from} and {@code to} (item ids, required, of one media: two tracks, or two films
 * or episodes); {@code length} (items, both ends included, 3 to 50, default 10); {@code pull} (0 to 1,
 * default 0.3: how strongly the steps lean towards the person's taste rather than the straight path);
 * {@code diversity} (0 to 1, default the person's); {@code mode}, {@code time}, {@code device},
 * {@code client} as for a playlist; {@code profile} to travel as a profile of the account (see
 * {@link ProfilesResource}).
 *
 * <p>Answers: 200 with the journey; 400 naming the parameter at fault, or when the ends mix music and
 * video or are one item; 401 without a credential; 403 for another person's data; 404 for an unknown
 * person, profile or item; 422 when an end is above the person's parental ceiling or has no place in
 * taste space yet; 503 before the first taste model is trained.
 */
@Path("/api/users/{id}/journey")
@Produces(MediaType.APPLICATION_JSON)
public final class JourneyResource {

    private static final Set<String> KNOWN = Set.of("from", "to", "length", "pull", "diversity", "mode", "time",
            "device", "client", "profile");

    private final JourneyService journeys;
    private final ProfileService profiles;

    public JourneyResource(JourneyService journeys, ProfileService profiles) {
        this.journeys = journeys;
        this.profiles = profiles;
    }

    @GET
    public Response journey(@PathParam("id") String id, @Context SecurityContext security, @Context UriInfo uri) {
        Access.requirePerson(security, id);
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        JourneyRequest request;
        Optional<Person> person;
        try {
            request = parse(query);
            person = profiles.addressed(id, PlaylistParameters.single(query, "profile"));
        } catch (PlaylistParameters.InvalidParameter | IllegalArgumentException e) {
            return ApiError.response(Response.Status.BAD_REQUEST, e.getMessage());
        }
        if (person.isEmpty()) {
            return ProfilesResource.unknown(profiles, id);
        }
        try {
            return Response.ok(journeys.journey(person.get().id(), request)).build();
        } catch (UnknownUserException e) {
            return ApiError.response(Response.Status.NOT_FOUND, e.getMessage());
        } catch (UnknownItemException e) {
            String which = e.itemId().equals(request.fromId()) ? "from" : "to";
            return ApiError.response(Response.Status.NOT_FOUND, which + ": " + e.getMessage());
        } catch (JourneyRefused e) {
            int status = switch (e.why()) {
                case MIXED_MEDIA, SAME_ITEM -> 400;
                case NOT_ALLOWED, NO_PLACE -> 422;
                case NO_MODEL -> 503;
            };
            return ApiError.response(status, e.getMessage());
        }
    }

    private static JourneyRequest parse(MultivaluedMap<String, String> query) throws PlaylistParameters.InvalidParameter {
        PlaylistParameters.requireKnown(query, KNOWN, false);
        String from = required(query, "from");
        String to = required(query, "to");
        int length = PlaylistParameters.integer(query, "length", JourneyRequest.DEFAULT_LENGTH, JourneyRequest.MIN_LENGTH,
                JourneyRequest.MAX_LENGTH);
        Double pull = PlaylistParameters.decimal(query, "pull", 0, 1);
        return new JourneyRequest(from, to, length, pull == null ? JourneyRequest.DEFAULT_TASTE_PULL : pull,
                PlaylistParameters.decimal(query, "diversity", 0, 1), PlaylistParameters.mode(query),
                PlaylistParameters.time(query), PlaylistParameters.single(query, "device"),
                PlaylistParameters.single(query, "client"));
    }

    private static String required(MultivaluedMap<String, String> query, String name)
            throws PlaylistParameters.InvalidParameter {
        String value = PlaylistParameters.single(query, name);
        if (value == null || value.isEmpty()) {
            throw new PlaylistParameters.InvalidParameter(name + " is missing: the id of the item the journey "
                    + (name.equals("from") ? "starts with" : "arrives at"));
        }
        return value;
    }
}
