package dev.setlist.plugin.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.setlist.plugin.DemoServer;
import dev.setlist.plugin.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Onboarding, modes, tuning, explanations and surprises, over HTTP against the shared demo server. */
@ExtendWith(DemoServer.Extension.class)
class PersonApiTest {

    private final DemoServer server;
    private final Http http;

    PersonApiTest(DemoServer server) {
        this.server = server;
        this.http = server.http();
    }

    private String newcomer(String name) {
        String id = String.format("%032x", name.hashCode() & 0xffffffffL);
        String body = """
                {"NotificationType":"UserDataSaved","UtcTimestamp":"2026-11-28T10:00:00Z","UserId":"%s",
                 "NotificationUsername":"%s","ItemId":"0123456789abcdef0123456789abcdef","ItemType":"Movie",
                 "SaveReason":"TogglePlayed","Played":false}
                """.formatted(id, name);
        assertThat(http.post("webhook/jellyfin", body, "X-Setlist-Secret", DemoServer.SECRET).status()).isEqualTo(200);
        return id;
    }

    @Test
    void tenPairwiseAnswersMakeANewcomersPlaylistPersonal() {
        String newcomer = newcomer("Quinn");
        String pairPath = "api/users/" + newcomer + "/onboarding/pair";
        Set<String> shown = new HashSet<>();
        JsonNode progress = null;
        for (int answer = 0; answer < 10; answer++) {
            JsonNode pair = http.get(pairPath, "Authorization", server.admin()).json();
            assertThat(pair.get("answered").asInt()).isEqualTo(answer);
            String first = pair.get("first").get("id").asText();
            String second = pair.get("second").get("id").asText();
            assertThat(first).isNotEqualTo(second);
            assertThat(shown.add(first) && shown.add(second)).as("no item is shown twice").isTrue();
            JsonNode chosenItem = pair.get("first");
            boolean pickFirst = chosenItem.toString().contains("Science Fiction") || answer % 2 == 0;
            progress = http.post(pairPath, "{\"chosen\":\"" + (pickFirst ? first : second) + "\",\"other\":\""
                    + (pickFirst ? second : first) + "\"}", "Authorization", server.admin()).json();
        }
        assertThat(progress.get("answered").asInt()).isEqualTo(10);
        assertThat(progress.get("personal").asBoolean()).isTrue();

        JsonNode playlist = http.get("api/users/" + newcomer + "/playlist?length=10&media=video", "Authorization",
                server.admin()).json();
        assertThat(playlist.get("basedOn").asInt()).as("folded from the ten choices").isEqualTo(10);
        assertThat(playlist.get("items").size()).isEqualTo(10);
        assertThat(playlist.toString()).contains("because you chose");

        Http.Reply same = http.post(pairPath, "{\"chosen\":\"" + first(shown) + "\",\"other\":\"" + first(shown) + "\"}",
                "Authorization", server.admin());
        assertThat(same.status()).isEqualTo(400);
        assertThat(http.post(pairPath, "{\"other\":\"x\"}", "Authorization", server.admin()).json().get("error").asText())
                .contains("chosen");
        assertThat(http.post(pairPath, "{\"chosen\":\"ffffffffffffffffffffffffffffffff\",\"other\":\"" + first(shown) + "\"}",
                "Authorization", server.admin()).status()).isEqualTo(404);
    }

    private static String first(Set<String> ids) {
        return ids.iterator().next();
    }

    @Test
    void aChosenModeHoldsUntilItExpiresOrIsCleared() {
        String sam = server.userId("Sam");
        String modePath = "api/users/" + sam + "/mode";
        assertThat(http.get(modePath, "Authorization", server.admin()).json().get("chosen").asBoolean()).isFalse();

        JsonNode set = send("PUT", modePath, "{\"mode\":\"Late night\",\"minutes\":90}");
        assertThat(set.get("mode").asText()).isEqualTo("late_night");
        assertThat(set.get("expiresAt").asText()).isNotBlank();
        JsonNode playlist = http.get("api/users/" + sam + "/playlist?length=5", "Authorization", server.admin()).json();
        assertThat(playlist.get("mode").get("name").asText()).isEqualTo("late_night");
        assertThat(playlist.get("mode").get("explicit").asBoolean()).isTrue();

        Http.Reply unknown = http.send("PUT", modePath, "{\"mode\":\"disco\"}", "Authorization", server.admin());
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("error").asText()).contains("mode").contains("workout");
        assertThat(http.send("PUT", modePath, "{\"mode\":\"focus\",\"minutes\":0}", "Authorization", server.admin()).status())
                .isEqualTo(400);

