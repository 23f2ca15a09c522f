package dev.setlist.plugin.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.setlist.plugin.DemoServer;
import dev.setlist.plugin.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Playlists for people watching together, through the real demo server. */
@ExtendWith(DemoServer.Extension.class)
class TogetherResourceTest {

    private static final Set<String> CHILD_RATINGS = Set.of("G", "PG", "TV-Y", "TV-Y7", "TV-G", "TV-PG");

    private final DemoServer server;
    private final Http http;
    private final String alex;
    private final String jordan;
    private final String robin;

    TogetherResourceTest(DemoServer server) {
        this.server = server;
        this.http = server.http();
        this.alex = server.userId("Alex");
        this.jordan = server.userId("Jordan");
        this.robin = server.userId("Robin");
    }

    @Test
    void theFairBlendKeepsEveryoneAboveTheFloorAndLeastMiseryLiftsTheLeastHappy() {
        Http.Reply blendReply = server.get(together(alex, jordan) + "&length=15&diversity=0");
        assertThat(blendReply.status()).as(blendReply.body()).isEqualTo(200);
        JsonNode blend = blendReply.json();
        JsonNode misery = server.get(together(alex, jordan) + "&length=15&diversity=0&strategy=least_misery").json();

        assertThat(blend.get("strategy").asText()).isEqualTo("fair_blend");
        assertThat(misery.get("strategy").asText()).isEqualTo("least_misery");
        assertThat(misery.has("floor")).isFalse();
        assertThat(blend.get("items").size()).isEqualTo(15);
        double floor = blend.get("floorUsed").asDouble();
        assertThat(floor).isEqualTo(0.5);
        blend.get("fairness").forEach(fit -> {
            assertThat(fit.get("lowest").asDouble()).as(fit.toString()).isGreaterThanOrEqualTo(floor);
            assertThat(fit.get("byMember").get(alex).asDouble()).isGreaterThanOrEqualTo(floor);
            assertThat(fit.get("byMember").get(jordan).asDouble()).isGreaterThanOrEqualTo(floor);
        });
        blend.get("items").forEach(item -> assertThat(item.get("kind").asText()).isIn("movie", "episode"));
        assertThat(blend.get("items").get(0).get("reasons").get(0).get("text").asText())
                .startsWith("for Alex ").contains("Jordan ").contains("nobody below");

        assertThat(average(misery, "lowest")).as("least misery lifts the least happy member")
                .isGreaterThanOrEqualTo(average(blend, "lowest") - 0.02);
        assertThat(average(blend, "mean")).as("the blend counts everyone's enthusiasm")
                .isGreaterThanOrEqualTo(average(misery, "mean") - 0.02);
        for (JsonNode member : blend.get("members")) {
            assertThat(member.get("lowestFit").asDouble()).isGreaterThanOrEqualTo(floor);
            assertThat(member.get("meanFit").asDouble()).isGreaterThanOrEqualTo(member.get("lowestFit").asDouble());
            assertThat(member.get("basedOn").asInt()).isPositive();
        }
    }

    @Test
    void aFloorNobodyCanMeetIsLoweredAndSaidSo() {
        JsonNode strict = server.get(together(alex, jordan) + "&length=100&floor=0.9").json();

        assertThat(strict.get("floor").asDouble()).isEqualTo(0.9);
        assertThat(strict.get("floorUsed").asDouble()).isLessThan(0.9);
        assertThat(strict.get("notes").get(0).asText()).contains("lowered");
    }

    @Test
    void aChildPresentMeansKidsModeForEveryone() {
        JsonNode withRobin = server.get(together(alex, robin) + "&length=12").json();
        assertThat(withRobin.get("mode").get("name").asText()).isEqualTo("kids");
        assertThat(withRobin.get("mode").get("reason").asText()).contains("Robin");
        assertThat(withRobin.get("items").size()).isPositive();
        withRobin.get("items").forEach(item -> assertThat(item.get("parentalRating").asText())
                .as(item.get("title").asText()).isIn(CHILD_RATINGS));

        String profiles = "api/users/" + jordan + "/profiles";
        assertThat(http.post(profiles, "{\"profile\": \"little\", \"parentalCeiling\": 7}", "Authorization",
                server.admin()).status()).isEqualTo(201);
        JsonNode withLittle = server.get(together(alex, jordan + "~little") + "&length=8&mode=late_night").json();
        assertThat(withLittle.get("mode").get("name").asText()).as("the ceiling overrides the request's mode")
                .isEqualTo("kids");
        assertThat(withLittle.get("mode").get("reason").asText()).contains("parental ceiling of age 7");
        withLittle.get("items").forEach(item -> assertThat(item.get("parentalRating").asText())
                .as(item.get("title").asText()).isIn("G", "TV-Y", "TV-Y7", "TV-G"));
        assertThat(http.delete(profiles + "/little", "Authorization", server.admin()).status()).isEqualTo(204);

        JsonNode grownUps = server.get(together(alex, jordan) + "&length=5&mode=movie_night").json();
        assertThat(grownUps.get("mode").get("name").asText()).isEqualTo("movie_night");
    }

    @Test
    void onlySomeoneAmongThemMayAsk() {
        String alexToken = "Bearer " + server.token(alex);
        String samToken = "Bearer " + server.token(server.userId("Sam"));

        assertThat(http.get(together(alex, jordan) + "&length=3", "Authorization", alexToken).status()).isEqualTo(200);
        Http.Reply other = http.get(together(alex, jordan) + "&length=3", "Authorization", samToken);
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.json().get("error").asText()).contains("among the users");
        assertThat(http.get(together(alex, jordan)).status()).isEqualTo(401);
    }

    @Test
    void refusesBadRequestsNamingTheParameter() {
        assertRefused("api/playlist/together", 400, "users is missing");
        assertRefused("api/playlist/together?users=" + alex, 400, "users needs 2 to 8");
        assertRefused(together(alex, alex), 400, "twice");
        assertRefused(together(alex, jordan) + "&strategy=loudest", 400, "strategy");
        assertRefused(together(alex, jordan) + "&strategy=least_misery&floor=0.3", 400, "floor");
        assertRefused(together(alex, jordan) + "&floor=2", 400, "floor");
        assertRefused(together(alex, jordan) + "&media=books", 400, "media");
        assertRefused(together(alex, jordan) + "&length=0", 400, "length");
        assertRefused(together(alex, jordan) + "&mode=disco", 400, "mode");
        assertRefused(together(alex, jordan) + "&colour=blue", 400, "colour");
        assertRefused(together(alex, "nobody"), 404, "no user with id nobody");
        assertRefused(together(alex, jordan + "~ghost"), 404, "users");
    }

    private void assertRefused(String path, int status, String says) {
        Http.Reply reply = server.get(path);
        assertThat(reply.status()).as(path + " " + reply.body()).isEqualTo(status);
        assertThat(reply.json().get("error").asText()).as(path).contains(says);
    }

    private static String together(String... ids) {
        return "api/playlist/together?users=" + String.join(",", ids);
    }

    private static double average(JsonNode playlist, String field) {
        double sum = 0;
        for (JsonNode fit : playlist.get("fairness")) {
            sum += fit.get(field).asDouble();
        }
        return sum / playlist.get("fairness").size();
    }
}
