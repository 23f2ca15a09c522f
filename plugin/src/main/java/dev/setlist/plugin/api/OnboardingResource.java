package dev.setlist.plugin.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.setlist.plugin.playlist.UnknownItemException;
import dev.setlist.plugin.playlist.UnknownUserException;
import dev.setlist.plugin.taste.OnboardingService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
 * The pairwise onboarding quiz.
 *
 * <ul>
 *   <li>{@code GET /api/users/{id}/onboarding/pair}: two items to choose between, chosen to be informative
 *       (well known, far apart in taste, uncertain for this person), with progress:
 *       {@code {"first", "second", "answered", "needed"}}. 204 when the library has no pair left.</li>
 *   <li>{@code POST /api/users/{id}/onboarding/pair} with {@code {"chosen": "<itemId>", "other": "<itemId>"}}:
 *       records the choice; the person's taste is folded from it at once. Answers
 *       {@code {"answered", "needed", "personal"}}; after ten answers the playlist is personal.</li>
 * </ul>
 * 400 naming the field at fault; 403 for another person's data; 404 for an unknown person or item.
 */
@Path("/api/users/{id}/onboarding/pair")
@Produces(MediaType.APPLICATION_JSON)
public final class OnboardingResource {

    /** The body of an answer. */
    public record Answer(String chosen, String other) {
    }

    private final OnboardingService onboarding;
    private final ObjectMapper json;

    public OnboardingResource(OnboardingService onboarding, ObjectMapper json) {
        this.onboarding = onboarding;
        this.json = json;
    }

    @GET
    public Response pair(@PathParam("id") String userId, @Context SecurityContext security) {
        Access.requirePerson(security, userId);
        try {
            return onboarding.nextPair(userId).map(pair -> Response.ok(pair).build())
                    .orElseGet(() -> Response.noContent().build());
        } catch (UnknownUserException e) {
            return ApiError.response(Response.Status.NOT_FOUND, e.getMessage());
        }
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response answer(@PathParam("id") String userId, InputStream input, @Context SecurityContext security)
            throws IOException {
        Access.requirePerson(security, userId);
        Answer answer;
        try {
            answer = json.readValue(input.readNBytes(16 * 1024), Answer.class);
        } catch (JsonProcessingException e) {
            return ApiError.response(Response.Status.BAD_REQUEST, "body: " + e.getOriginalMessage());
        }
        if (answer == null || answer.chosen() == null || answer.chosen().isBlank()) {
            return ApiError.response(Response.Status.BAD_REQUEST, "chosen is missing");
        }
        if (answer.other() == null || answer.other().isBlank()) {
            return ApiError.response(Response.Status.BAD_REQUEST, "other is missing");
        }
        try {
            return Response.ok(onboarding.answer(userId, answer.chosen().trim(), answer.other().trim())).build();
        } catch (UnknownUserException | UnknownItemException e) {
            return ApiError.response(Response.Status.NOT_FOUND, e.getMessage());
        } catch (IllegalArgumentException e) {
            return ApiError.response(Response.Status.BAD_REQUEST, "other: " + e.getMessage());
        }
    }
}
