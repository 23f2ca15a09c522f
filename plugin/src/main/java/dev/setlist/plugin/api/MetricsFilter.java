package dev.setlist.plugin.api;

import dev.setlist.plugin.metrics.SetlistMetrics;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Feeds {@link SetlistMetrics} from the HTTP side: every answer by status class, how long each playlist took,
 * and why a webhook delivery was refused (its status: 401 unauthorized, 400 malformed, 413 too large; a 200 that
 * was not recorded because the person paused their history; a 202 for a type Setlist ignores).
 *
 * <p>Stateless apart from the metrics; thread-safe.
 */
@PreMatching
@Priority(1)
public final class MetricsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String STARTED = MetricsFilter.class.getName() + ".started";
    private static final Map<String, Pattern> PLAYLISTS = Map.of(
            "playlist", Pattern.compile("api/users/[^/]+/playlist"),
            "journey", Pattern.compile("api/users/[^/]+/journey"),
            "together", Pattern.compile("api/playlist/together"),
            "surprise", Pattern.compile("api/users/[^/]+/surprise"),
            "why", Pattern.compile("api/users/[^/]+/items/[^/]+/why"),
            "feedback", Pattern.compile("api/users/[^/]+/feedback"));

    private final SetlistMetrics metrics;

    public MetricsFilter(SetlistMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        metrics.response(status);
        String path = request.getUriInfo().getPath();
        if (path.startsWith("webhook/")) {
            countWebhook(status, response.getEntity());
            return;
        }
        if (status >= 400 || !(request.getProperty(STARTED) instanceof Long started)) {
            return;
        }
        for (Map.Entry<String, Pattern> kind : PLAYLISTS.entrySet()) {
            if (kind.getValue().matcher(path).matches()) {
                metrics.playlistAnswered(kind.getKey(), System.nanoTime() - started);
                return;
            }
        }
    }

    /** Counts an answer of the webhook that {@link WebhookFastPath} wrote without Jersey, as {@link #filter} would. */
    void webhookAnswered(int status, Object entity) {
        metrics.response(status);
        countWebhook(status, entity);
    }

    private void countWebhook(int status, Object entity) {
        switch (status) {
            case 200 -> {
                if (entity instanceof Map<?, ?> answer && Boolean.FALSE.equals(answer.get("recorded"))) {
                    metrics.eventRefused("paused");
                }
            }
            case 202 -> metrics.eventIgnored();
            case 400 -> metrics.eventRefused("malformed");
            case 401 -> metrics.eventRefused("unauthorized");
            case 413 -> metrics.eventRefused("too_large");
            case 503 -> metrics.eventRefused("unavailable");
            default -> {
                if (status >= 400) {
                    metrics.eventRefused("other");
                }
            }
        }
    }
}