        assertThat(http.send("DELETE", modePath, null, "Authorization", server.admin()).status()).isEqualTo(204);
        JsonNode inferred = http.get("api/users/" + sam + "/playlist?length=5&time=2026-11-28T02:30", "Authorization",
                server.admin()).json();
        assertThat(inferred.get("mode").get("explicit").asBoolean()).isFalse();
    }

    @Test
    void tuningIsValidatedFieldByFieldAndShapesPlaylists() {
        String alex = server.userId("Alex");
        String path = "api/users/" + alex + "/tuning";
        JsonNode defaults = http.get(path, "Authorization", server.admin()).json();
        assertThat(defaults.get("explorationMin").asDouble()).isEqualTo(0.05);
        assertThat(defaults.get("explorationRate").asDouble()).isBetween(0.05, 0.30);

        JsonNode set = send("PUT", path, "{\"explorationMin\":0.0,\"explorationMax\":0.0,\"diversity\":0.9,\"wildcardSlots\":0}");
        assertThat(set.get("explorationMax").asDouble()).isZero();
        assertThat(set.get("diversity").asDouble()).isEqualTo(0.9);
        JsonNode playlist = http.get("api/users/" + alex + "/playlist?length=10&media=video", "Authorization", server.admin()).json();
        assertThat(playlist.get("tuning").get("exploration").asDouble()).isZero();
        assertThat(playlist.get("tuning").get("diversity").asDouble()).isEqualTo(0.9);
        playlist.get("items").forEach(item -> assertThat(item.get("wildcard").asBoolean()).isFalse());

        assertThat(error(http.send("PUT", path, "{\"explorationMax\":2.0}", "Authorization", server.admin())))
                .contains("explorationMax");
        assertThat(error(http.send("PUT", path, "{\"explorationMin\":0.4,\"explorationMax\":0.1}", "Authorization",
                server.admin()))).contains("explorationMin");
        assertThat(error(http.send("PUT", path, "{\"wildcardSlots\":50}", "Authorization", server.admin())))
                .contains("wildcardSlots");
        assertThat(error(http.send("PUT", path, "{\"diversity\":1.5}", "Authorization", server.admin()))).contains("diversity");
        send("PUT", path, "{}");
        assertThat(http.get(path, "Authorization", server.admin()).json().get("diversity").asDouble()).isEqualTo(0.3);
    }

    @Test
    void explainsWhyAnItemIsInOrOut() {
        String alex = server.userId("Alex");
        JsonNode playlist = http.get("api/users/" + alex + "/playlist?length=10&media=video", "Authorization", server.admin()).json();
        String in = playlist.get("items").get(0).get("itemId").asText();
        JsonNode why = http.get("api/users/" + alex + "/items/" + in + "/why?length=10&media=video", "Authorization",
                server.admin()).json();
        assertThat(why.get("inPlaylist").asBoolean()).isTrue();
        assertThat(why.get("entry").get("position").asInt()).isEqualTo(1);
        assertThat(why.get("parts").get("taste").isNumber()).isTrue();

        JsonNode kids = http.get("api/users/" + alex + "/playlist?length=40&media=video&mode=kids", "Authorization",
                server.admin()).json();
        String adultOnly = null;
        for (JsonNode item : http.get("api/users/" + alex + "/playlist?length=40&media=video", "Authorization",
                server.admin()).json().get("items")) {
            if (item.get("parentalRating").asText().equals("R") && !kids.toString().contains(item.get("itemId").asText())) {
                adultOnly = item.get("itemId").asText();
                break;
            }
        }
        assertThat(adultOnly).as("an R-rated film in Alex's everyday list").isNotNull();
        JsonNode out = http.get("api/users/" + alex + "/items/" + adultOnly + "/why?mode=kids&length=40", "Authorization",
                server.admin()).json();
        assertThat(out.get("inPlaylist").asBoolean()).isFalse();
        assertThat(out.get("rules").toString()).contains("excluded").contains("Kids");

        String track = http.get("api/users/" + alex + "/playlist?length=3&media=music", "Authorization", server.admin())
                .json().get("items").get(0).get("itemId").asText();
        JsonNode otherMedia = http.get("api/users/" + alex + "/items/" + track + "/why?media=video", "Authorization",
                server.admin()).json();
        assertThat(otherMedia.get("notes").toString()).contains("this playlist holds video");

        assertThat(http.get("api/users/" + alex + "/items/ffffffffffffffffffffffffffffffff/why", "Authorization",
                server.admin()).status()).isEqualTo(404);
    }

    @Test
    void surpriseMeOffersOneWildcard() {
        String jordan = server.userId("Jordan");
        Http.Reply surprise = http.get("api/users/" + jordan + "/surprise?media=music", "Authorization", server.admin());
        assertThat(surprise.status()).isEqualTo(200);
        assertThat(surprise.json().get("wildcard").asBoolean()).isTrue();
        assertThat(surprise.json().get("kind").asText()).isEqualTo("track");
        assertThat(http.get("api/users/" + jordan + "/surprise?media=books", "Authorization", server.admin()).status())
                .isEqualTo(400);
    }

    @Test
    void aPersonsTokenCannotReachAnotherPersonsSettings() {
        String alex = server.userId("Alex");
        String sam = server.userId("Sam");
        String token = http.post("api/users/" + alex + "/tokens", "", "Authorization", server.admin()).json()
                .get("token").asText();
        assertThat(http.get("api/users/" + alex + "/tuning", "Authorization", "Bearer " + token).status()).isEqualTo(200);
        for (String path : new String[] {"tuning", "mode", "onboarding/pair", "surprise"}) {
            assertThat(http.get("api/users/" + sam + "/" + path, "Authorization", "Bearer " + token).status())
                    .as(path).isEqualTo(403);
            assertThat(http.get("api/users/" + sam + "/" + path).status()).as(path).isEqualTo(401);
        }
        assertThat(http.get("api/users/nobody/tuning", "Authorization", server.admin()).status()).isEqualTo(404);
    }

    private JsonNode send(String method, String path, String body) {
        Http.Reply reply = http.send(method, path, body, "Authorization", server.admin());
        assertThat(reply.status()).as(method + " " + path + ": " + reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static String error(Http.Reply reply) {
        assertThat(reply.status()).isEqualTo(400);
        return reply.json().get("error").asText();
    }
}
