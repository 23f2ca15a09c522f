package dev.setlist.plugin.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * Headers every answer carries: {@code X-Content-Type-Options: nosniff}, so a browser never reads JSON holding
 * a stored title such as {@code <script>} as a page; and on {@code /api/} answers {@code Cache-Control: no-store},
 * because they hold a person's data and are fetched with a credential. The page sets its own
 * {@code Content-Security-Policy} ({@link WebUiResource}). An error Jersey answers by itself without a body (a
 * {@code Content-Type} that is no media type, say) gets the {@link ApiError} body every other error has, so
 * every refusal says why.
 *
 * <p>Stateless; thread-safe.
 */
public final class SecurityHeadersFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
        if (response.getStatus() >= 400 && !response.hasEntity()) {
            String reason = response.getStatusInfo().getReasonPhrase();
            if (response.getStatus() == 400 && !validMediaType(request.getHeaderString(HttpHeaders.CONTENT_TYPE))) {
                reason = "Content-Type is not a media type: '" + request.getHeaderString(HttpHeaders.CONTENT_TYPE) + "'";
            }
            response.setEntity(new ApiError(response.getStatus(), reason), new java.lang.annotation.Annotation[0],
                    MediaType.APPLICATION_JSON_TYPE);
        }
        String path = request.getUriInfo().getPath();
        if (path.startsWith("api/") && !path.startsWith("api/docs")
                && !response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            CacheControl noStore = new CacheControl();
            noStore.setNoStore(true);
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, noStore);
        }
    }

    /** Whether Jersey takes {@code header} as a request's media type (no header at all included). */
    static boolean validMediaType(String header) {
        if (header == null) {
            return true;
        }
        try {
            MediaType.valueOf(header);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
