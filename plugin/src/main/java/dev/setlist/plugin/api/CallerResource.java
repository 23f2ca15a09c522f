package dev.setlist.plugin.api;

import dev.setlist.plugin.auth.Principal;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code GET /api/me}: who the credential belongs to, so the web page shows only the views the caller may
 * use: {@code {"role": "admin"}} for the admin key, {@code {"role": "person", "userId": "..."}} for a person's
 * token. 401 without a valid credential (the page then asks to sign in).
 */
@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
public final class CallerResource {

    /** The caller: {@code admin} or {@code person}, and the person's account id. */
    public record Caller(String role, String userId) {
    }

    @GET
    public Caller me(@Context SecurityContext security) {
        Principal caller = Access.caller(security);
        return caller instanceof Principal.Person person ? new Caller("person", person.userId())
                : new Caller("admin", null);
    }
}
