package dev.setlist.plugin.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.setlist.plugin.DemoServer;
import dev.setlist.plugin.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule editor's API on the real demo server. Drafts never change the book serving; what this class
 * publishes matches no item, and it leaves no curator file behind.
 */
@ExtendWith(DemoServer.Extension.class)
class RulesResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INERT = """
            package dev.setlist.rules.model

            rule "API test: an item nobody has"
            when
                $item : Item( title == "no such title, ever" )
            then
                insert(Exclusion.of($item, "test"));
            end
            """;

    private final DemoServer server;
    private final Http http;

    RulesResourceTest(DemoServer server) {
        this.server = server;
        this.http = server.http();
    }

    @Test
    void listsTheShippedPacksAndServesTheirText() {
        JsonNode overview = server.get("api/rules").json();
        List<String> shipped = new ArrayList<>();
        overview.get("files").forEach(file -> {
            if (file.get("shipped").asBoolean()) {
                shipped.add(file.get("path").asText());
            }
        });
        assertThat(shipped).contains("business.drl", "kids.drl", "modes-workout.drl.csv", "modes-focus.dslr");
        assertThat(overview.get("status").get("version").asText()).isNotBlank();

        JsonNode business = server.get("api/rules/files/business.drl").json();
        assertThat(business.get("text").asText()).contains("rule \"Business: new arrivals\"");
        assertThat(business.get("shipped").asBoolean()).isTrue();
        assertThat(server.get("api/rules/files/nothing-here.drl").status()).isEqualTo(404);
    }

    @Test
    void aDraftWithASyntaxErrorIsReportedAtItsLineAndNothingGoesLive() {
        String before = server.get("api/rules").json().get("status").get("version").asText();
        String broken = INERT.replace("\"no such title, ever\" )", "\"no such title, ever\" ))");
        JsonNode check = post("api/rules/check", draft("api-broken.drl", broken)).json();
        assertThat(check.get("ok").asBoolean()).isFalse();
        JsonNode problem = check.get("problems").get(0);
        assertThat(problem.get("file").asText()).isEqualTo("api-broken.drl");
        assertThat(problem.get("line").asInt()).isEqualTo(5);
        assertThat(problem.get("column").asInt()).isPositive();
        assertThat(server.get("api/rules").json().get("status").get("version").asText()).isEqualTo(before);

        JsonNode good = post("api/rules/check", draft("api-good.drl", INERT)).json();
        assertThat(good.get("ok").asBoolean()).isTrue();
        assertThat(good.get("rules").asInt()).isPositive();
    }

    @Test
    void aDraftLargerThanOtherApiBodiesIsStillChecked() {
        // A long decision table or a commented pack is bigger than the 16 KiB other API bodies may be.
        String commented = INERT + "\n// " + "a curator's long comment ".repeat(1600) + "\n";
        assertThat(commented.length()).isGreaterThan(2 * BodyLimitFilter.MAX_API_BODY_BYTES);
        Http.Reply reply = post("api/rules/check", draft("api-long.drl", commented));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("ok").asBoolean()).isTrue();
    }

    @Test
    void scenariosRunOnADraftPassOrFailOneByOne() {
        JsonNode passing = post("api/rules/test", draft("api-good.drl", INERT)).json();
        assertThat(passing.get("passed").asBoolean()).as(passing.toString()).isTrue();
        assertThat(passing.get("results").size()).isGreaterThan(5);

        // A kids pack that does nothing: the kids scenarios fail, the others still pass.
        JsonNode failing = post("api/rules/test", draft("kids.drl", "package dev.setlist.rules.model\n")).json();
        assertThat(failing.get("passed").asBoolean()).isFalse();
        List<String> failed = new ArrayList<>();
        List<String> passed = new ArrayList<>();
        failing.get("results").forEach(result -> (result.get("passed").asBoolean() ? passed : failed)
                .add(result.get("file").asText()));
        assertThat(failed).contains("kids-ceiling.yaml");
        assertThat(passed).contains("workout.yaml");
    }

    @Test
    void aDiffShowsTheChangedLinesAgainstWhatIsInForce() {
        String business = server.get("api/rules/files/business.drl").json().get("text").asText();
        String edited = business.replace("Adjustment.boost($item, 15,", "Adjustment.boost($item, 25,");
        JsonNode diff = post("api/rules/diff", draft("business.drl", edited)).json().get("files").get(0);
        assertThat(diff.get("status").asText()).isEqualTo("changed");
        List<String> changes = new ArrayList<>();
        diff.get("lines").forEach(line -> {
            if (!line.get("kind").asText().equals("KEPT")) {
                changes.add(line.get("kind").asText() + " " + line.get("text").asText().strip());
            }
        });
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0)).startsWith("REMOVED insert(Adjustment.boost($item, 15,");
        assertThat(changes.get(1)).startsWith("ADDED insert(Adjustment.boost($item, 25,");
    }

    @Test
    void publishesRefusesRollsBackAndKeepsTheHistory() {
        JsonNode published = post("api/rules/publish", draft("api-inert.drl", INERT).put("message", "an inert rule")).json();
        int first = published.get("version").get("number").asInt();
        assertThat(published.get("status").get("version").asText()).isEqualTo("v" + first);
        JsonNode history = server.get("api/rules/history").json();
        assertThat(history.get(0).get("number").asInt()).isEqualTo(first);
        assertThat(history.get(0).get("serving").asBoolean()).isTrue();
        assertThat(history.get(0).get("message").asText()).isEqualTo("an inert rule");

        Http.Reply refused = post("api/rules/publish", draft("api-inert.drl", INERT.replace("then", "thne")));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("problems").get(0).get("file").asText()).isEqualTo("api-inert.drl");
        assertThat(server.get("api/rules").json().get("status").get("version").asText()).isEqualTo("v" + first);

        ObjectNode removal = JSON.createObjectNode();
        removal.putArray("deleted").add("api-inert.drl");
        int second = post("api/rules/publish", removal).json().get("version").get("number").asInt();
        assertThat(second).isGreaterThan(first);
        assertThat(server.get("api/rules/files/api-inert.drl").status()).isEqualTo(404);

        JsonNode rolledBack = post("api/rules/history/" + first + "/rollback", null).json();
        assertThat(rolledBack.get("version").get("message").asText()).isEqualTo("rollback to v" + first);
        assertThat(server.get("api/rules/files/api-inert.drl").json().get("text").asText()).isEqualTo(INERT);
        JsonNode version = server.get("api/rules/history/" + first).json();
        assertThat(version.get("files").get(0).get("path").asText()).isEqualTo("api-inert.drl");

        assertThat(post("api/rules/history/99999/rollback", null).status()).isEqualTo(404);
        assertThat(post("api/rules/publish", removal).status()).isEqualTo(200);
    }

    @Test
    void badDraftsAreRefusedWithTheFieldAtFault() {
        Http.Reply badPath = post("api/rules/check", draft("notes.txt", "hello"));
        assertThat(badPath.status()).isEqualTo(400);
        assertThat(badPath.json().get("error").asText()).contains("notes.txt");
        Http.Reply noText = http.post("api/rules/check", "{\"files\": [{\"path\": \"a.drl\"}]}", "Authorization", server.admin());
        assertThat(noText.status()).isEqualTo(400);
        assertThat(noText.json().get("error").asText()).isEqualTo("files[0].text is missing");
        Http.Reply unknownDeletion = http.post("api/rules/check", "{\"deleted\": [\"never.drl\"]}", "Authorization", server.admin());
        assertThat(unknownDeletion.status()).isEqualTo(400);
        assertThat(http.post("api/rules/check", "{not json", "Authorization", server.admin()).status()).isEqualTo(400);
    }

    @Test
    void onlyTheAdminKeyReachesTheRules() {
        String token = "Bearer " + server.token(server.userId("Robin"));
        assertThat(http.get("api/rules", "Authorization", token).status()).isEqualTo(403);
        assertThat(http.post("api/rules/check", draft("a.drl", INERT).toString(), "Authorization", token).status()).isEqualTo(403);
        assertThat(http.post("api/rules/publish", draft("a.drl", INERT).toString(), "Authorization", token).status()).isEqualTo(403);
        assertThat(http.get("api/rules/history", "Authorization", token).status()).isEqualTo(403);
        assertThat(http.get("api/rules").status()).isEqualTo(401);
    }

    private Http.Reply post(String path, JsonNode body) {
        return http.post(path, body == null ? "" : body.toString(), "Authorization", server.admin(),
                "Content-Type", "application/json");
    }

    private static ObjectNode draft(String path, String text) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode files = body.putArray("files");
        files.addObject().put("path", path).put("text", text);
        return body;
    }
}
