package dev.setlist.plugin.jellyfin;

import dev.setlist.plugin.events.EventType;
import dev.setlist.plugin.events.PlaybackEvent;
import dev.setlist.plugin.server.JsonMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class WebhookPayloadParserTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-28T00:00:00Z");
    private final WebhookPayloadParser parser = new WebhookPayloadParser(JsonMapper.create());

    private PlaybackEvent accept(byte[] body) throws MalformedEventException {
        WebhookPayloadParser.Result result = parser.parse(body, RECEIVED);
        assertThat(result).isInstanceOf(WebhookPayloadParser.Accepted.class);
        return ((WebhookPayloadParser.Accepted) result).event();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = WebhookPayloadParserTest.class.getResourceAsStream("/webhook/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void readsSendAllPropertiesWithTypedValues() throws Exception {
        PlaybackEvent event = accept(resource("sendall-stop.json"));

        assertThat(event.type()).isEqualTo(EventType.PLAYBACK_STOP);
        assertThat(event.userId()).isEqualTo("aabbccddeeff00112233445566778899");
        assertThat(event.userName()).isEqualTo("casey");
        assertThat(event.itemId()).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-27T19:10:00Z"));
        assertThat(event.playedToCompletion()).isTrue();
        assertThat(event.item().name()).isEqualTo("A \"Quoted\" Film");
        assertThat(event.item().genres()).containsExactly("Drama", "Science Fiction");
        assertThat(event.item().runtimeTicks()).isEqualTo(72_000_000_000L);
        assertThat(event.sessionId()).isEqualTo("fedcba9876543210fedcba9876543210");
        assertThat(event.clientName()).isEqualTo("Jellyfin Web");
    }

    @Test
    void readsTheTemplateModeWhereEverythingIsAString() throws Exception {
        PlaybackEvent event = accept(resource("template-progress.txt"));

        assertThat(event.type()).isEqualTo(EventType.PLAYBACK_PROGRESS);
        assertThat(event.userId()).isEqualTo("aabbccddeeff00112233445566778899");
        assertThat(event.itemId()).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(event.paused()).isTrue();
        assertThat(event.automated()).isFalse();
        assertThat(event.positionTicks()).isEqualTo(36_000_000_000L);
        assertThat(event.item().year()).isEqualTo(1999);
        assertThat(event.item().seriesId()).isNull();
        assertThat(event.item().seasonNumber()).isNull();
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-27T19:05:00.5Z"));
    }

    @Test
    void readsUserDataAndLibraryEvents() throws Exception {
        PlaybackEvent saved = accept(resource("sendall-userdata.json"));
        assertThat(saved.userData()).isEqualTo(new PlaybackEvent.UserDataFacts("UpdateUserRating", true, true, 10.0, true, 3));

        PlaybackEvent added = accept(resource("sendall-item-added.json"));
        assertThat(added.type()).isEqualTo(EventType.ITEM_ADDED);
        assertThat(added.userId()).isNull();
        assertThat(added.item().runtimeTicks()).as("Jellyfin sends 0 for an unknown runtime").isNull();
        assertThat(added.item().episodeNumber()).isEqualTo(2);
    }

    @Test
    void ignoresNotificationTypesItDoesNotRecord() throws Exception {
        byte[] body = "{\"NotificationType\":\"AuthenticationSuccess\",\"UserId\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(parser.parse(body, RECEIVED)).isEqualTo(new WebhookPayloadParser.Ignored("AuthenticationSuccess"));
    }

    @Test
    void usesTheReceiveTimeWhenTheBodyHasNone() throws Exception {
        byte[] body = ("{\"NotificationType\":\"ItemDeleted\",\"ItemId\":\"0123456789abcdef0123456789abcdef\"}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(accept(body).occurredAt()).isEqualTo(RECEIVED);
    }

    @Test
    void refusesBrokenBodiesWithTheReason() {
        assertRefused("{\"NotificationType\":", "not valid JSON");
        assertRefused("", "empty");
        assertRefused("[1, 2]", "must be a JSON object");
        assertRefused("{\"UserId\":\"aabbccddeeff00112233445566778899\"}", "NotificationType is missing");
        assertRefused("{\"NotificationType\":\"PlaybackStart\",\"UserId\":\"aabbccddeeff00112233445566778899\"}",
                "ItemId is missing");
        assertRefused("{\"NotificationType\":\"PlaybackStart\",\"ItemId\":\"0123456789abcdef0123456789abcdef\"}",
                "UserId is missing");
        assertRefused("{\"NotificationType\":\"PlaybackStart\",\"ItemId\":\"not-a-guid\",\"UserId\":\"aabbccddeeff00112233445566778899\"}",
                "ItemId is not a GUID");
        assertRefused("{\"NotificationType\":\"PlaybackProgress\",\"ItemId\":\"0123456789abcdef0123456789abcdef\","
                + "\"UserId\":\"aabbccddeeff00112233445566778899\",\"IsPaused\":\"Maybe\"}", "IsPaused must be true or false");
        assertRefused("{\"NotificationType\":\"PlaybackProgress\",\"ItemId\":\"0123456789abcdef0123456789abcdef\","
                + "\"UserId\":\"aabbccddeeff00112233445566778899\",\"PlaybackPositionTicks\":\"12x\"}",
                "PlaybackPositionTicks must be a whole number");
        assertRefused("{\"NotificationType\":\"PlaybackStart\",\"ItemId\":\"0123456789abcdef0123456789abcdef\","
                + "\"UserId\":\"aabbccddeeff00112233445566778899\",\"UtcTimestamp\":\"yesterday\"}", "UtcTimestamp is not an ISO-8601 time");
        assertRefused("{\"NotificationType\":\"ItemAdded\",\"ItemId\":\"0123456789abcdef0123456789abcdef\"} trailing",
                "not valid JSON");
    }

    private void assertRefused(String body, String reason) {
        assertThatThrownBy(() -> parser.parse(body.getBytes(StandardCharsets.UTF_8), RECEIVED))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void acceptsEverySampleOfTheSharedContractWhenPresent() throws Exception {
        Path samples = Path.of(System.getProperty("setlist.shared", "../../shared"), "jellyfin", "samples");
        assumeTrue(Files.isDirectory(samples), "shared Jellyfin samples not present: " + samples);
        List<Path> bodies;
        try (Stream<Path> files = Files.list(samples)) {
            bodies = files.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".txt")).sorted().toList();
        }
        assertThat(bodies).isNotEmpty();
        for (Path body : bodies) {
            PlaybackEvent event = accept(Files.readAllBytes(body));
            assertThat(event.itemId()).as(body.toString()).matches("[0-9a-f]{32}");
        }
    }
}
