package dev.setlist.plugin.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.setlist.plugin.DemoServer;
import dev.setlist.plugin.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resetting a taste through the real demo server: with the history kept, insights still show it and the
 * playlist no longer reflects it; with the history deleted, it is gone.
 */
@ExtendWith(DemoServer.Extension.class)
class TasteResourceTest {

    private final DemoServer server;
    private final Http http;

    TasteResourceTest(DemoServer server) {
        this.server = server;
        this.http = server.http();
    }

    @Test
    void aResetKeepingTheHistoryStartsTheTasteAgainWhileInsightsStillShowIt() {
        String person = newPerson();
        List<String> films = films(3);
        films.forEach(film -> finish(person, film));
        String auth = "Bearer " + server.token(person);
        answerOnePair(person, auth);
        JsonNode before = playlist(person, auth);
        assertThat(before.get("basedOn").asInt()).as("three films and a quiz answer").isGreaterThanOrEqualTo(4);
        assertThat(ids(before)).as("finished films are not offered again").doesNotContainAnyElementsOf(films);

        Http.Reply reset = http.post("api/users/" + person + "/taste/reset?history=keep", "", "Authorization", auth);
        assertThat(reset.status()).as(reset.body()).isEqualTo(200);
        assertThat(reset.json().get("history").asText()).isEqualTo("kept");
        assertThat(reset.json().get("eventsDeleted").asLong()).isZero();

        JsonNode after = playlist(person, auth);
        assertThat(after.get("basedOn").asInt()).as("the playlist no longer reflects the history").isZero();
        assertThat(after.toString()).doesNotContain("because you");
        assertThat(http.get("api/users/" + person + "/onboarding/pair", "Authorization", auth).json()
                .get("answered").asInt()).as("the quiz starts again").isZero();
        assertThat(plays(person, auth)).as("insights still show the history").isEqualTo(3);
        assertThat(http.get("api/users/" + person + "/insights/signals?days=1", "Authorization", auth).json()
                .get("signals")).hasSize(3);

        finish(person, films.get(0));
        assertThat(playlist(person, auth).get("basedOn").asInt()).as("what happens after the reset counts").isEqualTo(1);
        assertThat(plays(person, auth)).isEqualTo(4);
    }

    @Test
    void aResetDeletingTheHistoryLeavesNothingOfIt() {
        String person = newPerson();
        films(2).forEach(film -> finish(person, film));
        String auth = "Bearer " + server.token(person);
        assertThat(playlist(person, auth).get("basedOn").asInt()).isEqualTo(2);

        Http.Reply reset = http.post("api/users/" + person + "/taste/reset?history=delete", "", "Authorization", auth);
        assertThat(reset.status()).as(reset.body()).isEqualTo(200);
        assertThat(reset.json().get("history").asText()).isEqualTo("deleted");
        assertThat(reset.json().get("eventsDeleted").asLong()).as("two stops and the event that introduced the person")
                .isEqualTo(3);
        assertThat(http.get("api/users/" + person + "/insights/diversity?days=1", "Authorization", auth).json()
                .get("served")).as("served playlists go too (before another is served)").isEmpty();

        assertThat(playlist(person, auth).get("basedOn").asInt()).isZero();
        assertThat(plays(person, auth)).as("the history is gone").isZero();
        assertThat(http.get("api/users/" + person + "/insights/signals?days=1", "Authorization", auth).json()
                .get("signals")).isEmpty();
        assertThat(http.get("api/users", "Authorization", auth).json()).as("the person stays").hasSize(1);
    }

