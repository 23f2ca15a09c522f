package dev.setlist.plugin.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.setlist.plugin.DemoServer;
import dev.setlist.plugin.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Profiles inside Sam's account, through the real demo server: who is watching decides whose taste learns. */
@ExtendWith(DemoServer.Extension.class)
class ProfilesResourceTest {

    private static final Set<String> CHILD_RATINGS = Set.of("G", "PG", "TV-Y", "TV-Y7", "TV-G", "TV-PG");

    @Test
    void aProfileWatchingTakesTheAccountsEventsAndServesItsOwnPlaylist(DemoServer server) {
        Http http = server.http();
        String sam = server.userId("Sam");
        String kid = sam + "~kid";
        String token = server.token(sam);
        String auth = "Bearer " + token;
        String profiles = "api/users/" + sam + "/profiles";

        Http.Reply created = http.post(profiles, "{\"profile\": \"kid\", \"label\": \"Nephew\", \"parentalCeiling\": 10}",
                "Authorization", auth);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("personId").asText()).isEqualTo(kid);
        assertThat(http.post(profiles, "{\"profile\": \"kid\"}", "Authorization", auth).status()).isEqualTo(409);
        assertThat(server.get(profiles).json().get("profiles").get(0).get("parentalCeiling").asInt()).isEqualTo(10);
        assertThat(server.get(profiles + "/active").status()).as("nobody in particular yet").isEqualTo(404);

        int accountBasedOn = server.get("api/users/" + sam + "/playlist?length=5&media=video").json().get("basedOn").asInt();
        Http.Reply watching = http.send("PUT", profiles + "/active", "{\"profile\": \"kid\", \"minutes\": 120}", "Authorization", auth);
        assertThat(watching.status()).as(watching.body()).isEqualTo(200);
        assertThat(Duration.between(Instant.now(), Instant.parse(watching.json().get("until").asText())).toMinutes())
                .isCloseTo(120, within(2L));

        JsonNode kidsPlaylist = server.http().get("api/users/" + sam + "/playlist?length=10&media=video", "Authorization", "Bearer " + token).json();
        assertThat(kidsPlaylist.get("userId").asText()).as("the account's playlist is the one watching").isEqualTo(kid);
        assertThat(kidsPlaylist.get("userName").asText()).isEqualTo("Sam · Nephew");
        assertThat(kidsPlaylist.get("mode").get("name").asText()).isEqualTo("kids");
        assertThat(kidsPlaylist.get("basedOn").asInt()).as("a new profile knows nothing yet").isZero();
        kidsPlaylist.get("items").forEach(item -> assertThat(item.get("parentalRating").asText())
                .as(item.get("title").asText()).isIn(CHILD_RATINGS));
        assertThat(server.http().get("api/users/" + sam + "/playlist?length=3&profile=account", "Authorization", "Bearer " + token).json()
                .get("userId").asText()).isEqualTo(sam);

        String film = kidsPlaylist.get("items").get(0).get("itemId").asText();
        Http.Reply accepted = http.post("webhook/jellyfin", finished(sam, film, "Sam"), "Content-Type", "application/json",
                "X-Setlist-Secret", DemoServer.SECRET);
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(server.http().get("api/users/" + kid + "/playlist?length=5&media=video", "Authorization", "Bearer " + token).json().get("basedOn").asInt())
                .as("the kid's taste learned from the account's event").isEqualTo(1);
        assertThat(server.get("api/users/" + sam + "/playlist?length=5&media=video&profile=account").json()
                .get("basedOn").asInt()).as("Sam's did not").isEqualTo(accountBasedOn);
        assertThat(http.send("PUT", "api/users/" + kid + "/mode", "{\"mode\": \"focus\"}", "Authorization", auth)
                .status()).isEqualTo(200);
        assertThat(server.get("api/users/" + kid + "/mode").json().get("mode").asText()).isEqualTo("focus");
        assertThat(server.get("api/users/" + sam + "/mode").json().get("chosen").asBoolean())
                .as("the account's own mode is untouched").isFalse();
        JsonNode focused = http.get("api/users/" + sam + "/playlist?length=5&media=video", "Authorization", auth).json();
        assertThat(focused.get("mode").get("name").asText()).isEqualTo("focus");
        focused.get("items").forEach(item -> assertThat(item.get("parentalRating").asText())
                .as("the ceiling holds in any mode").isIn(CHILD_RATINGS));
        assertThat(http.send("DELETE", "api/users/" + kid + "/mode", null, "Authorization", auth).status()).isEqualTo(204);
        assertThat(server.get("api/users/" + kid + "~x/tuning").status()).isEqualTo(404);
        String second = kidsPlaylist.get("items").get(1).get("itemId").asText();
        JsonNode liked = http.post("api/users/" + sam + "/feedback", "{\"itemId\": \"" + second
                + "\", \"feedback\": \"liked\"}", "Authorization", auth).json();
        assertThat(liked.get("offered").asBoolean()).as("it answers the playlist the kid was offered").isTrue();
        assertThat(server.get("api/users/" + kid + "/playlist?length=5&media=video").json().get("basedOn").asInt())
                .as("the kid's taste learned the like").isEqualTo(2);

