package dev.setlist.plugin.store;

import dev.setlist.plugin.events.EventType;
import dev.setlist.plugin.events.PlaybackEvent;
import dev.setlist.plugin.server.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcEventLogTest {

    @TempDir
    Path folder;

    private static PlaybackEvent start(String user, String item) {
        return new PlaybackEvent(EventType.PLAYBACK_START, Instant.parse("2026-11-28T20:00:00.123Z"), user, "Casey", item,
                new PlaybackEvent.ItemFacts("Film", "Movie", 100L, 2001, List.of("Drama"), null, null, null, null, null, null),
                0L, false, false, null, "s1", "TV", "Web", null);
    }

    @Test
    void appendsInOrderRecognisesRedeliveriesAndSurvivesReopening() {
        PlaybackEvent first = start("u1", "i1");
        PlaybackEvent second = start("u2", "i2");
        try (Database database = Database.openH2(folder)) {
            EventLog log = new JdbcEventLog(database.dataSource(), JsonMapper.create(), Clock.systemUTC());
            EventLog.Appended a = log.append(first, "webhook", "k1", "{raw}");
            EventLog.Appended b = log.append(second, "webhook", "k2", null);
            EventLog.Appended again = log.append(first, "webhook", "k1", "{raw}");

            assertThat(b.seq()).isGreaterThan(a.seq());
            assertThat(again).isEqualTo(new EventLog.Appended(a.seq(), true));
            assertThat(log.count()).isEqualTo(2);
        }
        try (Database reopened = Database.openH2(folder)) {
            EventLog log = new JdbcEventLog(reopened.dataSource(), JsonMapper.create(), Clock.systemUTC());
            List<PlaybackEvent> replayed = new ArrayList<>();
            log.replay(0, stored -> replayed.add(stored.event()));
            assertThat(replayed).containsExactly(first, second);
            assertThat(log.forUser("u2")).extracting(EventLog.StoredEvent::event).containsExactly(second);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.setlist.plugin.store.TestDatabase#engines")
    void appendsABatchInOneGoAndReportsWhatWasThereAlready(String engine) {
        try (TestDatabase test = TestDatabase.open(engine, folder)) {
            EventLog log = new JdbcEventLog(test.database().dataSource(), JsonMapper.create(), Clock.systemUTC());
            EventLog.Appended stored = log.append(start("u1", "i1"), "webhook", "k1", null);

            List<EventLog.Appended> results = log.appendAll(List.of(
                    new EventLog.Delivery(start("u2", "i2"), "import", "k2", null),
                    new EventLog.Delivery(start("u1", "i1"), "import", "k1", null),
                    new EventLog.Delivery(start("u3", "i3"), "import", "k3", null),
                    new EventLog.Delivery(start("u2", "i2"), "import", "k2", null)));

            assertThat(results).extracting(EventLog.Appended::duplicate).containsExactly(false, true, false, true);
            assertThat(results.get(1).seq()).isEqualTo(stored.seq());
            assertThat(results.get(3).seq()).isEqualTo(results.get(0).seq());
            assertThat(results.get(2).seq()).isGreaterThan(results.get(0).seq());
            assertThat(log.count()).isEqualTo(3);
            List<String> users = new ArrayList<>();
            log.replay(0, event -> users.add(event.event().userId()));
            assertThat(users).containsExactly("u1", "u2", "u3");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.setlist.plugin.store.TestDatabase#engines")
    void aBatchLargerThanOneLookupFindsWhatWasStoredInEveryPartOfIt(String engine) {
        try (TestDatabase test = TestDatabase.open(engine, folder)) {
            EventLog log = new JdbcEventLog(test.database().dataSource(), JsonMapper.create(), Clock.systemUTC());
            // Stored before, at the start, the middle and the end of a batch the lookup splits into three queries.
            List<Integer> storedAt = List.of(0, 63, 64, 70, 149);
            List<Long> storedSeqs = new ArrayList<>();
            for (int at : storedAt) {
                storedSeqs.add(log.append(start("u" + at, "i" + at), "webhook", "key-" + at, null).seq());
            }
            List<EventLog.Delivery> batch = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                batch.add(new EventLog.Delivery(start("u" + i, "i" + i), "import", "key-" + i, null));
            }
            batch.add(new EventLog.Delivery(start("u5", "i5"), "import", "key-5", null));

            List<EventLog.Appended> results = log.appendAll(batch);

            for (int i = 0; i < 150; i++) {
                int index = storedAt.indexOf(i);
                assertThat(results.get(i).duplicate()).as("delivery %d", i).isEqualTo(index >= 0);
                if (index >= 0) {
                    assertThat(results.get(i).seq()).isEqualTo(storedSeqs.get(index));
                }
            }
            assertThat(results.get(150)).isEqualTo(new EventLog.Appended(results.get(5).seq(), true));
            assertThat(log.count()).isEqualTo(150);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.setlist.plugin.store.TestDatabase#engines")
    void behavesAlikeOnEveryEngine(String engine) {
        try (TestDatabase test = TestDatabase.open(engine, folder)) {
            EventLog log = new JdbcEventLog(test.database().dataSource(), JsonMapper.create(), Clock.systemUTC());
            PlaybackEvent muted = new PlaybackEvent(EventType.PLAYBACK_PROGRESS, Instant.parse("2026-11-28T20:00:01Z"),
                    "u1", null, "i1", start("u1", "i1").item(), 10_000_000L, false, true, null, "s1", "TV", "Web",
                    null, true);
            EventLog.Appended a = log.append(start("u1", "i1"), "webhook", "a".repeat(64), "{}");
            EventLog.Appended b = log.append(muted, "websocket", "b".repeat(64), null);
            log.append(start("u2", "i2"), "webhook", "c".repeat(64), null);
            assertThat(log.append(start("u1", "i1"), "webhook", "a".repeat(64), "{}"))
                    .isEqualTo(new EventLog.Appended(a.seq(), true));
            assertThat(b.seq()).isGreaterThan(a.seq());

            List<EventLog.StoredEvent> replayed = new ArrayList<>();
            log.replay(a.seq(), replayed::add);
            assertThat(replayed).extracting(EventLog.StoredEvent::event).first().isEqualTo(muted);
            assertThat(replayed.get(0).source()).isEqualTo("websocket");

            assertThat(log.deleteUser("u1")).isEqualTo(2);
            assertThat(log.forUser("u1")).isEmpty();
            assertThat(log.count()).isEqualTo(1);
        }
    }
}
