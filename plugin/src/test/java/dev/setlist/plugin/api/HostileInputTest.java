package dev.setlist.plugin.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.setlist.plugin.DemoServer;
import dev.setlist.plugin.Http;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based fuzzing of the webhook and of every API operation, against a real server on loopback:
 * malformed, truncated, oversized and deeply nested bodies, wrong types, unicode edge cases (lone surrogates,
 * NUL, right-to-left overrides, invalid UTF-8, very long strings) and hostile path and query values. Whatever
 * arrives, the answer is below 500, a refusal is a 4xx with a reason, and the event log grows by exactly the
 * events acknowledged as new (never by a refused or half-read one).
 *
 * <p>Tries: {@code jqwik.tries.default} in {@code junit-platform.properties} (25 each, a few seconds);
 * run longer with {@code -Djqwik.tries.default=2000}. The server is this class's own: jqwik runs beside JUnit
 * Jupiter and cannot share its extension.
 */
class HostileInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static DemoServer server;
    private static String alex;
    private static String item;

    private static Http client;

    /**
     * The client for the next request. Jetty refuses some URIs (an encoded NUL, "ambiguous" encodings) before
     * Jersey sees them and closes the connection after its 400 page; a client that reused that connection for
     * a POST would see no answer at all. So after such a page the next request opens a new connection.
     */
    private static Http http() {
        return client;
    }

    private static Http.Reply admin(String path) {
        return checked(client.get(path, "Authorization", server.admin()));
    }

    private static Http.Reply checked(Http.Reply reply) {
        if (reply.contentType().startsWith("text/html") || reply.header("Connection").equalsIgnoreCase("close")) {
            client = new Http(server.baseUri());
        }
        return reply;
    }

    @BeforeContainer
    static void start() {
        server = DemoServer.dedicated();
        client = new Http(server.baseUri());
        alex = server.userId("Alex");
        item = admin("api/users/" + alex + "/playlist?length=1").json().get("items").get(0).get("itemId").asText();
    }

    @AfterContainer
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    // ---------------------------------------------------------------- the webhook

    @Property
    void theWebhookRefusesWhatItCannotUseAndStoresOnlyWholeEvents(@ForAll("webhookBodies") byte[] body,
                                                                  @ForAll("contentTypes") String contentType) {
        long before = events();
        Http.Reply reply = checked(http().sendBytes("POST", "webhook/jellyfin", body, "Content-Type", contentType,
                "X-Setlist-Secret", DemoServer.SECRET));
        assertAnsweredWithoutFault(reply, "webhook " + preview(body));
        long stored = events() - before;
        boolean newEvent = reply.status() == 200 && reply.json().has("seq") && !reply.json().get("duplicate").asBoolean();
        assertThat(stored).as("events stored for %s -> %d %s", preview(body), reply.status(), reply.body())
                .isEqualTo(newEvent ? 1 : 0);
        if (newEvent) {
            assertStoredWhole(body, reply.json().get("seq").asLong());
        }
    }

    @Example
    void aBodyOverTheLimitIsRefusedWith413AndTheLimitNamed() {
        long before = events();
        byte[] huge = ("{\"NotificationType\": \"PlaybackStop\", \"Name\": \"" + "x".repeat(WebhookResource.MAX_BODY_BYTES)
                + "\"}").getBytes(StandardCharsets.UTF_8);
        Http.Reply reply = checked(http().sendBytes("POST", "webhook/jellyfin", huge, "Content-Type", "application/json",
                "X-Setlist-Secret", DemoServer.SECRET));
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.json().get("error").asText()).contains(String.valueOf(WebhookResource.MAX_BODY_BYTES));
        Http.Reply api = checked(http().send("PUT", "api/users/" + alex + "/mode",
                "{\"mode\": \"focus\", \"x\": \"" + "y".repeat(BodyLimitFilter.MAX_API_BODY_BYTES) + "\"}",
                "Authorization", server.admin()));
        assertThat(api.status()).isEqualTo(413);
        assertThat(api.json().get("error").asText()).contains(String.valueOf(BodyLimitFilter.MAX_API_BODY_BYTES));
        assertThat(events()).isEqualTo(before);
    }

    @Example
    void anIdNoStoreCouldHoldIsRefusedNamingTheParameter() {
        Http.Reply tooLong = admin("api/privacy/" + "a".repeat(IdParameterFilter.MAX_ID_LENGTH + 1));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("error").asText()).startsWith("userId is longer than 64");
        Http.Reply control = admin("api/users/" + alex + "%00/mode");
        assertThat(control.status()).isEqualTo(400);
        assertThat(control.header("Connection")).as("Jetty drops the connection after this refusal")
                .isEqualToIgnoringCase("close");
        Http.Reply contentType = checked(http().post("webhook/jellyfin", "{}", "Content-Type", "nonsense",
                "X-Setlist-Secret", DemoServer.SECRET));
        assertThat(contentType.status()).isEqualTo(400);
        assertThat(contentType.json().get("error").asText()).contains("Content-Type is not a media type");
    }

    @Example
    void aPlaylistNameNoOutboxCouldHoldIsRefusedNamingTheParameter() {
        String name = "\u00e9".repeat(dev.setlist.plugin.store.PlaylistOutbox.MAX_NAME_LENGTH + 1);
        Http.Reply reply = checked(http().send("POST", "api/playlists/refresh?name="
                + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8), null, "Authorization", server.admin()));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).startsWith("name is longer than 200");
    }

    @Example
    void whatJettyRefusesBeforeJerseyStillSaysWhyInJson() {
        for (String method : List.of("GET", "DELETE", "PUT")) {
            Http.Reply refused = checked(http().send(method, "api/users/%0D%0AX-Injected:%201/mode", null,
                    "Authorization", server.admin()));
            assertThat(refused.status()).as(method).isEqualTo(400);
            assertThat(refused.contentType()).as(method).startsWith("application/json");
            assertThat(refused.json().get("error").asText()).as(method).isNotBlank();
            assertThat(refused.header("Connection")).as(method).isEqualToIgnoringCase("close");
        }
    }

    @Example
    void nestingBeyondTheParsersLimitIsMalformedNotAFault() {
        long before = events();
        Http.Reply reply = checked(http().sendBytes("POST", "webhook/jellyfin", nested(5_000), "Content-Type",
                "application/json", "X-Setlist-Secret", DemoServer.SECRET));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).contains("not valid JSON").contains("nesting depth");
        assertThat(events()).isEqualTo(before);
    }

    @Provide
    Arbitrary<byte[]> webhookBodies() {
        Arbitrary<Map<String, Object>> events = validEvents();
        return Arbitraries.frequencyOf(
                Tuple.of(2, events.map(HostileInputTest::bytes)),
                Tuple.of(3, Combinators.combine(events, Arbitraries.of(FIELDS), hostileValues())
                        .as((event, field, value) -> {
                            event.put(field, value);
                            return bytes(event);
                        })),
                Tuple.of(2, Combinators.combine(events.map(HostileInputTest::bytes), Arbitraries.doubles().between(0, 1))
                        .as((body, where) -> java.util.Arrays.copyOf(body, (int) (body.length * where)))),
                Tuple.of(1, Combinators.combine(events, Arbitraries.of(FIELDS), hostileStrings())
                        .as((event, field, text) -> rawString(event, field, text))),
                Tuple.of(1, Arbitraries.integers().between(1, 20_000).map(HostileInputTest::nested)),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(2_000)),
                Tuple.of(1, Arbitraries.of("", " ", "null", "[]", "{}", "42", "\"text\"", "{\"NotificationType\": null}",
                        "{\"NotificationType\": \"PlaybackStop\"}", "{\"NotificationType\": \"PlaybackStop\",}",
                        "{\"NotificationType\": \"PlaybackStop\"} trailing", "\uFEFF{}", "{\"a\":1e999999}")
                        .map(text -> text.getBytes(StandardCharsets.UTF_8))));
    }

    private static final List<String> FIELDS = List.of("NotificationType", "UtcTimestamp", "UserId",
            "NotificationUsername", "ItemId", "ItemType", "Name", "RunTimeTicks", "PlaybackPositionTicks", "IsPaused",
            "IsAutomated", "PlayedToCompletion", "DeviceName", "ClientName", "Genres", "Year", "SeriesName",
            "SeasonNumber", "EpisodeNumber", "Rating", "Likes", "SaveReason", "PlaySessionId");

    private static Arbitrary<Map<String, Object>> validEvents() {
        Arbitrary<String> guids = Arbitraries.strings().withChars("0123456789abcdef").ofLength(32);
        Arbitrary<String> types = Arbitraries.of("PlaybackStart", "PlaybackProgress", "PlaybackStop", "UserDataSaved",
                "ItemAdded", "SessionStart", "Pending", "Generic");
        Arbitrary<String> itemTypes = Arbitraries.of("Movie", "Episode", "Audio", "MusicVideo", "Book");
        return Combinators.combine(types, guids, guids, itemTypes, Arbitraries.longs().between(0, 100_000_000_000L),
                        Arbitraries.integers().between(0, 100))
                .as((type, user, itemId, itemType, ticks, percent) -> {
                    Map<String, Object> event = new java.util.LinkedHashMap<>();
                    event.put("NotificationType", type);
                    event.put("UtcTimestamp", "2026-11-28T21:00:00.0000000Z");
                    // Not a demo person: what the fuzzer stores never changes a demo person's taste.
                    event.put("UserId", "f0220000" + user.substring(8));
                    event.put("NotificationUsername", "fuzz");
                    event.put("ItemId", itemId);
                    event.put("ItemType", itemType);
                    event.put("Name", "Fuzzed " + itemId.substring(0, 6));
                    event.put("RunTimeTicks", ticks);
                    event.put("PlaybackPositionTicks", ticks * percent / 100);
                    event.put("IsPaused", false);
                    event.put("IsAutomated", false);
                    event.put("PlayedToCompletion", percent > 90);
                    event.put("DeviceName", "Den TV");
                    event.put("ClientName", "Jellyfin Web");
                    return event;
                });
    }

    /** Values of every JSON type, including ones no field expects. */
    private static Arbitrary<Object> hostileValues() {
        return Arbitraries.oneOf(
                Arbitraries.just((Object) null),
                Arbitraries.of(true, false),
                Arbitraries.of(Long.MIN_VALUE, -1L, 0L, Long.MAX_VALUE),
                Arbitraries.of(Double.MAX_VALUE, -Double.MAX_VALUE, 1e-300, 0.5),
                Arbitraries.just(new java.math.BigInteger("9".repeat(400))),
                hostileStrings().map(text -> text),
                Arbitraries.just(List.of(1, "two", List.of())),
                Arbitraries.just(Map.of("nested", Map.of("deeper", List.of(Map.of())))),
                Arbitraries.of("not-a-date", "2026-13-45T99:99:99Z", "-999999999-01-01T00:00:00Z",
                        "+999999999-12-31T23:59:59Z", "1970-01-01T00:00:00Z", ""));
    }

    /** Text that breaks careless code: surrogates, controls, direction overrides, huge and odd strings. */
    static Arbitrary<String> hostileStrings() {
        return Arbitraries.oneOf(
                Arbitraries.of("\uD800", "\uDFFF", "a\uDC00b", "\uD83D", "\u0000", "nul\u0000inside", "\u202Eevil\u202C",
                        "\u200F\u200E\u2066", "\uFEFF", "\uFFFF", "\uFFFE", "😀👩‍👩‍👧", "ZA̡͊͠͝LGΌ", "\r\nX-Injected: 1",
                        "<script>alert(1)</script>", "' OR '1'='1", "%00", "../../etc/passwd", "${jndi:ldap://x}",
                        "%s%n%x", " ", "", "\t", "\\", "\""),
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.integers().between(1_000, 120_000).map("é"::repeat));
    }

    private static byte[] bytes(Map<String, Object> event) {
        try {
            return JSON.writeValueAsBytes(event);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The event with {@code field} set to {@code text} written by hand: lone surrogates as raw escapes, or raw bytes. */
    private static byte[] rawString(Map<String, Object> event, String field, String text) {
        event.remove(field);
        byte[] rest = bytes(event);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('{');
        out.writeBytes(("\"" + field + "\": \"").getBytes(StandardCharsets.UTF_8));
        for (char c : text.toCharArray()) {
            if (Character.isSurrogate(c) || c < 0x20 || c == '"' || c == '\\') {
                out.writeBytes(String.format("\\u%04x", (int) c).getBytes(StandardCharsets.UTF_8));
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        // An invalid UTF-8 sequence too: an overlong slash and a lone continuation byte.
        out.writeBytes(new byte[] {(byte) 0xC0, (byte) 0xAF, (byte) 0x80});
        out.writeBytes("\", ".getBytes(StandardCharsets.UTF_8));
        out.write(rest, 1, rest.length - 1);
        return out.toByteArray();
    }

    private static byte[] nested(int depth) {
        StringBuilder body = new StringBuilder("{\"NotificationType\": \"PlaybackStop\", \"Name\": ");
        body.append("[".repeat(depth)).append("]".repeat(depth)).append('}');
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.of("application/json", "text/plain", "application/json; charset=utf-16",
                "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "nonsense", "*/*");
    }

    // ---------------------------------------------------------------- every API operation

    @Property
    void everyOperationAnswersHostileParametersAndBodiesWithoutFault(@ForAll("operations") ApiAccessTest.Operation operation,
                                                                     @ForAll("segments") String segment,
                                                                     @ForAll("queries") String query,
                                                                     @ForAll("apiBodies") String body) {
        long before = events();
        String path = operation.path().replaceAll("\\{\\w+}", java.util.regex.Matcher.quoteReplacement(segment))
                .substring(1);
        Http.Reply reply = checked(http().send(operation.verb(), path + query,
                operation.verb().equals("POST") || operation.verb().equals("PUT") ? body : null,
                "Authorization", server.admin(), "Content-Type", "application/json",
                "X-Setlist-Secret", DemoServer.SECRET));
        assertAnsweredWithoutFault(reply, operation.verb() + " " + path + query + " " + body);
        if (reply.status() >= 400 && !operation.path().startsWith("/webhook")) {
            assertThat(events()).as("a refused request stores nothing").isEqualTo(before);
        }
    }

    @Property
    void aPersonsPathsTakeHostileValuesWithoutFault(@ForAll("personOperations") ApiAccessTest.Operation operation,
                                                     @ForAll("queries") String query, @ForAll("apiBodies") String body) {
        String path = operation.path().replace("{id}", alex).replace("{userId}", alex).replace("{profile}", "kid")
                .replace("{itemId}", item).replace("{number}", "1").substring(1);
        Http.Reply reply = checked(http().send(operation.verb(), path + query,
                operation.verb().equals("POST") || operation.verb().equals("PUT") ? body : null,
                "Authorization", server.admin(), "Content-Type", "application/json"));
        assertAnsweredWithoutFault(reply, operation.verb() + " " + path + query + " " + body);
    }

    @Provide
    Arbitrary<ApiAccessTest.Operation> operations() {
        return Arbitraries.of(ApiAccessTest.operations());
    }

    /** Operations on a person that cannot wipe the person out (deleting and pausing have their own tests). */
    @Provide
    Arbitrary<ApiAccessTest.Operation> personOperations() {
        return Arbitraries.of(ApiAccessTest.operations().stream()
                .filter(operation -> operation.path().contains("{id}") && !operation.path().startsWith("/api/privacy")
                        && !operation.path().endsWith("/taste/reset"))
                .toList());
    }

    /** One path segment, percent-encoded byte by byte; some raw escapes that decode to nonsense. */
    @Provide
    Arbitrary<String> segments() {
        return Arbitraries.oneOf(
                hostileStrings().filter(text -> text.length() < 3_000).map(HostileInputTest::encode),
                Arbitraries.of("%00", "%C3%28", "%ED%A0%80", "%F4%90%80%80", "%2e%2e", "%2F", "..%2F..%2Fpom.xml",
                        "%25", "%FF%FE", "~", "x~", "~kid", "a~b~c", "%0D%0ASet-Cookie:%20x=1", "9".repeat(40)),
                Arbitraries.just(alex), Arbitraries.just(alex + "~kid"), Arbitraries.just(item));
    }

    @Provide
    Arbitrary<String> queries() {
        Arbitrary<String> names = Arbitraries.of("length", "media", "mode", "minutes", "exploration", "diversity",
                "time", "device", "client", "profile", "signal.heartRate", "signal.%00", "days", "users", "from", "to",
                "pull", "strategy", "floor", "name", "label", "unknown", "", "%ED%A0%80");
        Arbitrary<String> values = Arbitraries.oneOf(
                Arbitraries.of("-1", "0", "1", "3", "1e999", "NaN", "Infinity", "-0", "0x10", "99999999999999999999",
                        "2147483648", "1.5", "video", "music", "kids", "focus", "2026-11-28T21:00", "yesterday",
                        "least_misery", alex, alex + "," + alex, ",,,", item),
                hostileStrings().filter(text -> text.length() < 2_000).map(HostileInputTest::encode));
        Arbitrary<String> pair = Combinators.combine(names, values).as((name, value) -> name + "=" + value);
        return pair.list().ofMaxSize(4).map(pairs -> pairs.isEmpty() ? "" : "?" + String.join("&", pairs));
    }

    @Provide
    Arbitrary<String> apiBodies() {
        Arbitrary<String> fields = Arbitraries.of("mode", "minutes", "itemId", "feedback", "remaining", "media",
                "profile", "label", "parentalCeiling", "choice", "left", "right", "exploration", "diversity", "x");
        Arbitrary<String> jsonValues = Arbitraries.oneOf(
                hostileValues().map(value -> {
                    try {
                        return JSON.writeValueAsString(value);
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        throw new IllegalStateException(e);
                    }
                }),
                Arbitraries.of("\"focus\"", "\"kid\"", "30", "\"like\"", "\"skip\"", "\"" + "a".repeat(10) + "\""));
        Arbitrary<String> objects = Combinators.combine(fields, jsonValues).as((name, value) -> "\"" + name + "\": " + value)
                .list().ofMaxSize(4).map(members -> "{" + String.join(", ", members) + "}");
        return Arbitraries.oneOf(objects,
                objects.map(text -> text.substring(0, text.length() / 2)),
                Arbitraries.integers().between(1, 3_000).map(depth -> "[".repeat(depth) + "]".repeat(depth)),
                Arbitraries.of("", "null", "[]", "\"\"", "{\"mode\":}", "{\"mode\": \"focus\"", "\u0000", "{\"\uD800\": 1}"),
                Arbitraries.strings().all().ofMaxLength(200));
    }

    // ---------------------------------------------------------------- checks

    private static void assertAnsweredWithoutFault(Http.Reply reply, String request) {
        assertThat(reply.status()).as("status of %s: %s", abbreviate(request), abbreviate(reply.body()))
                .isBetween(200, 499);
        if (reply.status() >= 400) {
            assertThat(reply.body()).as("a refusal says why: %s", abbreviate(request)).isNotBlank();
            if (reply.contentType().startsWith("application/json")) {
                assertThat(reply.json().path("error").asText()).as("reason of %s", abbreviate(request)).isNotBlank();
            }
        }
    }

    /**
     * A person's event reads back whole through the person's export: a type, a time, the person and an item.
     * (Events without a person, such as an item added, are covered by the count alone.)
     */
    private static void assertStoredWhole(byte[] body, long seq) {
        JsonNode delivered;
        try {
            delivered = JSON.readTree(body);
        } catch (java.io.IOException e) {
            return;
        }
        String userId = delivered.path("UserId").asText("");
        if (!userId.startsWith("f0220000") || !List.of("PlaybackStart", "PlaybackProgress", "PlaybackStop",
                "UserDataSaved").contains(delivered.path("NotificationType").asText(""))) {
            return;
        }
        JsonNode export = null;
        for (JsonNode stored : admin("api/privacy/" + userId + "/export").json().get("events")) {
            if (stored.get("seq").asLong() == seq) {
                export = stored;
            }
        }
        assertThat(export).as("event %d is readable in its person's export", seq).isNotNull();
        JsonNode event = export.get("event");
        assertThat(event.path("type").asText()).isNotBlank();
        assertThat(event.path("occurredAt").asText()).isNotBlank();
        assertThat(event.path("userId").asText()).startsWith("f0220000");
        assertThat(event.path("itemId").asText()).hasSize(32);
    }

    private static long events() {
        return http().get("api/health").json().get("events").asLong();
    }

    private static String encode(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder encoded = new StringBuilder();
        for (byte b : utf8) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
                encoded.append(c);
            } else {
                encoded.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        return encoded.isEmpty() ? "%20" : encoded.toString();
    }

    private static String preview(byte[] body) {
        return abbreviate(new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8));
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "... (" + text.length() + " chars)";
    }
}
