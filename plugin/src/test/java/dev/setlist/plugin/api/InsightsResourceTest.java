package dev.setlist.plugin.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.setlist.plugin.DemoServer;
import dev.setlist.plugin.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The insight charts through the real demo server: what is served and played shows up in them. */
@ExtendWith(DemoServer.Extension.class)
class InsightsResourceTest {

    private final DemoServer server;
    private final Http http;

    InsightsResourceTest(DemoServer server) {
        this.server = server;
        this.http = server.http();
    }

    @Test
    void aFinishedFilmShowsInTheGenreMixAndTheSignalTimeline() {
        String ines = "1a2b3c4d5e6f708192a3b4c5d6e7f809";
        JsonNode film = server.get("api/users/" + server.userId("Alex") + "/playlist?length=1&media=video").json()
                .get("items").get(0);
        String body = """
                {"NotificationType": "PlaybackStop", "UtcTimestamp": "%s", "UserId": "%s", "NotificationUsername": "Ines",
                 "ItemId": "%s", "ItemType": "Movie", "Name": "x", "RunTimeTicks": 36000000000,
                 "PlaybackPositionTicks": 36000000000, "PlayedToCompletion": true, "IsPaused": false,
                 "IsAutomated": false, "DeviceName": "Den TV", "ClientName": "Jellyfin Web"}
                """.formatted(Instant.now(), ines, film.get("itemId").asText());
        assertThat(http.post("webhook/jellyfin", body, "X-Setlist-Secret", DemoServer.SECRET).status()).isEqualTo(200);

        JsonNode mix = server.get("api/users/" + ines + "/insights/genres?days=1").json();
        assertThat(mix.get("days")).hasSize(1);
        JsonNode today = mix.get("days").get(0);
        assertThat(today.get("plays").asInt()).isEqualTo(1);
        assertThat(today.get("minutes").asDouble()).isCloseTo(60, within(0.01));
        int genres = film.get("genres").size();
        film.get("genres").forEach(genre -> assertThat(today.get("byGenre").get(genre.asText()).asDouble())
                .as(genre.asText()).isCloseTo(60.0 / genres, within(0.01)));
        assertThat(server.get("api/users/" + ines + "/insights/genres").json().get("days")).as("30 days by default")
                .hasSize(30);

        JsonNode signals = server.get("api/users/" + ines + "/insights/signals?days=7").json();
        assertThat(signals.get("signals")).hasSize(1);
        JsonNode signal = signals.get("signals").get(0);
        assertThat(signal.get("kind").asText()).isEqualTo("finished");
        assertThat(signal.get("itemId").asText()).isEqualTo(film.get("itemId").asText());
        assertThat(signal.get("weight").asDouble()).isPositive();
        assertThat(signal.get("discounts")).isEmpty();
        assertThat(signals.get("summary").get("discounted").asInt()).isZero();
    }

    @Test
    void servedPlaylistsAndWildcardAnswersShowInExplorationAndDiversity() {
        String jordan = server.userId("Jordan");
        String exploration = "api/users/" + jordan + "/insights/exploration?days=1";
        JsonNode before = server.get(exploration).json().get("days").get(0);

        JsonNode playlist = server.get("api/users/" + jordan + "/playlist?length=12&media=music&exploration=0.5").json();
        String wildcard = null;
        int wildcards = 0;
        for (JsonNode item : playlist.get("items")) {
            if (item.get("wildcard").asBoolean()) {
                wildcard = item.get("itemId").asText();
                wildcards++;
            }
        }
        assertThat(wildcard).as("exploration 0.5 offers a wildcard").isNotNull();
        JsonNode afterServing = server.get(exploration).json().get("days").get(0);
        assertThat(afterServing.get("playlists").asInt()).isEqualTo(before.get("playlists").asInt() + 1);
        assertThat(afterServing.get("offered").asInt()).isEqualTo(before.get("offered").asInt() + wildcards);

        JsonNode answer = http.post("api/users/" + jordan + "/feedback", "{\"itemId\":\"" + wildcard
                + "\",\"feedback\":\"wildcard_taken\"}", "Authorization", server.admin(), "Content-Type",
                "application/json").json();
        JsonNode trend = server.get(exploration).json();
        JsonNode afterAnswer = trend.get("days").get(0);
        assertThat(afterAnswer.get("taken").asInt()).isEqualTo(before.get("taken").asInt() + 1);
        assertThat(afterAnswer.get("acceptance").asDouble()).isEqualTo(trend.get("now").get("acceptance").asDouble());
        assertThat(trend.get("now").get("rate").asDouble()).isCloseTo(answer.get("explorationRate").asDouble(),
                within(1e-3));

        JsonNode served = server.get("api/users/" + jordan + "/insights/diversity?days=1").json().get("served");
        JsonNode last = served.get(served.size() - 1);
        assertThat(last.get("kind").asText()).isEqualTo("playlist");
        assertThat(last.get("media").asText()).isEqualTo("music");
        assertThat(last.get("items").asInt()).isEqualTo(playlist.get("items").size());
        assertThat(last.get("wildcards").asInt()).isEqualTo(wildcards);
        assertThat(last.get("diversity").asDouble()).isBetween(0.0, 1.0).isPositive();

        assertThat(server.get("api/playlist/together?users=" + server.userId("Alex") + "," + jordan + "&length=4")
                .status()).isEqualTo(200);
        JsonNode afterTogether = server.get("api/users/" + jordan + "/insights/diversity?days=1").json().get("served");
        assertThat(afterTogether.get(afterTogether.size() - 1).get("kind").asText()).isEqualTo("together");
    }

    @Test
    void refusesBadRangesOtherPeopleAndStrangers() {
        String alex = server.userId("Alex");
        for (String chart : new String[] {"genres", "exploration", "diversity", "signals"}) {
            String path = "api/users/" + alex + "/insights/" + chart;
            assertThat(server.get(path).status()).as(chart).isEqualTo(200);
            assertRefused(path + "?days=0", 400, "days");
            assertRefused(path + "?days=366", 400, "days");
            assertRefused(path + "?colour=blue", 400, "colour");
            assertRefused("api/users/nobody/insights/" + chart, 404, "no user");
            assertRefused(path + "?profile=ghost", 404, "no such profile");
        }
        String samToken = "Bearer " + server.token(server.userId("Sam"));
        Http.Reply other = http.get("api/users/" + alex + "/insights/genres", "Authorization", samToken);
        assertThat(other.status()).isEqualTo(403);
        assertThat(http.get("api/users/" + alex + "/insights/genres").status()).isEqualTo(401);
    }

    private void assertRefused(String path, int status, String says) {
        Http.Reply reply = server.get(path);
        assertThat(reply.status()).as(path + " " + reply.body()).isEqualTo(status);
        assertThat(reply.json().get("error").asText()).as(path).contains(says);
    }
}
