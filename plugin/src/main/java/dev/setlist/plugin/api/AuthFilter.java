package dev.setlist.plugin.api;

import dev.setlist.plugin.auth.AdminKey;
import dev.setlist.plugin.auth.JellyfinTokens;
import dev.setlist.plugin.auth.Principal;
import dev.setlist.plugin.auth.TokenStore;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.util.Optional;

/**
 * Every {@code /api/} path but {@code /api/health} and the API description needs
 * {@code Authorization: Bearer <key>}, where the key is the admin key, a person's Setlist token, or (when a
 * Jellyfin server is configured) a Jellyfin access token, which stands for the Jellyfin user it belongs to
 * ({@link JellyfinTokens}); without a valid one the answer is 401, and 503 when Jellyfin cannot say. The caller becomes the request's {@link SecurityContext} principal
 * ({@link Principal.Admin} or {@link Principal.Person}); resources check access with {@link Access}.
 * The webhook checks its own secret; the page and its assets are public (they hold no data).
 */
@Priority(Priorities.AUTHENTICATION)
public final class AuthFilter implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final AdminKey adminKey;
    private final TokenStore tokens;
    private final JellyfinTokens jellyfinTokens;

    public AuthFilter(AdminKey adminKey, TokenStore tokens) {
        this(adminKey, tokens, null);
    }

    /** @param jellyfinTokens checks Jellyfin access tokens, or {@code null} when no Jellyfin is configured */
    public AuthFilter(AdminKey adminKey, TokenStore tokens, JellyfinTokens jellyfinTokens) {
        this.adminKey = adminKey;
        this.tokens = tokens;
        this.jellyfinTokens = jellyfinTokens;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("api/") || path.equals("api/health") || path.startsWith("api/openapi")
                || path.startsWith("api/docs")) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            request.abortWith(unauthorized("missing credential: send Authorization: Bearer <key>"));
            return;
        }
        String presented = header.substring(BEARER.length()).trim();
        Optional<Principal> principal = adminKey.matches(presented)
                ? Optional.of(new Principal.Admin())
                : tokens.userOf(presented).map(Principal.Person::new);
        // Setlist's own tokens start with st_: one of those that is not (or no longer) stored is no Jellyfin token.
        if (principal.isEmpty() && jellyfinTokens != null && !presented.isEmpty() && !presented.startsWith("st_")) {
            try {
                principal = jellyfinTokens.userOf(presented).map(Principal.Person::new);
            } catch (JellyfinTokens.Unavailable e) {
                request.abortWith(ApiError.response(Response.Status.SERVICE_UNAVAILABLE,
                        "the key could not be checked: Jellyfin does not answer"));
                return;
            }
        }
        if (principal.isEmpty()) {
            request.abortWith(unauthorized("the key is not valid"));
            return;
        }
        boolean secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(new CallerContext(principal.get(), secure));
    }

    private static Response unauthorized(String reason) {
        return Response.fromResponse(ApiError.response(Response.Status.UNAUTHORIZED, reason))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"setlist\"").build();
    }

    private record CallerContext(Principal caller, boolean secure) implements SecurityContext {
        @Override
        public java.security.Principal getUserPrincipal() {
            return caller;
        }

        @Override
        public boolean isUserInRole(String role) {
            return "admin".equals(role) && caller instanceof Principal.Admin;
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return "Bearer";
        }
    }
}
