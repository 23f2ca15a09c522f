package dev.setlist.plugin.api;

import dev.setlist.plugin.Health;
import dev.setlist.plugin.config.SetlistConfig;
import dev.setlist.plugin.jellyfin.JellyfinSync;
import dev.setlist.plugin.rulebook.RuleWorkbench;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/settings}: what the Settings page shows. Admin key only (403 otherwise), because it holds
 * the webhook secret.
 *
 * <p>Answers {@link View}: the media server (its kind, whether Setlist reaches it, why not), the Jellyfin
 * sync (event source, interval, when the last one started, and where a running one is), the webhook (the URL
 * as this request reached Setlist, the header and its secret), the Webhook plugin's template to paste (the
 * same text as {@code docs/jellyfin.md}), the rule book serving, and the health report.
 */
@Path("/api/settings")
@Produces(MediaType.APPLICATION_JSON)
public final class SettingsResource {

    /** The webhook's path below Setlist's address. */
    static final String WEBHOOK_PATH = "webhook/jellyfin";
    /** Where the template ships. */
    static final String TEMPLATE = "dev/setlist/plugin/jellyfin/webhook-template.hbs";

    /**
     * @param kind        {@code demo} or {@code jellyfin}
     * @param description what the server describes itself as
     * @param url         Jellyfin's address, or null for the demo
     * @param state       {@code demo}, {@code connected}, {@code waiting} (no sync finished yet) or {@code failing}
     * @param problems    why it is failing
     */
    public record MediaServerView(String kind, String description, String url, String state, List<String> problems) {
    }

    /** The Jellyfin sync: null fields when there is none (demo). */
    public record SyncView(String events, Duration interval, Instant lastSync, JellyfinSync.Progress progress) {
    }

    /** The webhook to set up in Jellyfin's Webhook plugin. */
    public record WebhookView(String url, String header, String secret) {
    }

    /** Everything the Settings page shows. */
    public record View(String version, MediaServerView mediaServer, SyncView sync, WebhookView webhook,
                       String template, String rules, Health.Report health) {
    }

    private final Health health;
    private final SetlistConfig config;
    private final JellyfinSync sync;
    private final String webhookSecret;
    private final RuleWorkbench rules;
    private final String template;

    /**
     * @param sync null when Setlist serves the demo library
     */
    public SettingsResource(Health health, SetlistConfig config, JellyfinSync sync, String webhookSecret,
                            RuleWorkbench rules) {
        this.health = health;
        this.config = config;
        this.sync = sync;
        this.webhookSecret = webhookSecret;
        this.rules = rules;
        this.template = template();
    }

    @GET
    public View settings(@Context SecurityContext security, @Context UriInfo uri) {
        Access.requireAdmin(security);
        Health.Report report = health.report();
        MediaServerView server;
        SyncView syncView;
        if (sync == null) {
            server = new MediaServerView("demo", report.mediaServer(), null, "demo", List.of());
            syncView = new SyncView(null, null, null, null);
        } else {
            List<String> problems = sync.problems();
            String state = !problems.isEmpty() ? "failing" : sync.lastSync() == null ? "waiting" : "connected";
            server = new MediaServerView("jellyfin", report.mediaServer(),
                    config.jellyfinUrl().map(URI::toString).orElse(null), state, problems);
            syncView = new SyncView(config.sync().events().name().toLowerCase(java.util.Locale.ROOT),
                    config.sync().interval(), sync.lastSync(), sync.progress().orElse(null));
        }
        String url = uri.getBaseUri().resolve(WEBHOOK_PATH).toString();
        return new View(report.version(), server, syncView, new WebhookView(url, "X-Setlist-Secret", webhookSecret),
                template, rules.status().version(), report);
    }

    private static String template() {
        try (InputStream in = SettingsResource.class.getClassLoader().getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("the webhook template is not packaged: " + TEMPLATE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
