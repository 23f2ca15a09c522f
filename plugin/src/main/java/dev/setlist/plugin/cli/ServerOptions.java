package dev.setlist.plugin.cli;

import dev.setlist.plugin.config.ConfigKey;
import picocli.CommandLine.Option;

import java.util.EnumMap;
import java.util.Map;

/** The options every command that runs Setlist shares; each overrides its environment variable and the config file. */
public final class ServerOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file (Java properties). Default: $SETLIST_CONFIG, else <data>/setlist.properties when present.")
    String config;

    @Option(names = "--port", paramLabel = "PORT", description = "HTTP port (env SETLIST_PORT, default 8420; 0 = any free port).")
    String port;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "Address to listen on (env SETLIST_HOST, default 0.0.0.0).")
    String host;

    @Option(names = "--data", paramLabel = "FOLDER", description = "Data folder (env SETLIST_DATA, default ./setlist-data).")
    String data;

    @Option(names = "--jellyfin-url", paramLabel = "URL", description = "Jellyfin base URL (env SETLIST_JELLYFIN_URL).")
    String jellyfinUrl;

    @Option(names = "--jellyfin-api-key", paramLabel = "KEY", description = "Jellyfin API key (env SETLIST_JELLYFIN_API_KEY; prefer the variable).")
    String jellyfinApiKey;

    @Option(names = "--rules", paramLabel = "FOLDER", description = "Curator rules folder (env SETLIST_RULES).")
    String rules;

    @Option(names = "--webhook-secret", paramLabel = "SECRET", description = "Webhook secret (env SETLIST_WEBHOOK_SECRET; default: generated).")
    String webhookSecret;

    @Option(names = "--admin-key", paramLabel = "KEY", description = "Admin API key (env SETLIST_ADMIN_KEY; default: generated, shown once).")
    String adminKey;

    /** The flags that were given, by key. */
    Map<ConfigKey, String> flags() {
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        put(flags, ConfigKey.PORT, port);
        put(flags, ConfigKey.HOST, host);
        put(flags, ConfigKey.DATA, data);
        put(flags, ConfigKey.JELLYFIN_URL, jellyfinUrl);
        put(flags, ConfigKey.JELLYFIN_API_KEY, jellyfinApiKey);
        put(flags, ConfigKey.RULES, rules);
        put(flags, ConfigKey.WEBHOOK_SECRET, webhookSecret);
        put(flags, ConfigKey.ADMIN_KEY, adminKey);
        return flags;
    }

    private static void put(Map<ConfigKey, String> flags, ConfigKey key, String value) {
        if (value != null) {
            flags.put(key, value);
        }
    }
}
