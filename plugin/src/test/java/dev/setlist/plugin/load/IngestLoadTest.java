package dev.setlist.plugin.load;

import dev.setlist.plugin.events.EventType;
import dev.setlist.plugin.events.PlaybackEvent;
import dev.setlist.plugin.jellyfin.WebhookPayloadParser;
import dev.setlist.plugin.server.JsonMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class IngestLoadTest {

    private final WebhookPayloadParser parser = new WebhookPayloadParser(JsonMapper.create());

    private PlaybackEvent parse(int viewer, long n) throws Exception {
        return ((WebhookPayloadParser.Accepted) parser.parse(IngestLoad.body(viewer, n), Instant.EPOCH)).event();
    }

    @Test
    void aViewerPlaysStartTwentyTicksAndAStopFinishedTwoTimesInThree() throws Exception {
        assertThat(parse(5, 0).type()).isEqualTo(EventType.PLAYBACK_START);
        for (int tick = 1; tick <= 20; tick++) {
            PlaybackEvent progress = parse(5, tick);
            assertThat(progress.type()).isEqualTo(EventType.PLAYBACK_PROGRESS);
            assertThat(progress.automated()).isTrue();
        }
        PlaybackEvent stop = parse(5, 21);
        assertThat(stop.type()).isEqualTo(EventType.PLAYBACK_STOP);
        assertThat(stop.playedToCompletion()).isTrue();
        assertThat(stop.positionTicks()).isEqualTo(stop.item().runtimeTicks());
        assertThat(parse(5, 22 * 2 + 21).playedToCompletion()).as("every third play is abandoned").isFalse();
        assertThat(parse(5, 22).itemId()).as("the next play is the next item").isNotEqualTo(stop.itemId());
    }

    @Test
    void bodiesCarryTheViewerItsItemAndAreAllDifferent() throws Exception {
        PlaybackEvent event = parse(300, 7);
        assertThat(event.userId()).isEqualTo(IngestLoad.userId(300)).isEqualTo("b0b0" + "0".repeat(25) + "12c");
        assertThat(event.userName()).isEqualTo("viewer 300");
        assertThat(event.itemId()).matches("17e0[0-9a-f]{28}");
        assertThat(event.item().seriesId()).matches("5e1e[0-9a-f]{28}");
        assertThat(event.item().genres()).isNotEmpty();
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-01T18:01:10.00003Z"));
        Set<String> bodies = new HashSet<>();
        for (int viewer = 0; viewer < 4; viewer++) {
            for (long n = 0; n < 50; n++) {
                bodies.add(new String(IngestLoad.body(viewer, n), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        assertThat(bodies).hasSize(200);
    }

    @Test
    void theSequenceNumberIsReadFromTheAnswerInEitherOrder() {
        assertThat(IngestLoad.seqOf("{\"seq\":12,\"duplicate\":false}")).isEqualTo(12);
        assertThat(IngestLoad.seqOf("{\"duplicate\":true,\"seq\":9876543210}")).isEqualTo(9_876_543_210L);
        assertThat(IngestLoad.seqOf("{\"recorded\":false}")).isEqualTo(-1);
        assertThat(IngestLoad.seqOf("{\"seq\":}")).isEqualTo(-1);
    }
}
