package dev.setlist.plugin.config;

import dev.setlist.plugin.playlist.TuningDefaults;
import dev.setlist.plugin.publish.PlaylistSchedule;
import dev.setlist.plugin.signals.SignalSettings;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Builds a {@link SetlistConfig} from, in rising precedence: the defaults of {@link ConfigKey}, a
 * configuration file (Java properties, UTF-8), environment variables, and command-line flags.
 * The file is the one named by {@code --config} or {@code SETLIST_CONFIG}, otherwise
 * {@code <data>/setlist.properties} when it exists. Every error names its source and its key.
 *
 * <p>Stateless; thread-safe.
 */
public final class ConfigLoader {

    private ConfigLoader() {
    }

    /**
     * @param flags      values given on the command line (absent keys were not given)
     * @param configFlag the {@code --config} flag, or {@code null}
     * @param env        the environment (usually {@code System.getenv()})
     * @param overrides  defaults a command changes (for example {@code demo} listens on loopback); below the file
     */
    public static SetlistConfig load(Map<ConfigKey, String> flags, String configFlag, Map<String, String> env,
                                     Map<ConfigKey, String> overrides) {
        Map<ConfigKey, Source> chosen = new EnumMap<>(ConfigKey.class);
        for (ConfigKey key : ConfigKey.values()) {
            chosen.put(key, new Source("default", key.defaultValue()));
        }
        overrides.forEach((key, value) -> chosen.put(key, new Source("default", value)));

        Optional<Path> file = configFile(configFlag, env, flags, chosen);
        file.ifPresent(path -> readFile(path).forEach((key, value) ->
                chosen.put(key, new Source("config file " + path + ": key '" + key.fileKey() + "'", value))));
        for (ConfigKey key : ConfigKey.values()) {
            String value = env.get(key.envVar());
            if (value != null) {
                chosen.put(key, new Source("environment variable " + key.envVar(), value));
            }
        }
        flags.forEach((key, value) -> chosen.put(key, new Source("option " + key.flag(), value)));

        ZoneId zone = zone(chosen.get(ConfigKey.SIGNALS_TIMEZONE));
        return new SetlistConfig(
                port(chosen.get(ConfigKey.PORT)),
                nonBlank(chosen.get(ConfigKey.HOST)),
                path(chosen.get(ConfigKey.DATA)).orElseThrow(() -> invalid(chosen.get(ConfigKey.DATA), "must not be empty")),
                url(chosen.get(ConfigKey.JELLYFIN_URL)),
                optional(chosen.get(ConfigKey.JELLYFIN_API_KEY)),
                path(chosen.get(ConfigKey.RULES)),
                optional(chosen.get(ConfigKey.WEBHOOK_SECRET)),
                optional(chosen.get(ConfigKey.ADMIN_KEY)),
                new SetlistConfig.Database(optional(chosen.get(ConfigKey.DATABASE_URL)).map(url -> jdbcUrl(chosen.get(ConfigKey.DATABASE_URL))),
                        chosen.get(ConfigKey.DATABASE_USER).value().trim(), chosen.get(ConfigKey.DATABASE_PASSWORD).value()),
                new SetlistConfig.Sync(eventSource(chosen.get(ConfigKey.JELLYFIN_EVENTS)),
                        duration(chosen.get(ConfigKey.JELLYFIN_SYNC_INTERVAL), Duration.ofMinutes(1)),
                        bool(chosen.get(ConfigKey.JELLYFIN_IMPORT_HISTORY))),
                new SetlistConfig.Playlists(schedule(chosen.get(ConfigKey.PLAYLISTS_REFRESH)),
                        (int) number(chosen.get(ConfigKey.PLAYLISTS_LENGTH), 1, 200, true)),
                signals(chosen, zone),
                zone,
                optional(chosen.get(ConfigKey.METRICS_TOKEN)),
                tuning(chosen));
    }

    private static TuningDefaults tuning(Map<ConfigKey, Source> chosen) {
        double min = number(chosen.get(ConfigKey.TUNING_EXPLORATION_MIN), 0, 0.5, false);
        Source maxSource = chosen.get(ConfigKey.TUNING_EXPLORATION_MAX);
        double max = number(maxSource, 0, 0.5, false);
        if (max < min) {
            throw invalid(maxSource, "must be at least tuning.exploration-min (" + fmt(min) + ")");
        }
        return new TuningDefaults(min, max,
                (int) number(chosen.get(ConfigKey.TUNING_WILDCARD_SLOTS), 0, 10, true),
                number(chosen.get(ConfigKey.TUNING_DIVERSITY), 0, 1, false),
                number(chosen.get(ConfigKey.TUNING_CALIBRATION), 0, 1, false),
                bool(chosen.get(ConfigKey.TUNING_SERIES_IN_ORDER)));
    }

