package dev.setlist.plugin.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.setlist.plugin.DemoServer;
import dev.setlist.plugin.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Settings page's data, who-am-I, and "Send to Jellyfin", on the real demo server. */
@ExtendWith(DemoServer.Extension.class)
class SettingsResourceTest {

    private final DemoServer server;
    private final Http http;

    SettingsResourceTest(DemoServer server) {
        this.server = server;
        this.http = server.http();
    }

    @Test
    void theAdminSeesTheWebhookToSetUpAndTheTemplateOfTheGuide() throws IOException {
        JsonNode settings = server.get("api/settings").json();
        assertThat(settings.get("webhook").get("url").asText())
                .isEqualTo(server.baseUri().resolve("webhook/jellyfin").toString());
        assertThat(settings.get("webhook").get("secret").asText()).isEqualTo(DemoServer.SECRET);
        assertThat(settings.get("webhook").get("header").asText()).isEqualTo("X-Setlist-Secret");
        assertThat(settings.get("mediaServer").get("kind").asText()).isEqualTo("demo");
        assertThat(settings.get("health").get("status").asText()).isIn("ok", "degraded");

        String guide = Files.readString(Path.of(System.getProperty("user.dir")).resolveSibling("docs").resolve("jellyfin.md"));
        int start = guide.indexOf("```handlebars\n") + "```handlebars\n".length();
        assertThat(settings.get("template").asText()).as("the page offers the template docs/jellyfin.md shows")
                .isEqualTo(guide.substring(start, guide.indexOf("```", start)));
    }

    @Test
    void aPersonMayNotReadTheSecretButLearnsWhoTheyAre() {
        String robin = server.userId("Robin");
        String token = "Bearer " + server.token(robin);
        assertThat(http.get("api/settings", "Authorization", token).status()).isEqualTo(403);
        JsonNode me = http.get("api/me", "Authorization", token).json();
        assertThat(me.get("role").asText()).isEqualTo("person");
        assertThat(me.get("userId").asText()).isEqualTo(robin);
        assertThat(server.get("api/me").json().get("role").asText()).isEqualTo("admin");
        assertThat(http.get("api/me").status()).isEqualTo(401);
    }

    @Test
    void sendsThePlaylistShownToTheMediaServer() {
        String jordan = server.userId("Jordan");
        String token = "Bearer " + server.token(jordan);
        List<String> ids = new ArrayList<>();
        server.get("api/users/" + jordan + "/playlist?length=5").json().get("items")
                .forEach(item -> ids.add(item.get("itemId").asText()));
        String body = "{\"itemIds\": [\"" + String.join("\", \"", ids) + "\"], \"name\": \"From the page\"}";
        Http.Reply sent = http.post("api/users/" + jordan + "/send", body, "Authorization", token);
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.json().get("written").asBoolean()).isTrue();
        assertThat(sent.json().get("items").asInt()).isEqualTo(5);
        assertThat(sent.json().get("serverId").asText()).isNotBlank();

        assertThat(http.post("api/users/" + jordan + "/send", "{\"itemIds\": []}", "Authorization", token).status())
                .isEqualTo(400);
        assertThat(http.post("api/users/" + jordan + "/send", "{\"itemIds\": [\"nope\"]}", "Authorization", token)
                .status()).isEqualTo(404);
        assertThat(http.post("api/users/" + jordan + "/send", "{\"itemIds\": [\"" + ids.get(0) + "\", \"" + ids.get(0)
                + "\"]}", "Authorization", token).status()).isEqualTo(400);
        assertThat(http.post("api/users/" + server.userId("Alex") + "/send", body, "Authorization", token).status())
                .as("another person's account").isEqualTo(403);
    }
}
