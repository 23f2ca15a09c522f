package dev.setlist.rules.model;

import dev.setlist.scorer.catalog.ItemProfile;
import dev.setlist.scorer.catalog.ItemProfile.ItemKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SessionSoFarTest {

    private static ItemProfile episode(String id, String series, String... genres) {
        return new ItemProfile(id, ItemKind.EPISODE, id, List.of(genres), List.of(), List.of(), null, null, 1200,
                series, "Series " + series, 1, 1, null, null, null, Instant.EPOCH);
    }

    @Test
    void summarisesTheTrailingRuns() {
        SessionSoFar session = SessionSoFar.of(List.of(episode("1", "B", "Drama"), episode("2", "A", "Comedy"),
                episode("3", "A", "Comedy", "Drama"), episode("4", "A", "comedy")));

        assertThat(session.seriesId()).isEqualTo("A");
        assertThat(session.seriesRun()).isEqualTo(3);
        assertThat(session.genre()).isEqualTo("comedy");
        assertThat(session.genreRun()).isEqualTo(3);
        assertThat(session.minutes()).isEqualTo(80);
        assertThat(session.played()).isEqualTo(4);
        assertThat(session.lastKind()).isEqualTo(ItemKind.EPISODE);
    }

    @Test
    void anEmptySessionHasNoRuns() {
        assertThat(SessionSoFar.of(List.of())).isEqualTo(SessionSoFar.EMPTY);
        assertThat(SessionSoFar.EMPTY.seriesRun()).isZero();
    }
}
