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
            "Admin API key (Authorization: Bearer). Empty: generated on first run, shown once, stored hashed."),
    METRICS_TOKEN("metrics.token", "SETLIST_METRICS_TOKEN", "--metrics-token", "",
            "Read-only token for GET /metrics (Authorization: Bearer), for Prometheus. Empty: only the admin key reads metrics."),

    // Storage, Jellyfin sync, playlists out and playback signals (docs/jellyfin.md, docs/architecture.md).
    DATABASE_URL("database.url", "SETLIST_DATABASE_URL", "--database-url", "",
            "JDBC URL of the database, e.g. jdbc:postgresql://db.local:5432/setlist. Empty: the H2 file in the data folder."),
    DATABASE_USER("database.user", "SETLIST_DATABASE_USER", "--database-user", "",
            "Database user (PostgreSQL). Empty: taken from the URL."),
    DATABASE_PASSWORD("database.password", "SETLIST_DATABASE_PASSWORD", "--database-password", "",
            "Database password (PostgreSQL). Prefer the environment variable. Empty: taken from the URL."),
    JELLYFIN_EVENTS("jellyfin.events", "SETLIST_JELLYFIN_EVENTS", "--jellyfin-events", "webhook",
            "Where playback events come from: webhook (the Webhook plugin posts to /webhook/jellyfin) or websocket (Setlist follows Jellyfin's /socket Sessions feed; for servers without the plugin). The webhook endpoint is open either way."),
    JELLYFIN_SYNC_INTERVAL("jellyfin.sync-interval", "SETLIST_JELLYFIN_SYNC_INTERVAL", "--jellyfin-sync-interval", "6h",
            "How often people and the catalog are re-read from Jellyfin (30m, 6h, 1d); a full sweep at most once a day, otherwise only what changed."),
    JELLYFIN_IMPORT_HISTORY("jellyfin.import-history", "SETLIST_JELLYFIN_IMPORT_HISTORY", "--jellyfin-import-history", "true",
            "Import each person's played, favourite and liked items from Jellyfin once, on first sync (true or false)."),
    PLAYLISTS_REFRESH("playlists.refresh", "SETLIST_PLAYLISTS_REFRESH", "--playlists-refresh", "For you@06:00",
            "Playlists written to the media server for everyone, daily: name@HH:MM, comma-separated, local time (e.g. For you@06:00,Evening mix@18:00). Empty: none scheduled."),
    PLAYLISTS_LENGTH("playlists.length", "SETLIST_PLAYLISTS_LENGTH", "--playlists-length", "25",
            "Items per scheduled playlist (1 to 200)."),
    SIGNALS_COMPLETE_FRACTION("signals.complete-fraction", "SETLIST_SIGNALS_COMPLETE_FRACTION", "--signals-complete-fraction", "0.9",
            "A stop at or past this fraction of the running time counts as finished (as does Jellyfin's PlayedToCompletion)."),
    SIGNALS_SKIP_FRACTION("signals.skip-fraction", "SETLIST_SIGNALS_SKIP_FRACTION", "--signals-skip-fraction", "0.1",
            "A stop before this fraction of the running time is a skip: it weighs nothing."),
    SIGNALS_SKIP_SECONDS("signals.skip-seconds", "SETLIST_SIGNALS_SKIP_SECONDS", "--signals-skip-seconds", "30",
            "A stop before this many seconds of playing is a skip, whatever the fraction."),
    SIGNALS_WEIGHT_MOVIE("signals.weight.movie", "SETLIST_SIGNALS_WEIGHT_MOVIE", "--signals-weight-movie", "1.0",
            "Weight of a finished film."),
    SIGNALS_WEIGHT_EPISODE("signals.weight.episode", "SETLIST_SIGNALS_WEIGHT_EPISODE", "--signals-weight-episode", "0.7",
            "Weight of a finished episode."),
    SIGNALS_WEIGHT_TRACK("signals.weight.track", "SETLIST_SIGNALS_WEIGHT_TRACK", "--signals-weight-track", "0.3",
            "Weight of a finished track."),
    SIGNALS_REWATCH_BONUS("signals.rewatch-bonus", "SETLIST_SIGNALS_REWATCH_BONUS", "--signals-rewatch-bonus", "0.5",
            "A finished play of something finished before adds this fraction more."),
    SIGNALS_SEEK_BACK_SECONDS("signals.seek-back-seconds", "SETLIST_SIGNALS_SEEK_BACK_SECONDS", "--signals-seek-back-seconds", "10",
            "A jump back of more than this many seconds within a play counts as going back to see it again."),
    SIGNALS_FAVOURITE_WEIGHT("signals.favourite-weight", "SETLIST_SIGNALS_FAVOURITE_WEIGHT", "--signals-favourite-weight", "2.0",
            "Weight added while an item is a favourite."),
    SIGNALS_LIKE_WEIGHT("signals.like-weight", "SETLIST_SIGNALS_LIKE_WEIGHT", "--signals-like-weight", "1.0",
            "Weight added while an item is liked. A dislike always sets the weight to 0."),
    SIGNALS_AUTOPLAY_GAP("signals.autoplay-gap", "SETLIST_SIGNALS_AUTOPLAY_GAP", "--signals-autoplay-gap", "90s",
            "A play starting within this long after the previous one on the same device finished counts as autoplayed."),
    SIGNALS_LATE_NIGHT("signals.late-night", "SETLIST_SIGNALS_LATE_NIGHT", "--signals-late-night", "23:00-05:00",
            "The late-night window (local time) for the sleepy-viewer discount."),
    SIGNALS_SLEEPY_FREE_ITEMS("signals.sleepy-free-items", "SETLIST_SIGNALS_SLEEPY_FREE_ITEMS", "--signals-sleepy-free-items", "2",
            "Items of a late-night autoplay chain with no pause, seek or rating that count fully, unless the chain goes on past them (then they count sleepy-decay)."),
    SIGNALS_SLEEPY_DECAY("signals.sleepy-decay", "SETLIST_SIGNALS_SLEEPY_DECAY", "--signals-sleepy-decay", "0",
            "Each further item of such a chain counts this much of the one before (0: nothing; 0.5: a half, a quarter...)."),
    SIGNALS_MUTED_FACTOR("signals.muted-factor", "SETLIST_SIGNALS_MUTED_FACTOR", "--signals-muted-factor", "0.25",
            "A play the client reports as muted (WebSocket source only: the webhook does not say) counts this much."),
    TUNING_EXPLORATION_MIN("tuning.exploration-min", "SETLIST_TUNING_EXPLORATION_MIN", "--tuning-exploration-min", "0.05",
            "Lowest exploration rate a person's adaptive rate may fall to (0 to 0.5), until a power user sets theirs."),
    TUNING_EXPLORATION_MAX("tuning.exploration-max", "SETLIST_TUNING_EXPLORATION_MAX", "--tuning-exploration-max", "0.30",
            "Highest exploration rate it may rise to (at least tuning.exploration-min, at most 0.5)."),
    TUNING_WILDCARD_SLOTS("tuning.wildcard-slots", "SETLIST_TUNING_WILDCARD_SLOTS", "--tuning-wildcard-slots", "1",
            "Wildcards offered per playlist while exploring (0 to 10)."),
    TUNING_DIVERSITY("tuning.diversity", "SETLIST_TUNING_DIVERSITY", "--tuning-diversity", "0.3",
            "Diversity strength of the sequencer, 0 (score only) to 1 (novelty only)."),
    TUNING_CALIBRATION("tuning.calibration", "SETLIST_TUNING_CALIBRATION", "--tuning-calibration", "0",
            "How strongly a playlist's genres are kept to the spread of the person's history (0 to 1; 0: off, as measured in docs/behaviours.md)."),
    TUNING_SERIES_IN_ORDER("tuning.series-in-order", "SETLIST_TUNING_SERIES_IN_ORDER", "--tuning-series-in-order", "false",
            "true: a video playlist offers a series only through the episode the person is up to (the first, or the one after the furthest they finished)."),
    SIGNALS_TIMEZONE("signals.timezone", "SETLIST_SIGNALS_TIMEZONE", "--signals-timezone", "",
            "Time zone of the household for the late-night window and the playlist schedule, e.g. Europe/Paris. Empty: the system's.");

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
