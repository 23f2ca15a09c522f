package dev.setlist.plugin.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.setlist.plugin.DemoServer;
import dev.setlist.plugin.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Journeys through the real demo server: from Alex's electronic music to Jordan's jazz and classical. */
@ExtendWith(DemoServer.Extension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JourneyResourceTest {

    private static final Set<String> CHILD_RATINGS = Set.of("G", "PG", "TV-Y", "TV-Y7", "TV-G", "TV-PG");

    private DemoServer server;
    private String alex;
    private String robin;
    private String alexTrack;
    private String jordanTrack;

    @BeforeAll
    void findTheEnds(DemoServer running) {
        server = running;
        alex = server.userId("Alex");
        robin = server.userId("Robin");
        String jordan = server.userId("Jordan");
        alexTrack = firstId(server.get("api/users/" + alex + "/playlist?length=5&media=music&exploration=0").json());
        jordanTrack = firstId(server.get("api/users/" + jordan + "/playlist?length=5&media=music&exploration=0").json());
    }

    @Test
    void travelsFromOneItemToTheOtherAlongThePath() {
        Http.Reply reply = server.get(journey(alex, alexTrack, jordanTrack) + "&length=8");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode journey = reply.json();

        List<String> ids = ids(journey);
        assertThat(ids).hasSize(8).doesNotHaveDuplicates();
        assertThat(ids.get(0)).isEqualTo(alexTrack);
        assertThat(ids.get(7)).isEqualTo(jordanTrack);
        journey.get("items").forEach(item -> assertThat(item.get("kind").asText()).isEqualTo("track"));
        assertThat(journey.get("media").asText()).isEqualTo("music");
        assertThat(journey.get("items").get(2).get("reasons").get(0).get("text").asText())
                .startsWith("step 3 of 8 on the way from ");

        JsonNode path = journey.get("path");
        double[] progress = new double[8];
        for (int k = 0; k < 8; k++) {
            progress[k] = path.get(k).get("progress").asDouble();
            assertThat(path.get(k).get("target").asDouble()).isCloseTo(k / 7.0, within(1e-9));
        }
        assertThat(progress[0]).isCloseTo(0, within(1e-6));
        assertThat(progress[7]).isCloseTo(1, within(1e-6));
        String shown = java.util.Arrays.toString(progress);
        assertThat(correlation(progress)).as("the steps move from one end towards the other: " + shown)
                .isGreaterThan(0.6);
        assertThat(progress[5] + progress[6]).as("the last steps lie nearer the end than the first: " + shown)
                .isGreaterThan(progress[1] + progress[2] + 0.6);
    }

    @Test
    void theTastePullDecidesHowMuchTheStepsSoundLikeThePerson() {
        JsonNode straight = server.get(journey(alex, alexTrack, jordanTrack) + "&length=9&pull=0").json();
        JsonNode personal = server.get(journey(alex, alexTrack, jordanTrack) + "&length=9&pull=1").json();
        assertThat(meanOfInterior(personal, "taste")).as("pulled towards Alex")
                .isGreaterThan(meanOfInterior(straight, "taste") + 0.1);
        assertThat(meanOfInterior(straight, "closeness")).as("straight along the path")
                .isGreaterThan(meanOfInterior(personal, "closeness"));
        assertThat(straight.get("tastePull").asDouble()).isZero();
    }

    @Test
    void aChildsJourneyKeepsToTheChildsRatingsAndRefusesAnEndAboveThem() {
        JsonNode kids = server.get("api/users/" + robin + "/playlist?length=20&media=video").json();
        String first = kids.get("items").get(0).get("itemId").asText();
        String last = kids.get("items").get(kids.get("items").size() - 1).get("itemId").asText();

        Http.Reply reply = server.get(journey(robin, first, last) + "&length=6");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode journey = reply.json();
        assertThat(journey.get("mode").get("name").asText()).isEqualTo("kids");
        journey.get("items").forEach(item -> assertThat(item.get("parentalRating").asText())
                .as(item.get("title").asText()).isIn(CHILD_RATINGS));

        String restricted = null;
        for (JsonNode item : server.get("api/users/" + alex + "/playlist?length=60&media=video&exploration=0").json()
                .get("items")) {
            if (item.get("parentalRating").asText().equals("R")) {
                restricted = item.get("itemId").asText();
            }
        }
        assertThat(restricted).as("Alex's films include an R").isNotNull();
        Http.Reply refused = server.get(journey(robin, first, restricted));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("error").asText()).contains("rated R").contains("parental ceiling");
    }

    @Test
    void refusesWhatIsNotAJourneyAndNamesTheParameter() {
        String film = server.get("api/users/" + alex + "/playlist?length=1&media=video").json()
                .get("items").get(0).get("itemId").asText();

        Http.Reply mixed = server.get(journey(alex, alexTrack, film));
        assertThat(mixed.status()).isEqualTo(400);
        assertThat(mixed.json().get("error").asText()).contains("one media").contains("track").contains("video");
        assertThat(server.get(journey(alex, alexTrack, alexTrack)).json().get("error").asText()).contains("same item");

        assertRefused(journey(alex, alexTrack, jordanTrack) + "&length=2", 400, "length");
        assertRefused(journey(alex, alexTrack, jordanTrack) + "&length=51", 400, "length");
        assertRefused(journey(alex, alexTrack, jordanTrack) + "&pull=2", 400, "pull");
        assertRefused(journey(alex, alexTrack, jordanTrack) + "&mode=disco", 400, "mode");
        assertRefused(journey(alex, alexTrack, jordanTrack) + "&colour=blue", 400, "colour");
        assertRefused("api/users/" + alex + "/journey?to=" + jordanTrack, 400, "from is missing");
        assertRefused(journey(alex, alexTrack, "ffffffffffffffffffffffffffffffff"), 404, "to: no item");
        assertRefused(journey("nobody", alexTrack, jordanTrack), 404, "no user");
        assertRefused(journey(alex, alexTrack, jordanTrack) + "&profile=nosuch", 404, "no such profile");

        String jordanToken = server.token(server.userId("Jordan"));
        Http.Reply forbidden = server.http().get(journey(alex, alexTrack, jordanTrack), "Authorization", "Bearer " + jordanToken);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(server.http().get(journey(alex, alexTrack, jordanTrack)).status()).isEqualTo(401);
    }

    private void assertRefused(String path, int status, String named) {
        Http.Reply reply = server.get(path);
        assertThat(reply.status()).as(path + " " + reply.body()).isEqualTo(status);
        assertThat(reply.json().get("error").asText()).as(path).contains(named);
    }

    private static double meanOfInterior(JsonNode journey, String field) {
        JsonNode path = journey.get("path");
        double sum = 0;
        for (int k = 1; k < path.size() - 1; k++) {
            sum += path.get(k).get(field).asDouble();
        }
        return sum / (path.size() - 2);
    }

    private static double correlation(double[] values) {
        int n = values.length;
        double meanX = (n - 1) / 2.0;
        double meanY = 0;
        for (double value : values) {
            meanY += value / n;
        }
        double xy = 0;
        double xx = 0;
        double yy = 0;
        for (int k = 0; k < n; k++) {
            xy += (k - meanX) * (values[k] - meanY);
            xx += (k - meanX) * (k - meanX);
            yy += (values[k] - meanY) * (values[k] - meanY);
        }
        return xy / Math.sqrt(xx * yy);
    }

    private static String journey(String user, String from, String to) {
        return "api/users/" + user + "/journey?from=" + from + "&to=" + to;
    }

    private static String firstId(JsonNode playlist) {
        return playlist.get("items").get(0).get("itemId").asText();
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.get("items").forEach(item -> ids.add(item.get("itemId").asText()));
        return ids;
    }
}
