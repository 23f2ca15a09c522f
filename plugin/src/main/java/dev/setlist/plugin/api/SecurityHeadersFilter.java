package dev.setlist.plugin.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Headers every answer carries: {@code X-Content-Type-Options: nosniff}, so a browser never reads JSON holding
 * a stored title such as {@code <script>} as a page; and on {@code /api/} answers {@code Cache-Control: no-store},
 * because they hold a person's data and are fetched with a credential. The page sets its own
 * {@code Content-Security-Policy} ({@link WebUiResource}).
 *
 * <p>Stateless; thread-safe.
 */
public final class SecurityHeadersFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
        String path = request.getUriInfo().getPath();
        if (path.startsWith("api/") && !path.startsWith("api/docs")
                && !response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            CacheControl noStore = new CacheControl();
            noStore.setNoStore(true);
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, noStore);
        }
    }
}
