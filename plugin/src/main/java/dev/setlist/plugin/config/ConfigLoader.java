package dev.setlist.plugin.config;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
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

        return new SetlistConfig(
                port(chosen.get(ConfigKey.PORT)),
                nonBlank(chosen.get(ConfigKey.HOST)),
                path(chosen.get(ConfigKey.DATA)).orElseThrow(() -> invalid(chosen.get(ConfigKey.DATA), "must not be empty")),
                url(chosen.get(ConfigKey.JELLYFIN_URL)),
                optional(chosen.get(ConfigKey.JELLYFIN_API_KEY)),
                path(chosen.get(ConfigKey.RULES)),
                optional(chosen.get(ConfigKey.WEBHOOK_SECRET)),
                optional(chosen.get(ConfigKey.ADMIN_KEY)));
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
