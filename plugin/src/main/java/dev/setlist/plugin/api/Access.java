package dev.setlist.plugin.api;

import dev.setlist.plugin.auth.Principal;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/** Access checks for resources, after {@link AuthFilter} has named the caller. */
final class Access {

    private Access() {
    }

    static Principal caller(SecurityContext security) {
        if (security.getUserPrincipal() instanceof Principal principal) {
            return principal;
        }
        throw new WebApplicationException(ApiError.response(Response.Status.UNAUTHORIZED, "missing credential"));
    }

    /** Throws 403 unless the caller may read and write the data of {@code userId}. */
    static void requirePerson(SecurityContext security, String userId) {
        if (!caller(security).mayAccess(userId)) {
            throw new WebApplicationException(ApiError.response(Response.Status.FORBIDDEN,
                    "this credential may not access another person's data"));
        }
    }

    /** Throws 403 unless the caller holds the admin key. */
    static void requireAdmin(SecurityContext security) {
        if (!(caller(security) instanceof Principal.Admin)) {
            throw new WebApplicationException(ApiError.response(Response.Status.FORBIDDEN, "this needs the admin key"));
        }
    }
}
