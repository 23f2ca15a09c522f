package dev.setlist.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.setlist.plugin.config.ConfigKey;
import dev.setlist.plugin.config.ConfigLoader;
import dev.setlist.plugin.config.SetlistConfig;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One real demo server shared by every test class that takes a {@link Running} parameter: started on
 * first use, on a free loopback port with its own data folder, and closed when the test run ends.
 * Starting a server costs seconds; HTTP tests that share one keep the suite fast. Tests that change
 * data work on people and profiles of their own, or assert what holds whatever others did.
 */
public final class DemoServer implements ParameterResolver {

    public static final String ADMIN = "test-admin-key";
    public static final String WEBHOOK_SECRET = "test-webhook-secret";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DemoServer.class);

    /** The running server, an HTTP client for it, and the demo household's ids. */
    public static final class Running implements AutoCloseable {
        private final Setlist setlist;
        private final Path data;
        private final Http http;

        Running(Setlist setlist, Path data) {
            this.setlist = setlist;
            this.data = data;
            this.http = new Http(setlist.baseUri());
        }

        public Http http() {
            return http;
        }

        /** GET with the admin key. */
        public Http.Reply get(String path) {
            return http.get(path, "Authorization", "Bearer " + ADMIN);
        }

        /** GET with the given token. */
        public Http.Reply get(String path, String token) {
            return http.get(path, "Authorization", "Bearer " + token);
        }

        /** The id of the demo person called {@code name}. */
        public String userId(String name) {
            for (JsonNode user : get("api/users").json()) {
                if (user.get("name").asText().equals(name)) {
                    return user.get("id").asText();
                }
            }
            throw new AssertionError("no user named " + name);
        }

        /** A new token for {@code userId}, issued with the admin key. */
        public String tokenFor(String userId) {
            Http.Reply issued = http.post("api/users/" + userId + "/tokens?label=test", "", "Authorization",
                    "Bearer " + ADMIN);
            if (issued.status() != 201) {
                throw new AssertionError("could not issue a token: " + issued.body());
            }
            return issued.json().get("token").asText();
        }

        @Override
        public void close() throws IOException {
            try {
                setlist.close();
            } finally {
                try (Stream<Path> files = Files.walk(data)) {
                    files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
                }
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == Running.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return extension.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Running.class, key -> start(), Running.class);
    }

    private static Running start() {
        try {
            Path data = Files.createTempDirectory("setlist-demo-server");
            SetlistConfig config = ConfigLoader.load(Map.of(
                    ConfigKey.PORT, "0", ConfigKey.HOST, "127.0.0.1", ConfigKey.DATA, data.toString(),
                    ConfigKey.ADMIN_KEY, ADMIN, ConfigKey.WEBHOOK_SECRET, WEBHOOK_SECRET), null, Map.of(), Map.of());
            Setlist setlist = Setlist.start(config, true,
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            return new Running(setlist, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
