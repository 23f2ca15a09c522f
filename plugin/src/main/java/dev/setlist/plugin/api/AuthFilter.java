package dev.setlist.plugin.api;

import dev.setlist.plugin.auth.AdminKey;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Every {@code /api/} path but {@code /api/health} needs {@code Authorization: Bearer <admin key>};
 * without it the answer is 401. The webhook checks its own secret; the page and its assets are public
 * (they hold no data).
 */
@Priority(Priorities.AUTHENTICATION)
public final class AuthFilter implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final AdminKey adminKey;

    public AuthFilter(AdminKey adminKey) {
        this.adminKey = adminKey;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("api/") || path.equals("api/health")) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            request.abortWith(unauthorized("missing credential: send Authorization: Bearer <key>"));
            return;
        }
        if (!adminKey.matches(header.substring(BEARER.length()).trim())) {
            request.abortWith(unauthorized("the key is not valid"));
        }
    }

    private static Response unauthorized(String reason) {
        return Response.fromResponse(ApiError.response(Response.Status.UNAUTHORIZED, reason))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"setlist\"").build();
    }
}
