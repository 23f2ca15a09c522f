package dev.setlist.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.setlist.plugin.config.ConfigKey;
import dev.setlist.plugin.config.ConfigLoader;
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
 * One real Setlist on the demo library, on a free loopback port with its own H2 folder, shared by every
 * test class that asks for it (starting one costs seconds). Tests that change state use people and items
 * no other test depends on. Use with {@code @ExtendWith(DemoServer.Extension.class)} and a {@code DemoServer}
 * parameter.
 */
public final class DemoServer implements ExtensionContext.Store.CloseableResource {

    public static final String ADMIN = "test-admin-key";
    public static final String SECRET = "test-webhook-secret";

    private final Path data;
    private final Setlist setlist;
    private final Http http;

    private DemoServer() {
        try {
            data = Files.createTempDirectory("setlist-demo-server");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        setlist = Setlist.start(ConfigLoader.load(Map.of(
                ConfigKey.PORT, "0", ConfigKey.HOST, "127.0.0.1", ConfigKey.DATA, data.toString(),
                ConfigKey.ADMIN_KEY, ADMIN, ConfigKey.WEBHOOK_SECRET, SECRET), null, Map.of(), Map.of()),
                true, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        http = new Http(setlist.baseUri());
    }

    /**
     * A server of its own, not the shared one, for tests that change what every playlist sees (the web UI's
     * browser tests publish rules) and for test engines that cannot use the shared one (jqwik has no JUnit
     * Jupiter extensions). The caller closes it.
     */
    public static DemoServer dedicated() {
        return new DemoServer();
    }

    /** The server's address, for example {@code http://127.0.0.1:41234/}. */
    public java.net.URI baseUri() {
        return setlist.baseUri();
    }

    public Http http() {
        return http;
    }

    /** The {@code Authorization} header value of the admin. */
    public String admin() {
        return "Bearer " + ADMIN;
    }

    /** The id of the demo person called {@code name}. */
    public String userId(String name) {
        for (JsonNode user : http.get("api/users", "Authorization", admin()).json()) {
            if (user.get("name").asText().equals(name)) {
                return user.get("id").asText();
            }
        }
        throw new AssertionError("no demo person named " + name);
    }

    /** GET {@code path} with the admin key. */
    public Http.Reply get(String path) {
        return http.get(path, "Authorization", admin());
    }

    /** A new token of {@code userId}'s, issued with the admin key; send it as {@code Bearer <token>}. */
    public String token(String userId) {
        Http.Reply issued = http.post("api/users/" + userId + "/tokens?label=test", "", "Authorization", admin());
        if (issued.status() != 201) {
            throw new AssertionError("could not issue a token for " + userId + ": " + issued.body());
        }
        return issued.json().get("token").asText();
    }

    @Override
    public void close() throws IOException {
        setlist.close();
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** Resolves {@code DemoServer} parameters with the one shared instance. */
    public static final class Extension implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == DemoServer.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .getOrComputeIfAbsent(DemoServer.class, key -> new DemoServer(), DemoServer.class);
        }
    }
}
