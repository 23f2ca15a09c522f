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

    @Option(names = "--metrics-token", paramLabel = "TOKEN", description = "Read-only token for GET /metrics (env SETLIST_METRICS_TOKEN; default: admin key only).")
    String metricsToken;

    @Option(names = "--database-url", paramLabel = "VALUE", description = "JDBC URL of the database, e.g (env SETLIST_DATABASE_URL; default empty).")
    String databaseUrl;

    @Option(names = "--database-user", paramLabel = "VALUE", description = "Database user (PostgreSQL) (env SETLIST_DATABASE_USER; default empty).")
    String databaseUser;

    @Option(names = "--database-password", paramLabel = "VALUE", description = "Database password (PostgreSQL) (env SETLIST_DATABASE_PASSWORD; default empty).")
    String databasePassword;

    @Option(names = "--jellyfin-events", paramLabel = "VALUE", description = "Where playback events come from: webhook (the Webhook plugin posts to /webhook/jellyfin) or websocket (Setlist follows Jellyfin's /socket Sessions feed; for servers without the plugin) (env SETLIST_JELLYFIN_EVENTS; default webhook).")
    String jellyfinEvents;

    @Option(names = "--jellyfin-sync-interval", paramLabel = "VALUE", description = "How often people and the catalog are re-read from Jellyfin (30m, 6h, 1d); a full sweep at most once a day, otherwise only what changed. (env SETLIST_JELLYFIN_SYNC_INTERVAL; default 6h).")
    String jellyfinSyncInterval;

    @Option(names = "--jellyfin-import-history", paramLabel = "VALUE", description = "Import each person's played, favourite and liked items from Jellyfin once, on first sync (true or false). (env SETLIST_JELLYFIN_IMPORT_HISTORY; default true).")
    String jellyfinImportHistory;

    @Option(names = "--playlists-refresh", paramLabel = "VALUE", description = "Playlists written to the media server for everyone, daily: name@HH:MM, comma-separated, local time (e.g (env SETLIST_PLAYLISTS_REFRESH; default For you@06:00).")
    String playlistsRefresh;

    @Option(names = "--playlists-length", paramLabel = "VALUE", description = "Items per scheduled playlist (1 to 200). (env SETLIST_PLAYLISTS_LENGTH; default 25).")
    String playlistsLength;

    @Option(names = "--signals-complete-fraction", paramLabel = "VALUE", description = "A stop at or past this fraction of the running time counts as finished (as does Jellyfin's PlayedToCompletion). (env SETLIST_SIGNALS_COMPLETE_FRACTION; default 0.9).")
    String signalsCompleteFraction;

    @Option(names = "--signals-skip-fraction", paramLabel = "VALUE", description = "A stop before this fraction of the running time is a skip: it weighs nothing. (env SETLIST_SIGNALS_SKIP_FRACTION; default 0.1).")
    String signalsSkipFraction;

    @Option(names = "--signals-skip-seconds", paramLabel = "VALUE", description = "A stop before this many seconds of playing is a skip, whatever the fraction. (env SETLIST_SIGNALS_SKIP_SECONDS; default 30).")
    String signalsSkipSeconds;

    @Option(names = "--signals-weight-movie", paramLabel = "VALUE", description = "Weight of a finished film. (env SETLIST_SIGNALS_WEIGHT_MOVIE; default 1.0).")
    String signalsWeightMovie;

    @Option(names = "--signals-weight-episode", paramLabel = "VALUE", description = "Weight of a finished episode. (env SETLIST_SIGNALS_WEIGHT_EPISODE; default 0.7).")
    String signalsWeightEpisode;

    @Option(names = "--signals-weight-track", paramLabel = "VALUE", description = "Weight of a finished track. (env SETLIST_SIGNALS_WEIGHT_TRACK; default 0.3).")
    String signalsWeightTrack;

    @Option(names = "--signals-rewatch-bonus", paramLabel = "VALUE", description = "A finished play of something finished before adds this fraction more. (env SETLIST_SIGNALS_REWATCH_BONUS; default 0.5).")
    String signalsRewatchBonus;

    @Option(names = "--signals-seek-back-seconds", paramLabel = "VALUE", description = "A jump back of more than this many seconds within a play counts as going back to see it again. (env SETLIST_SIGNALS_SEEK_BACK_SECONDS; default 10).")
    String signalsSeekBackSeconds;

    @Option(names = "--signals-favourite-weight", paramLabel = "VALUE", description = "Weight added while an item is a favourite. (env SETLIST_SIGNALS_FAVOURITE_WEIGHT; default 2.0).")
    String signalsFavouriteWeight;

    @Option(names = "--signals-like-weight", paramLabel = "VALUE", description = "Weight added while an item is liked (env SETLIST_SIGNALS_LIKE_WEIGHT; default 1.0).")
    String signalsLikeWeight;

    @Option(names = "--signals-autoplay-gap", paramLabel = "VALUE", description = "A play starting within this long after the previous one on the same device finished counts as autoplayed. (env SETLIST_SIGNALS_AUTOPLAY_GAP; default 90s).")
    String signalsAutoplayGap;

    @Option(names = "--signals-late-night", paramLabel = "VALUE", description = "The late-night window (local time) for the sleepy-viewer discount. (env SETLIST_SIGNALS_LATE_NIGHT; default 23:00-05:00).")
    String signalsLateNight;

    @Option(names = "--signals-sleepy-free-items", paramLabel = "VALUE", description = "Items of a late-night autoplay chain with no pause, seek or rating that count fully. (env SETLIST_SIGNALS_SLEEPY_FREE_ITEMS; default 2).")
    String signalsSleepyFreeItems;

    @Option(names = "--signals-sleepy-decay", paramLabel = "VALUE", description = "Each further item of such a chain counts this much of the one before (0: nothing; 0.5: a half, a quarter...). (env SETLIST_SIGNALS_SLEEPY_DECAY; default 0).")
    String signalsSleepyDecay;

    @Option(names = "--signals-muted-factor", paramLabel = "VALUE", description = "A play the client reports as muted (WebSocket source only: the webhook does not say) counts this much. (env SETLIST_SIGNALS_MUTED_FACTOR; default 0.25).")
    String signalsMutedFactor;

    @Option(names = "--tuning-exploration-min", paramLabel = "VALUE", description = "Lowest exploration rate a person's adaptive rate may fall to (0 to 0.5), until a power user sets theirs. (env SETLIST_TUNING_EXPLORATION_MIN; default 0.05).")
    String tuningExplorationMin;

    @Option(names = "--tuning-exploration-max", paramLabel = "VALUE", description = "Highest exploration rate it may rise to (at least tuning.exploration-min, at most 0.5). (env SETLIST_TUNING_EXPLORATION_MAX; default 0.30).")
    String tuningExplorationMax;

    @Option(names = "--tuning-wildcard-slots", paramLabel = "VALUE", description = "Wildcards offered per playlist while exploring (0 to 10). (env SETLIST_TUNING_WILDCARD_SLOTS; default 1).")
    String tuningWildcardSlots;

    @Option(names = "--tuning-diversity", paramLabel = "VALUE", description = "Diversity strength of the sequencer, 0 (score only) to 1 (novelty only). (env SETLIST_TUNING_DIVERSITY; default 0.3).")
    String tuningDiversity;

    @Option(names = "--tuning-calibration", paramLabel = "VALUE", description = "How strongly a playlist's genres are kept to the spread of the person's history (0 to 1; 0: off, as measured in docs/behaviours.md). (env SETLIST_TUNING_CALIBRATION; default 0).")
    String tuningCalibration;

    @Option(names = "--tuning-series-in-order", paramLabel = "VALUE", description = "true: a video playlist offers a series only through the episode the person is up to (the first, or the one after the furthest they finished). (env SETLIST_TUNING_SERIES_IN_ORDER; default false).")
    String tuningSeriesInOrder;

    @Option(names = "--signals-timezone", paramLabel = "VALUE", description = "Time zone of the household for the late-night window and the playlist schedule, e.g (env SETLIST_SIGNALS_TIMEZONE; default empty).")
    String signalsTimezone;

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
        put(flags, ConfigKey.METRICS_TOKEN, metricsToken);
        put(flags, ConfigKey.DATABASE_URL, databaseUrl);
        put(flags, ConfigKey.DATABASE_USER, databaseUser);
        put(flags, ConfigKey.DATABASE_PASSWORD, databasePassword);
        put(flags, ConfigKey.JELLYFIN_EVENTS, jellyfinEvents);
        put(flags, ConfigKey.JELLYFIN_SYNC_INTERVAL, jellyfinSyncInterval);
        put(flags, ConfigKey.JELLYFIN_IMPORT_HISTORY, jellyfinImportHistory);
        put(flags, ConfigKey.PLAYLISTS_REFRESH, playlistsRefresh);
        put(flags, ConfigKey.PLAYLISTS_LENGTH, playlistsLength);
        put(flags, ConfigKey.SIGNALS_COMPLETE_FRACTION, signalsCompleteFraction);
        put(flags, ConfigKey.SIGNALS_SKIP_FRACTION, signalsSkipFraction);
        put(flags, ConfigKey.SIGNALS_SKIP_SECONDS, signalsSkipSeconds);
        put(flags, ConfigKey.SIGNALS_WEIGHT_MOVIE, signalsWeightMovie);
        put(flags, ConfigKey.SIGNALS_WEIGHT_EPISODE, signalsWeightEpisode);
        put(flags, ConfigKey.SIGNALS_WEIGHT_TRACK, signalsWeightTrack);
        put(flags, ConfigKey.SIGNALS_REWATCH_BONUS, signalsRewatchBonus);
        put(flags, ConfigKey.SIGNALS_SEEK_BACK_SECONDS, signalsSeekBackSeconds);
        put(flags, ConfigKey.SIGNALS_FAVOURITE_WEIGHT, signalsFavouriteWeight);
        put(flags, ConfigKey.SIGNALS_LIKE_WEIGHT, signalsLikeWeight);
        put(flags, ConfigKey.SIGNALS_AUTOPLAY_GAP, signalsAutoplayGap);
        put(flags, ConfigKey.SIGNALS_LATE_NIGHT, signalsLateNight);
        put(flags, ConfigKey.SIGNALS_SLEEPY_FREE_ITEMS, signalsSleepyFreeItems);
        put(flags, ConfigKey.SIGNALS_SLEEPY_DECAY, signalsSleepyDecay);
        put(flags, ConfigKey.SIGNALS_MUTED_FACTOR, signalsMutedFactor);
        put(flags, ConfigKey.TUNING_EXPLORATION_MIN, tuningExplorationMin);
        put(flags, ConfigKey.TUNING_EXPLORATION_MAX, tuningExplorationMax);
        put(flags, ConfigKey.TUNING_WILDCARD_SLOTS, tuningWildcardSlots);
        put(flags, ConfigKey.TUNING_DIVERSITY, tuningDiversity);
        put(flags, ConfigKey.TUNING_CALIBRATION, tuningCalibration);
        put(flags, ConfigKey.TUNING_SERIES_IN_ORDER, tuningSeriesInOrder);
        put(flags, ConfigKey.SIGNALS_TIMEZONE, signalsTimezone);
        return flags;
    }

    private static void put(Map<ConfigKey, String> flags, ConfigKey key, String value) {
        if (value != null) {
            flags.put(key, value);
        }
    }
}