    @Test
    void aResetIsThePersonsOwnChoiceAndSaysWhatIsWrong() {
        String person = newPerson();
        String other = newPerson();
        String path = "api/users/" + person + "/taste/reset?history=keep";
        assertThat(http.post(path, "").status()).isEqualTo(401);
        assertThat(http.post(path, "", "Authorization", "Bearer " + server.token(other)).status()).isEqualTo(403);
        Http.Reply missing = http.post("api/users/" + person + "/taste/reset", "", "Authorization", server.admin());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("error").asText()).contains("history");
        Http.Reply wrong = http.post("api/users/" + person + "/taste/reset?history=forget", "", "Authorization",
                server.admin());
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("error").asText()).contains("history", "forget");
        assertThat(http.post("api/users/" + person + "/taste/reset?history=keep&also=1", "", "Authorization",
                server.admin()).json().get("error").asText()).contains("also");
        Http.Reply unknown = http.post("api/users/ffffffffffffffffffffffffffff0000/taste/reset?history=keep", "",
                "Authorization", server.admin());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(http.post(path, "", "Authorization", server.admin()).status()).as("the admin may").isEqualTo(200);
    }

    private JsonNode playlist(String person, String auth) {
        Http.Reply reply = http.get("api/users/" + person + "/playlist?length=10&media=video", "Authorization", auth);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static List<String> ids(JsonNode playlist) {
        List<String> ids = new ArrayList<>();
        playlist.get("items").forEach(item -> ids.add(item.get("itemId").asText()));
        return ids;
    }

    private int plays(String person, String auth) {
        int plays = 0;
        for (JsonNode day : http.get("api/users/" + person + "/insights/genres?days=1", "Authorization", auth).json()
                .get("days")) {
            plays += day.get("plays").asInt();
        }
        return plays;
    }

    private void answerOnePair(String person, String auth) {
        String path = "api/users/" + person + "/onboarding/pair";
        JsonNode pair = http.get(path, "Authorization", auth).json();
        String chosen = pair.get("first").get("id").asText();
        String other = pair.get("second").get("id").asText();
        assertThat(http.post(path, "{\"chosen\":\"" + chosen + "\",\"other\":\"" + other + "\"}", "Authorization", auth)
                .status()).isEqualTo(200);
    }

    /** Films from a demo person's playlist: items the catalog surely has. */
    private List<String> films(int count) {
        List<String> films = new ArrayList<>();
        JsonNode playlist = server.get("api/users/" + server.userId("Alex") + "/playlist?length=30"
                + "&media=video").json();
        for (JsonNode item : playlist.get("items")) {
            if (item.get("kind").asText().equals("movie") && films.size() < count) {
                films.add(item.get("itemId").asText());
            }
        }
        assertThat(films).hasSize(count);
        return films;
    }

    /** A person nobody else uses, known to Setlist from one event that carries no play. */
    private String newPerson() {
        String id = UUID.randomUUID().toString().replace("-", "");
        String body = """
                {"NotificationType":"UserDataSaved","UtcTimestamp":"%s","UserId":"%s",
                 "NotificationUsername":"R","ItemId":"0123456789abcdef0123456789abcdef","ItemType":"Movie",
                 "SaveReason":"TogglePlayed","Played":false}
                """.formatted(Instant.now(), id);
        assertThat(http.post("webhook/jellyfin", body, "X-Setlist-Secret", DemoServer.SECRET).status()).isEqualTo(200);
        return id;
    }

    private void finish(String person, String film) {
        String body = """
                {"NotificationType": "PlaybackStop", "UtcTimestamp": "%s", "UserId": "%s", "NotificationUsername": "R",
                 "ItemId": "%s", "ItemType": "Movie", "Name": "x", "RunTimeTicks": 36000000000,
                 "PlaybackPositionTicks": 36000000000, "PlayedToCompletion": true, "IsPaused": false,
                 "IsAutomated": false, "DeviceName": "Den TV", "ClientName": "Jellyfin Web",
                 "PlaySessionId": "%s"}
                """.formatted(Instant.now(), person, film, UUID.randomUUID());
        Http.Reply reply = http.post("webhook/jellyfin", body, "X-Setlist-Secret", DemoServer.SECRET);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }
}