        assertThat(http.delete(profiles + "/active", "Authorization", auth).status()).isEqualTo(204);
        assertThat(server.get("api/users/" + sam + "/playlist?length=3").json().get("userId").asText()).isEqualTo(sam);
        String third = kidsPlaylist.get("items").get(2).get("itemId").asText();
        assertThat(http.post("api/users/" + kid + "/feedback", "{\"itemId\": \"" + third
                + "\", \"feedback\": \"played\"}", "Authorization", auth).status()).isEqualTo(200);
        assertThat(server.get("api/users/" + kid + "/playlist?length=5&media=video").json().get("basedOn").asInt())
                .as("feedback naming the kid is the kid's, whoever is watching").isEqualTo(3);
        assertThat(server.get("api/users/" + sam + "/playlist?length=5&media=video").json().get("basedOn").asInt())
                .isEqualTo(accountBasedOn);
        assertThat(http.delete(profiles + "/kid", "Authorization", auth).status()).isEqualTo(204);
        assertThat(http.delete(profiles + "/kid", "Authorization", auth).status()).isEqualTo(404);
        Http.Reply gone = server.get("api/users/" + kid + "/playlist");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().get("error").asText()).contains("no such profile");
    }

    @Test
    void deletingAnAccountsDataDeletesItsProfilesAsPeople(DemoServer server) {
        Http http = server.http();
        String account = "9f8e7d6c5b4a39281706f5e4d3c2b1a0";
        String film = server.get("api/users/" + server.userId("Robin") + "/playlist?length=1&media=video").json()
                .get("items").get(0).get("itemId").asText();
        assertThat(http.post("webhook/jellyfin", finished(account, film, "Quentin"), "X-Setlist-Secret",
                DemoServer.SECRET).status()).isEqualTo(200);
        String profiles = "api/users/" + account + "/profiles";
        assertThat(http.post(profiles, "{\"profile\": \"guest\"}", "Authorization", server.admin()).status()).isEqualTo(201);
        http.send("PUT", profiles + "/active", "{\"profile\": \"guest\"}", "Authorization", server.admin());
        assertThat(http.post("webhook/jellyfin", finished(account, film, "Quentin"), "X-Setlist-Secret",
                DemoServer.SECRET).status()).isEqualTo(200);
        assertThat(server.get("api/users/" + account + "~guest/insights/genres?days=1").json().get("days").get(0)
                .get("plays").asInt()).isEqualTo(1);

        JsonNode deleted = http.send("DELETE", "api/privacy/" + account, null, "Authorization", server.admin()).json();
        assertThat(deleted.get("events").asLong()).as("the account's own event and its guest's").isEqualTo(2);
        assertThat(server.get(profiles).status()).as("the account is gone").isEqualTo(404);
        assertThat(server.get("api/users/" + account + "~guest/playlist").status()).isEqualTo(404);
    }

    @Test
    void refusesBadProfilesOtherPeopleAndProfilesOfProfiles(DemoServer server) {
        Http http = server.http();
        String jordan = server.userId("Jordan");
        String admin = "Bearer " + DemoServer.ADMIN;
        String profiles = "api/users/" + jordan + "/profiles";

        assertError(http.post(profiles, "{\"profile\": \"two words\"}", "Authorization", admin), 400, "profile must be");
        assertError(http.post(profiles, "{\"profile\": \"active\"}", "Authorization", admin), 400, "the API uses");
        assertError(http.post(profiles, "{\"profile\": \"teen\", \"parentalCeiling\": 99}", "Authorization", admin), 400,
                "parentalCeiling");
        assertError(http.post(profiles, "{\"profile\": \"teen\", \"age\": 15}", "Authorization", admin), 400, "age");
        assertError(http.post(profiles, "{\"profile\":", "Authorization", admin), 400, "body");
        assertError(http.post(profiles, "{}", "Authorization", admin), 400, "profile is missing");
        assertError(http.send("PUT", profiles + "/active", "{\"profile\": \"nobody\"}", "Authorization", admin), 404, "no profile");
        assertError(http.send("PUT", profiles + "/active", "{\"profile\": \"teen\", \"minutes\": 0}", "Authorization", admin), 400,
                "minutes");
        assertError(http.get("api/users/nobody/profiles", "Authorization", admin), 404, "no user");
        assertError(http.get("api/users/" + jordan + "~teen/profiles", "Authorization", admin), 400, "is a profile");
        assertError(http.get("api/users/" + jordan + "/playlist?profile=Two%20Words", "Authorization", admin), 400, "profile");
        assertError(http.delete(profiles + "/teen", "Authorization", admin), 404, "no profile");

        String samToken = server.token(server.userId("Sam"));
        assertError(http.get(profiles, "Authorization", "Bearer " + samToken), 403, "another person");
        assertError(http.get("api/users/" + jordan + "~teen/playlist", "Authorization", "Bearer " + samToken), 403,
                "another person");
        assertThat(http.get(profiles).status()).isEqualTo(401);
        assertThat(server.get(profiles).json().get("profiles")).isEmpty();
    }

    private static void assertError(Http.Reply reply, int status, String says) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.json().get("error").asText()).contains(says);
    }

    private static String finished(String userId, String itemId, String name) {
        return """
                {"NotificationType": "PlaybackStop", "UtcTimestamp": "%s",
                 "UserId": "%s", "NotificationUsername": "%s", "ItemId": "%s", "ItemType": "Movie",
                 "Name": "whatever", "RunTimeTicks": 60000000000, "PlaybackPositionTicks": 60000000000,
                 "IsPaused": false, "IsAutomated": false, "PlayedToCompletion": true,
                 "DeviceName": "Den TV", "ClientName": "Jellyfin Web"}
                """.formatted(Instant.now(), userId, name, itemId);
    }
}
