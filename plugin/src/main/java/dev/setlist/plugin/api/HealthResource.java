package dev.setlist.plugin.api;

import dev.setlist.plugin.Health;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/health}: whether Setlist is up and what it holds. Needs no credential.
 *
 * <p>Answers 200 with {@link Health.Report}: {@code status} ({@code ok} or {@code degraded}),
 * {@code version}, {@code database}, {@code catalog} (item count), {@code users}, {@code events}
 * (the number of events in the log), {@code mediaServer}, and {@code problems} (why degraded).
 */
@Path("/api/health")
public final class HealthResource {

    private final Health health;

    public HealthResource(Health health) {
        this.health = health;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Health.Report health() {
        return health.report();
    }
}
