package dev.setlist.plugin.api;

import dev.setlist.plugin.auth.AdminKey;
import dev.setlist.plugin.metrics.SetlistMetrics;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * {@code GET /metrics}: every figure of {@link SetlistMetrics} in Prometheus's text format
 * ({@code text/plain; version=0.0.4}). Needs {@code Authorization: Bearer <token>} with the metrics token
 * ({@code metrics.token}; read-only, meant for the Prometheus scrape configuration) or the admin key; 401
 * otherwise. A person's token is not enough: the figures are the whole household's.
 */
@Path("/metrics")
public final class MetricsResource {

    private static final String BEARER = "Bearer ";

    private final SetlistMetrics metrics;
    private final AdminKey adminKey;
    private final Optional<byte[]> metricsToken;

    public MetricsResource(SetlistMetrics metrics, AdminKey adminKey, Optional<String> metricsToken) {
        this.metrics = metrics;
        this.adminKey = adminKey;
        this.metricsToken = metricsToken.map(token -> token.getBytes(StandardCharsets.UTF_8));
    }

    @GET
    public Response scrape(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return unauthorized("missing credential: send Authorization: Bearer <metrics token or admin key>");
        }
        String presented = authorization.substring(BEARER.length()).trim();
        boolean metricsTokenMatches = metricsToken.isPresent()
                && MessageDigest.isEqual(metricsToken.get(), presented.getBytes(StandardCharsets.UTF_8));
        if (!metricsTokenMatches && !adminKey.matches(presented)) {
            return unauthorized("the key is not the metrics token or the admin key");
        }
        return Response.ok(metrics.scrape(), "text/plain; version=0.0.4; charset=utf-8").build();
    }

    private static Response unauthorized(String reason) {
        return Response.fromResponse(ApiError.response(Response.Status.UNAUTHORIZED, reason))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"setlist\"").build();
    }
}
