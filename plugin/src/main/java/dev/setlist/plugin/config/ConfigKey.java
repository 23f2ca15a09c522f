package dev.setlist.plugin.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every configuration key, with its name in a configuration file, its environment variable, its
 * command-line flag and its default. docs/configuration.md is generated from the same facts by
 * hand and a test keeps the two in step.
 */
public enum ConfigKey {
    PORT("port", "SETLIST_PORT", "--port", "8420", "HTTP port (0 picks a free one)."),
    HOST("host", "SETLIST_HOST", "--host", "0.0.0.0", "Address to listen on; `setlist demo` uses 127.0.0.1 unless set."),
    DATA("data", "SETLIST_DATA", "--data", "setlist-data",
            "Data folder: the H2 database, generated secrets, rule versions."),
    JELLYFIN_URL("jellyfin.url", "SETLIST_JELLYFIN_URL", "--jellyfin-url", "",
            "Base URL of the Jellyfin server, e.g. http://jellyfin.local:8096. Empty: no media server."),
    JELLYFIN_API_KEY("jellyfin.api-key", "SETLIST_JELLYFIN_API_KEY", "--jellyfin-api-key", "",
            "Jellyfin API key (Dashboard > API Keys). Prefer the environment variable to the flag."),
    RULES("rules", "SETLIST_RULES", "--rules", "",
            "Curator rules folder, read on top of the shipped rule packs. Empty: shipped packs only."),
    WEBHOOK_SECRET("webhook.secret", "SETLIST_WEBHOOK_SECRET", "--webhook-secret", "",
            "Shared secret the webhook must send in X-Setlist-Secret. Empty: generated on first run and kept in the data folder."),
    ADMIN_KEY("admin.key", "SETLIST_ADMIN_KEY", "--admin-key", "",
            "Admin API key (Authorization: Bearer). Empty: generated on first run, shown once, stored hashed.");

    /** Environment variable naming a configuration file; otherwise {@code <data>/setlist.properties} is read when present. */
    public static final String CONFIG_FILE_ENV = "SETLIST_CONFIG";

    private final String fileKey;
    private final String envVar;
    private final String flag;
    private final String defaultValue;
    private final String description;

    ConfigKey(String fileKey, String envVar, String flag, String defaultValue, String description) {
        this.fileKey = fileKey;
        this.envVar = envVar;
        this.flag = flag;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String fileKey() {
        return fileKey;
    }

    public String envVar() {
        return envVar;
    }

    public String flag() {
        return flag;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    public static Optional<ConfigKey> byFileKey(String name) {
        return Arrays.stream(values()).filter(key -> key.fileKey.equals(name)).findFirst();
    }
}
