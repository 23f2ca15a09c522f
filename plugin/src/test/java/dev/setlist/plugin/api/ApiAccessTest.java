package dev.setlist.plugin.api;

import dev.setlist.plugin.DemoServer;
import dev.setlist.plugin.Http;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every operation of every Jersey resource in this package (found by scanning the compiled classes, so
 * a new resource cannot be forgotten) against the real demo server, and proves who may call it: nothing but
 * the public paths answers without a credential (401), a person's token reaches only that person's data (403
 * for another person's, and for what needs the admin key), and the webhook answers only to its secret.
 */
@ExtendWith(DemoServer.Extension.class)
class ApiAccessTest {

    /** Paths anyone may read: health, the API description, the page (it holds no data). */
    private static final Set<String> PUBLIC = Set.of("GET /api/health", "GET /api/openapi.json", "GET /api/docs",
            "GET /api/docs/{file}", "GET /", "GET /ui/{file}");
    private static final String WEBHOOK = "POST /webhook/jellyfin";

    /**
     * What a person's token gets from the operations that name no person in their path. Every such
     * operation must be listed: a new one fails this test until someone decides who may call it.
     */
    private static final Map<String, Integer> PERSON_TOKEN_WITHOUT_ID = Map.ofEntries(
            Map.entry("GET /api/users", 200),
            Map.entry("GET /api/playlist/together", 403),
            Map.entry("POST /api/playlists/refresh", 403),
            Map.entry("GET /api/playlists/outbox", 403),
            // The web page: who am I (anyone signed in), the rule editor and Settings (the admin only).
            Map.entry("GET /api/me", 200),
            Map.entry("GET /api/settings", 403),
            Map.entry("GET /api/rules", 403),
            Map.entry("GET /api/rules/files/{path}", 403),
            Map.entry("POST /api/rules/check", 403),
            Map.entry("POST /api/rules/test", 403),
            Map.entry("POST /api/rules/diff", 403),
            Map.entry("POST /api/rules/publish", 403),
            Map.entry("GET /api/rules/history", 403),
            Map.entry("GET /api/rules/history/{number}", 403),
            Map.entry("POST /api/rules/history/{number}/rollback", 403));

    /** Operations with a person in the path that only the admin may call, even for the caller's own data. */
    private static final Set<String> ADMIN_ONLY = Set.of("POST /api/users/{id}/tokens", "GET /api/privacy/{userId}",
            "POST /api/privacy/{userId}/pause", "POST /api/privacy/{userId}/resume", "GET /api/privacy/{userId}/export",
            "DELETE /api/privacy/{userId}");

    private static String alex;
    private static String sam;
    private static String robin;
    private static String alexToken;
    private static String item;

    @BeforeAll
    static void people(DemoServer server) {
        alex = server.userId("Alex");
        sam = server.userId("Sam");
        robin = server.userId("Robin");
        alexToken = server.token(alex);
        item = server.get("api/users/" + alex + "/playlist?length=1").json().get("items").get(0).get("itemId").asText();
    }

    /** One operation: verb and path template, as in the OpenAPI document. */
    record Operation(String verb, String path) {
        String key() {
            return verb + " " + path;
        }

        /** The path with {@code person} for the person, real values elsewhere; the query a caller needs. */
        String url(String person) {
            String url = path.replace("{id}", person).replace("{userId}", person).replace("{profile}", "kid")
                    .replace("{itemId}", item).replace("{file}", "swagger-ui.css")
                    .replace("{path}", "business.drl").replace("{number}", "1");
            if (path.equals("/api/playlist/together")) {
                url += "?users=" + sam + "," + robin;
            }
            return url.substring(1);
        }

        boolean hasBody() {
            return verb.equals("POST") || verb.equals("PUT");
        }
    }

    static List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Class<?> resource : resourceClasses()) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                String verb = verb(method);
                if (verb == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String path = ("/" + base + "/" + (sub == null ? "" : sub.value())).replaceAll("/+", "/")
                        .replaceAll("\\{(\\w+):[^}]*}", "{$1}");
                if (path.length() > 1 && path.endsWith("/")) {
                    path = path.substring(0, path.length() - 1);
                }
                operations.add(new Operation(verb, path));
            }
        }
        return operations;
    }

    /** Every class of the main code in this package that Jersey would serve (annotated with a path). */
    private static List<Class<?>> resourceClasses() {
        List<Class<?>> resources = new ArrayList<>();
        try {
            java.nio.file.Path folder = java.nio.file.Path.of(HealthResource.class.getProtectionDomain().getCodeSource()
                    .getLocation().toURI()).resolve(ApiAccessTest.class.getPackageName().replace('.', '/'));
            try (var files = java.nio.file.Files.list(folder)) {
                for (java.nio.file.Path file : files.toList()) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".class") && !name.contains("$")) {
                        Class<?> type = Class.forName(ApiAccessTest.class.getPackageName() + "."
                                + name.substring(0, name.length() - ".class".length()));
                        if (type.isAnnotationPresent(Path.class)) {
                            resources.add(type);
                        }
                    }
                }
            }
        } catch (java.io.IOException | java.net.URISyntaxException | ClassNotFoundException e) {
            throw new AssertionError("cannot list the resource classes", e);
        }
        return resources;
    }

    @Test
    void theWalkFindsEveryResourceTheServerRegisters() {
        Set<String> found = new TreeSet<>();
        operations().forEach(operation -> found.add(operation.key()));
        assertThat(found).contains("GET /api/users/{id}/playlist", "POST /webhook/jellyfin", "DELETE /api/privacy/{userId}",
                "GET /api/playlists/outbox", "GET /api/users/{id}/insights/signals", "GET /api/playlist/together");
        assertThat(found).hasSizeGreaterThan(35);
    }

    @Test
    void everyOperationButThePublicOnesNeedsACredential(DemoServer server) {
        List<String> open = new ArrayList<>();
        for (Operation operation : operations()) {
            if (PUBLIC.contains(operation.key())) {
                continue;
            }
            for (String[] credential : List.of(new String[0], new String[] {"Authorization", "Bearer not-a-key"},
                    new String[] {"Authorization", "Basic " + DemoServer.ADMIN}, new String[] {"Authorization", "Bearer "})) {
                Http.Reply reply = server.http().send(operation.verb(), operation.url(sam),
                        operation.hasBody() ? "{}" : null, credential);
                if (reply.status() != 401) {
                    open.add(operation.key() + " with " + String.join(" ", credential) + " -> " + reply.status());
                    continue;
                }
                assertThat(reply.contentType()).as(operation.key()).startsWith("application/json");
                assertThat(reply.json().get("error").asText()).as(operation.key()).isNotBlank();
                if (!operation.key().equals(WEBHOOK)) {
                    assertThat(reply.header("WWW-Authenticate")).as(operation.key()).startsWith("Bearer");
                }
            }
        }
        assertThat(open).as("operations that answered without a valid credential").isEmpty();
    }

    @Test
    void aPersonsTokenReachesNoOtherPersonAndNothingThatNeedsTheAdmin(DemoServer server) {
        List<String> wrong = new ArrayList<>();
        for (Operation operation : operations()) {
            if (PUBLIC.contains(operation.key()) || operation.key().equals(WEBHOOK)) {
                continue;
            }
            boolean namesAPerson = operation.path().contains("{id}") || operation.path().contains("{userId}");
            int expected;
            if (namesAPerson) {
                expected = 403;
            } else {
                assertThat(PERSON_TOKEN_WITHOUT_ID).as("decide what a person's token gets from " + operation.key())
                        .containsKey(operation.key());
                expected = PERSON_TOKEN_WITHOUT_ID.get(operation.key());
            }
            for (String person : namesAPerson ? List.of(sam, sam + "~kid", alex + "x") : List.of(sam)) {
                Http.Reply reply = server.http().send(operation.verb(), operation.url(person),
                        operation.hasBody() ? "{}" : null, "Authorization", "Bearer " + alexToken);
                if (reply.status() != expected) {
                    wrong.add(operation.key() + " for " + person + " -> " + reply.status() + " " + reply.body());
                } else if (expected == 403) {
                    assertThat(reply.json().get("error").asText()).isNotBlank();
                }
            }
            if (ADMIN_ONLY.contains(operation.key())) {
                Http.Reply own = server.http().send(operation.verb(), operation.url(alex),
                        operation.hasBody() ? "{}" : null, "Authorization", "Bearer " + alexToken);
                if (own.status() != 403) {
                    wrong.add(operation.key() + " for the caller's own data -> " + own.status());
                }
            }
        }
        assertThat(wrong).as("operations where a person's token got the wrong answer").isEmpty();
    }

    @Test
    void aPersonsTokenStillReachesItsOwnDataAndItsProfiles(DemoServer server) {
        for (String path : List.of("api/users/" + alex + "/playlist?length=2", "api/users/" + alex + "/mode",
                "api/users/" + alex + "/tuning", "api/users/" + alex + "/profiles",
                "api/users/" + alex + "/insights/genres")) {
            Http.Reply reply = server.http().get(path, "Authorization", "Bearer " + alexToken);
            assertThat(reply.status()).as(path + ": " + reply.body()).isIn(200, 404);
            assertThat(reply.status()).as(path + ": " + reply.body()).isNotEqualTo(403);
        }
        assertThat(server.http().get("api/users", "Authorization", "Bearer " + alexToken).json())
                .hasSize(1).allSatisfy(user -> assertThat(user.get("id").asText()).isEqualTo(alex));
    }

    @Test
    void theWebhookAnswersOnlyToItsSecret(DemoServer server) {
        String body = "{\"NotificationType\": \"PlaybackStart\"}";
        for (String[] headers : List.of(new String[] {"Content-Type", "application/json"},
                new String[] {"X-Setlist-Secret", DemoServer.SECRET.substring(1)},
                new String[] {"X-Setlist-Secret", DemoServer.SECRET + "x"},
                new String[] {"X-Setlist-Secret", ""},
                new String[] {"Authorization", "Bearer " + DemoServer.ADMIN})) {
            Http.Reply reply = server.http().post("webhook/jellyfin", body, headers);
            assertThat(reply.status()).as(String.join(" ", headers)).isEqualTo(401);
        }
    }

    @Test
    void answersAreJsonThatNoBrowserSniffsAsAPage(DemoServer server) {
        for (String path : List.of("api/users", "api/users/" + alex + "/playlist?length=3", "api/health", "api/nothing")) {
            Http.Reply reply = server.get(path);
            assertThat(reply.contentType()).as(path).startsWith("application/json");
            assertThat(reply.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
        }
        assertThat(server.get("api/users").header("Cache-Control")).contains("no-store");
        Http.Reply page = server.http().get("");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'").contains("object-src 'none'")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
    }

    @Test
    void aTitleThatIsMarkupComesBackAsJsonDataNotAsAPage(DemoServer server) {
        String title = "</script><script>alert(1)</script><img src=x onerror=alert(2)> \u202Eevil";
        String itemId = "5e75c41a7d0000000000000000000001";
        String event = "{\"NotificationType\": \"ItemAdded\", \"UtcTimestamp\": \"2026-11-28T21:00:00Z\", "
                + "\"ItemId\": \"" + itemId + "\", \"ItemType\": \"Movie\", \"Name\": "
                + server.http().mapper().valueToTree(title) + ", \"RunTimeTicks\": 60000000000}";
        Http.Reply accepted = server.http().post("webhook/jellyfin", event, "Content-Type", "application/json",
                "X-Setlist-Secret", DemoServer.SECRET);
        assertThat(accepted.status()).as(accepted.body()).isLessThan(300);
        Http.Reply why = server.get("api/users/" + alex + "/items/" + itemId + "/why");
        assertThat(why.status()).as(why.body()).isEqualTo(200);
        assertThat(why.contentType()).startsWith("application/json");
        assertThat(why.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(why.body()).as("the title is a JSON string value").contains("\"</script><script>alert(1)</script>");
        assertThat(why.json().findValuesAsText("title")).contains(title);
    }

    private static String verb(Method method) {
        if (method.isAnnotationPresent(GET.class)) {
            return "GET";
        }
        if (method.isAnnotationPresent(POST.class)) {
            return "POST";
        }
        if (method.isAnnotationPresent(PUT.class)) {
            return "PUT";
        }
        if (method.isAnnotationPresent(DELETE.class)) {
            return "DELETE";
        }
        return null;
    }
}
