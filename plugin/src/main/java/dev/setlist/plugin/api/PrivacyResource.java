package dev.setlist.plugin.api;

import dev.setlist.plugin.privacy.PrivacyService;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * A person's control over their data. Needs the admin key (403 with a person's token: pausing, exporting
 * or deleting someone's history is the household admin's act).
 *
 * <ul>
 *   <li>{@code GET /api/privacy/{userId}}: {@link PrivacyService.Status} (paused, since, events left out, events kept).</li>
 *   <li>{@code POST /api/privacy/{userId}/pause}: stop recording their events (they are counted only); 200 with the status.</li>
 *   <li>{@code POST /api/privacy/{userId}/resume}: record again; 200 with the status.</li>
 *   <li>{@code GET /api/privacy/{userId}/export}: everything Setlist holds about them as JSON
 *       ({@link PrivacyService.Export}), with {@code Content-Disposition: attachment}.</li>
 *   <li>{@code DELETE /api/privacy/{userId}}: delete it all, log entries included; 200 with what was
 *       removed ({@link PrivacyService.Deleted}).</li>
 * </ul>
 */
@Path("/api/privacy/{userId}")
@Produces(MediaType.APPLICATION_JSON)
public final class PrivacyResource {

    private final PrivacyService privacy;

    public PrivacyResource(PrivacyService privacy) {
        this.privacy = privacy;
    }

    @GET
    public PrivacyService.Status status(@PathParam("userId") String userId, @Context SecurityContext security) {
        Access.requireAdmin(security);
        return privacy.status(userId);
    }

    @POST
    @Path("pause")
    public PrivacyService.Status pause(@PathParam("userId") String userId, @Context SecurityContext security) {
        Access.requireAdmin(security);
        return privacy.setPaused(userId, true);
    }

    @POST
    @Path("resume")
    public PrivacyService.Status resume(@PathParam("userId") String userId, @Context SecurityContext security) {
        Access.requireAdmin(security);
        return privacy.setPaused(userId, false);
    }

    @GET
    @Path("export")
    public Response export(@PathParam("userId") String userId, @Context SecurityContext security) {
        Access.requireAdmin(security);
        // The id comes from the URL: only safe characters reach the header.
        String fileName = "setlist-" + userId.replaceAll("[^A-Za-z0-9~_-]", "_") + ".json";
        return Response.ok(privacy.export(userId))
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    @DELETE
    public PrivacyService.Deleted delete(@PathParam("userId") String userId, @Context SecurityContext security) {
        Access.requireAdmin(security);
        return privacy.delete(userId);
    }
}