    private static SignalSettings signals(Map<ConfigKey, Source> chosen, ZoneId zone) {
        SignalSettings defaults = SignalSettings.defaults(zone);
        LocalTime[] window = window(chosen.get(ConfigKey.SIGNALS_LATE_NIGHT));
        double complete = number(chosen.get(ConfigKey.SIGNALS_COMPLETE_FRACTION), 0, 1, false);
        Source skipSource = chosen.get(ConfigKey.SIGNALS_SKIP_FRACTION);
        double skip = number(skipSource, 0, 1, false);
        if (skip >= complete) {
            throw invalid(skipSource, "must be below signals.complete-fraction (" + complete + ")");
        }
        return new SignalSettings(complete, skip,
                (int) number(chosen.get(ConfigKey.SIGNALS_SKIP_SECONDS), 0, 3600, true),
                number(chosen.get(ConfigKey.SIGNALS_WEIGHT_MOVIE), 0, 100, false),
                number(chosen.get(ConfigKey.SIGNALS_WEIGHT_EPISODE), 0, 100, false),
                number(chosen.get(ConfigKey.SIGNALS_WEIGHT_TRACK), 0, 100, false),
                defaults.otherWeight(),
                number(chosen.get(ConfigKey.SIGNALS_REWATCH_BONUS), 0, 100, false),
                (int) number(chosen.get(ConfigKey.SIGNALS_SEEK_BACK_SECONDS), 0, 3600, true),
                defaults.seekBackBonus(),
                defaults.seekAheadRatio(),
                number(chosen.get(ConfigKey.SIGNALS_FAVOURITE_WEIGHT), 0, 100, false),
                number(chosen.get(ConfigKey.SIGNALS_LIKE_WEIGHT), 0, 100, false),
                defaults.importWeight(),
                duration(chosen.get(ConfigKey.SIGNALS_AUTOPLAY_GAP), Duration.ZERO),
                window[0], window[1],
                (int) number(chosen.get(ConfigKey.SIGNALS_SLEEPY_FREE_ITEMS), 0, 1000, true),
                number(chosen.get(ConfigKey.SIGNALS_SLEEPY_DECAY), 0, 1, false),
                number(chosen.get(ConfigKey.SIGNALS_MUTED_FACTOR), 0, 1, false),
                zone,
                defaults.evidenceLimit());
    }

