package dev.setlist.plugin.store;

import dev.setlist.plugin.events.DeliveryKey;
import dev.setlist.plugin.events.EventType;
import dev.setlist.plugin.events.PlaybackEvent;
import dev.setlist.plugin.server.JsonMapper;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
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

    /** A webhook body as the plugin sends it, with its own time. */
    private static String body(String user, String item, Instant at) {
        return "{\"NotificationType\":\"PlaybackStart\",\"UtcTimestamp\":\"" + at + "\",\"UserId\":\"" + user
                + "\",\"ItemId\":\"" + item + "\"}";
    }

    private static EventLog.Delivery webhook(String user, String item, Instant at) {
        String body = body(user, item, at);
        return new EventLog.Delivery(start(user, item), "webhook",
                DeliveryKey.of(at, body.getBytes(StandardCharsets.UTF_8)), body);
    }

    @ParameterizedTest
    @MethodSource("dev.setlist.plugin.store.TestDatabase#engines")
    void aLateReDeliveryIsRecognisedHoweverManyNewerEventsCameBetween(String engine) {
        try (TestDatabase test = TestDatabase.open(engine, folder)) {
            EventLog log = new JdbcEventLog(test.database().dataSource(), JsonMapper.create(), Clock.systemUTC());
            Instant first = Instant.parse("2026-11-01T18:00:00.1234567Z");
            EventLog.Delivery old = webhook("u0", "i0", first);
            long oldSeq = log.appendAll(List.of(old)).get(0).seq();
            // Enough newer events, at later times, that the old key's leaf of the index is long behind the end.
            for (int batch = 0; batch < 60; batch++) {
                List<EventLog.Delivery> newer = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    int n = batch * 50 + i + 1;
                    newer.add(webhook("u" + n % 7, "i" + n, first.plusSeconds(n)));
                }
                assertThat(log.appendAll(newer)).noneMatch(EventLog.Appended::duplicate);
            }

            EventLog.Delivery fresh = webhook("u9", "i9", first.plusSeconds(10_000));
            List<EventLog.Appended> results = log.appendAll(List.of(fresh, old, webhook("u" + 1500 % 7, "i1500", first.plusSeconds(1500))));

            assertThat(results.get(0).duplicate()).isFalse();
            assertThat(results.get(1)).isEqualTo(new EventLog.Appended(oldSeq, true));
            assertThat(results.get(2).duplicate()).isTrue();
            assertThat(log.append(old.event(), "webhook", old.deliveryKey(), old.rawBody()))
                    .isEqualTo(new EventLog.Appended(oldSeq, true));
            assertThat(log.find(old.deliveryKey())).hasValue(oldSeq);
            assertThat(log.count()).isEqualTo(1 + 3000 + 1);
        }
    }

    @Test
    void aDatabaseFromBeforeDatedKeysUpgradesAndStillRecognisesTheEventsItHolds() throws Exception {
        // The schema as it was before V65, with events stored under bare digests (webhook and import).
        String url = "jdbc:h2:file:" + folder.toAbsolutePath().resolve("setlist") + ";WRITE_DELAY=0";
        Flyway.configure().dataSource(url, "setlist", "").locations("classpath:db/migration").target("62").load().migrate();
        Instant at = Instant.parse("2026-10-01T20:00:00.9999999Z");
        String oldBody = body("u1", "i1", at);
        String oldWebhookKey = DeliveryKey.of(oldBody);
        String oldImportKey = DeliveryKey.of("import:u2:i2");
        try (Connection connection = DriverManager.getConnection(url, "setlist", "");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO event_log (received_at, occurred_at, "
                     + "source, delivery_key, event_type, user_id, item_id, event_json, raw_body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (String[] row : List.of(new String[]{"webhook", oldWebhookKey, "u1", "i1", oldBody},
                    new String[]{"import", oldImportKey, "u2", "i2", null})) {
                insert.setTimestamp(1, Timestamp.from(at));
                insert.setTimestamp(2, Timestamp.from(at));
                insert.setString(3, row[0]);
                insert.setString(4, row[1]);
                insert.setString(5, EventType.PLAYBACK_START.name());
                insert.setString(6, row[2]);
                insert.setString(7, row[3]);
                insert.setString(8, JsonMapper.create().writeValueAsString(start(row[2], row[3])));
                insert.setString(9, row[4]);
                insert.executeUpdate();
            }
        }

        try (Database upgraded = Database.openH2(folder)) {
            EventLog log = new JdbcEventLog(upgraded.dataSource(), JsonMapper.create(), Clock.systemUTC());
            long webhookSeq = log.find(oldWebhookKey).orElseThrow();
            long importSeq = log.find(oldImportKey).orElseThrow();
            assertThat(new SettingStore(upgraded.dataSource()).get("event_log.dated_keys_from_seq"))
                    .hasValue(String.valueOf(importSeq + 1));

            // The same body delivered again now gets a dated key; the log still finds it under the old one.
            EventLog.Delivery again = webhook("u1", "i1", at);
            assertThat(again.deliveryKey()).isNotEqualTo(oldWebhookKey).endsWith(oldWebhookKey);
            assertThat(log.find(again.deliveryKey())).hasValue(webhookSeq);
            EventLog.Delivery newer = webhook("u1", "i2", at.plusSeconds(60));
            List<EventLog.Appended> results = log.appendAll(List.of(newer, again,
                    new EventLog.Delivery(start("u2", "i2"), "import", oldImportKey, null)));
            assertThat(results.get(0).duplicate()).isFalse();
            assertThat(results.get(1)).isEqualTo(new EventLog.Appended(webhookSeq, true));
            assertThat(results.get(2)).isEqualTo(new EventLog.Appended(importSeq, true));
            assertThat(log.append(again.event(), "webhook", again.deliveryKey(), again.rawBody()))
                    .isEqualTo(new EventLog.Appended(webhookSeq, true));
            assertThat(log.count()).isEqualTo(3);
            assertThat(log.find(newer.deliveryKey())).hasValue(results.get(0).seq());
        }
        try (Connection connection = DriverManager.getConnection(url, "setlist", "");
             ResultSet keys = connection.createStatement().executeQuery("SELECT delivery_key FROM event_log ORDER BY seq")) {
            List<String> stored = new ArrayList<>();
            while (keys.next()) {
                stored.add(keys.getString(1));
            }
            assertThat(stored).as("old keys as they were, the new one dated")
                    .containsExactly(oldWebhookKey, oldImportKey, webhook("u1", "i2", at.plusSeconds(60)).deliveryKey());
        }
    }

    @Test
    void aNewDatabaseHasNoKeysFromBeforeDatedKeys() {
        try (Database database = Database.openH2(folder)) {
            assertThat(new SettingStore(database.dataSource()).get("event_log.dated_keys_from_seq")).isEmpty();
        }
    }
}