    private static ZoneId zone(Source source) {
        if (source.value().isBlank()) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(source.value().trim());
        } catch (java.time.DateTimeException e) {
            throw invalid(source, "'" + source.value() + "' is not a time zone (for example Europe/Paris or UTC)");
        }
    }

    private static String jdbcUrl(Source source) {
        String url = source.value().trim();
        if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
            throw invalid(source, "must be a jdbc:postgresql: or jdbc:h2: URL");
        }
        return url;
    }

    private static SetlistConfig.EventSource eventSource(Source source) {
        return switch (source.value().trim().toLowerCase(java.util.Locale.ROOT)) {
            case "webhook" -> SetlistConfig.EventSource.WEBHOOK;
            case "websocket" -> SetlistConfig.EventSource.WEBSOCKET;
            default -> throw invalid(source, "'" + source.value() + "' is neither webhook nor websocket");
        };
    }

    private static boolean bool(Source source) {
        return switch (source.value().trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw invalid(source, "'" + source.value() + "' is not true or false");
        };
    }

    private static double number(Source source, double min, double max, boolean whole) {
        String text = source.value().trim();
        double value;
        try {
            value = whole ? Long.parseLong(text) : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw invalid(source, "'" + source.value() + "' is not a " + (whole ? "whole number" : "number"));
        }
        if (!(value >= min && value <= max)) {
            throw invalid(source, "'" + source.value() + "' is not between " + fmt(min) + " and " + fmt(max));
        }
        return value;
    }

    private static String fmt(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /** {@code 45s}, {@code 30m}, {@code 6h}, {@code 1d}, or an ISO-8601 duration ({@code PT6H}). */
    private static Duration duration(Source source, Duration minimum) {
        String text = source.value().trim().toLowerCase(java.util.Locale.ROOT);
        Duration duration;
        try {
            if (text.startsWith("p")) {
                duration = Duration.parse(text.toUpperCase(java.util.Locale.ROOT));
            } else {
                long amount = Long.parseLong(text.substring(0, text.length() - 1));
                duration = switch (text.charAt(text.length() - 1)) {
                    case 's' -> Duration.ofSeconds(amount);
                    case 'm' -> Duration.ofMinutes(amount);
                    case 'h' -> Duration.ofHours(amount);
                    case 'd' -> Duration.ofDays(amount);
                    default -> throw new NumberFormatException();
                };
            }
        } catch (RuntimeException e) {
            throw invalid(source, "'" + source.value() + "' is not a duration (for example 90s, 30m, 6h or 1d)");
        }
        if (duration.compareTo(minimum) < 0) {
            throw invalid(source, "'" + source.value() + "' is shorter than " + minimum.toSeconds() + " s");
        }
        return duration;
    }

    private static LocalTime[] window(Source source) {
        String[] parts = source.value().trim().split("-");
        try {
            if (parts.length != 2) {
                throw new java.time.format.DateTimeParseException("", source.value(), 0);
            }
            return new LocalTime[] {LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim())};
        } catch (java.time.format.DateTimeParseException e) {
            throw invalid(source, "'" + source.value() + "' is not a window HH:MM-HH:MM (for example 23:00-05:00)");
        }
    }

    private static List<PlaylistSchedule.Entry> schedule(Source source) {
        try {
            return PlaylistSchedule.Entry.parseAll(source.value());
        } catch (IllegalArgumentException e) {
            throw invalid(source, e.getMessage());
        }
    }

    private record Source(String name, String value) {
    }

    private static Optional<Path> configFile(String configFlag, Map<String, String> env, Map<ConfigKey, String> flags,
                                             Map<ConfigKey, Source> chosen) {
        if (configFlag != null && !configFlag.isBlank()) {
            return Optional.of(Path.of(configFlag));
        }
        String fromEnv = env.get(ConfigKey.CONFIG_FILE_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(Path.of(fromEnv));
        }
        String data = flags.getOrDefault(ConfigKey.DATA,
                env.getOrDefault(ConfigKey.DATA.envVar(), chosen.get(ConfigKey.DATA).value()));
        try {
            Path candidate = Path.of(data).resolve("setlist.properties");
            return Files.isRegularFile(candidate) ? Optional.of(candidate) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static Map<ConfigKey, String> readFile(Path path) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + path + ": " + describe(e));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("config file " + path + " is malformed: " + e.getMessage());
        }
        Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
        for (String name : properties.stringPropertyNames()) {
            ConfigKey key = ConfigKey.byFileKey(name).orElseThrow(() -> new ConfigException(
                    "config file " + path + ": unknown key '" + name + "' (known keys: "
                            + Arrays.stream(ConfigKey.values()).map(ConfigKey::fileKey).collect(Collectors.joining(", ")) + ")"));
            values.put(key, properties.getProperty(name).trim());
        }
        return values;
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.charset.CharacterCodingException || e instanceof java.nio.charset.MalformedInputException) {
            return "not UTF-8 text";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static int port(Source source) {
        try {
            int port = Integer.parseInt(source.value().trim());
            if (port < 0 || port > 65_535) {
                throw invalid(source, "'" + source.value() + "' is not a port (0 to 65535)");
            }
            return port;
        } catch (NumberFormatException e) {
            throw invalid(source, "'" + source.value() + "' is not a port (0 to 65535)");
        }
    }

    private static String nonBlank(Source source) {
        if (source.value().isBlank()) {
            throw invalid(source, "must not be empty");
        }
        return source.value().trim();
    }

    private static Optional<String> optional(Source source) {
        return source.value().isBlank() ? Optional.empty() : Optional.of(source.value().trim());
    }

    private static Optional<Path> path(Source source) {
        if (source.value().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(source.value().trim()));
        } catch (InvalidPathException e) {
            throw invalid(source, "'" + source.value() + "' is not a valid path: " + e.getReason());
        }
    }

    private static Optional<URI> url(Source source) {
        if (source.value().isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(source.value().trim());
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw invalid(source, "'" + source.value() + "' is not an http:// or https:// URL");
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            throw invalid(source, "'" + source.value() + "' is not a URL: " + e.getReason());
        }
    }

    private static ConfigException invalid(Source source, String problem) {
        return new ConfigException(source.name() + ": " + problem);
    }
}
