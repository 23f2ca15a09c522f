package dev.setlist.plugin.profile;

import dev.setlist.plugin.events.EventIngestor;
import dev.setlist.plugin.events.EventType;
import dev.setlist.plugin.events.PlaybackEvent;
import dev.setlist.plugin.events.RecordingPolicy;
import dev.setlist.plugin.library.Library;
import dev.setlist.plugin.media.MediaUser;
import dev.setlist.plugin.server.JsonMapper;
import dev.setlist.plugin.signals.InteractionLedger;
import dev.setlist.plugin.store.CatalogStore;
import dev.setlist.plugin.store.Database;
import dev.setlist.plugin.store.EventLog;
import dev.setlist.plugin.store.JdbcEventLog;
import dev.setlist.plugin.store.ProfileStore;
import dev.setlist.plugin.store.UserStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfileServiceTest {

    private static final String ACCOUNT = "0123456789abcdef0123456789abcdef";
    private static final String KID = ACCOUNT + "~kid";

    private final Database database = Database.openInMemory("profiles-" + System.nanoTime());
    private final MovingClock clock = new MovingClock(Instant.parse("2026-11-28T18:00:00Z"));
    private final UserStore users = new UserStore(database.dataSource());
    private final ProfileService profiles = new ProfileService(new ProfileStore(database.dataSource()), users, clock);
    private final JdbcEventLog log = new JdbcEventLog(database.dataSource(), JsonMapper.create(), clock);
    private final InteractionLedger live = new InteractionLedger();
    private final EventIngestor ingestor = new EventIngestor(log, users,
            new Library(new CatalogStore(database.dataSource(), JsonMapper.create())), clock, RecordingPolicy.EVERYONE, profiles);

    ProfileServiceTest() {
        users.upsert(new MediaUser(ACCOUNT, "Casey"), clock.instant());
        ingestor.addListener(live::apply);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aProfileIsAPersonOfItsOwnWithItsCeiling() {
        Profile created = profiles.create(ACCOUNT, " Kid ", "Robin", 10).orElseThrow();

        assertThat(created.personId()).isEqualTo(KID);
        assertThat(created.profile()).isEqualTo("kid");
        assertThat(profiles.create(ACCOUNT, "kid", null, null)).as("the name is taken").isEmpty();
        assertThat(profiles.person(KID)).get().isEqualTo(new Person(KID, ACCOUNT, "Casey · Robin", "kid", 10));
        assertThat(profiles.person(ACCOUNT)).get().isEqualTo(new Person(ACCOUNT, ACCOUNT, "Casey", null, null));
        assertThat(profiles.person(ACCOUNT + "~nobody")).isEmpty();
        assertThat(profiles.person("ffffffffffffffffffffffffffffffff~kid")).isEmpty();
        assertThat(profiles.profiles(ACCOUNT)).containsExactly(created);

        assertThat(profiles.delete(ACCOUNT, "kid")).isTrue();
        assertThat(profiles.delete(ACCOUNT, "kid")).isFalse();
        assertThat(profiles.person(KID)).isEmpty();
    }

    @Test
    void refusesBadProfilesNamingTheField() {
        assertThatThrownBy(() -> profiles.create(ACCOUNT, "two words", null, null)).hasMessageContaining("profile must be");
        assertThatThrownBy(() -> profiles.create(ACCOUNT, "x".repeat(25), null, null)).hasMessageContaining("profile must be");
        assertThatThrownBy(() -> profiles.create(ACCOUNT, "active", null, null)).hasMessageContaining("the API uses");
        assertThatThrownBy(() -> profiles.create(ACCOUNT, "", null, null)).hasMessageContaining("profile is missing");
        assertThatThrownBy(() -> profiles.create(ACCOUNT, "kid", null, 22)).hasMessageContaining("parentalCeiling");
        assertThatThrownBy(() -> profiles.create(ACCOUNT, "kid", "x".repeat(101), null)).hasMessageContaining("label");
        assertThatThrownBy(() -> profiles.create(KID, "other", null, null)).hasMessageContaining("is a profile");
        assertThat(profiles.profiles(ACCOUNT)).isEmpty();
    }

    @Test
    void whoIsWatchingLastsUntilItExpiresAndSurvivesARestart() {
        profiles.create(ACCOUNT, "kid", null, 10);
        assertThat(profiles.watch(ACCOUNT, "nobody", 30)).isEmpty();
        assertThatThrownBy(() -> profiles.watch(ACCOUNT, "kid", 0)).hasMessageContaining("minutes");
        assertThatThrownBy(() -> profiles.watch(ACCOUNT, "kid", 24 * 60 + 1)).hasMessageContaining("minutes");

        Watching watching = profiles.watch(ACCOUNT, "kid", 90).orElseThrow();
        assertThat(watching.until()).isEqualTo(clock.instant().plus(Duration.ofMinutes(90)));
        assertThat(profiles.current(ACCOUNT)).get().extracting(Person::id).isEqualTo(KID);
        assertThat(profiles.addressed(ACCOUNT, null)).get().extracting(Person::id).isEqualTo(KID);
        assertThat(profiles.addressed(ACCOUNT, "account")).get().extracting(Person::id).isEqualTo(ACCOUNT);
        assertThat(profiles.addressed(ACCOUNT, "KID")).get().extracting(Person::id).isEqualTo(KID);
        assertThat(profiles.addressed(ACCOUNT, "nobody")).isEmpty();
        assertThatThrownBy(() -> profiles.addressed(KID, "kid")).hasMessageContaining("already a profile");

        ProfileService restarted = new ProfileService(new ProfileStore(database.dataSource()), users, clock);
        assertThat(restarted.watching(ACCOUNT)).contains(watching);

        clock.advance(Duration.ofMinutes(90));
        assertThat(profiles.watching(ACCOUNT)).as("expired").isEmpty();
        assertThat(profiles.current(ACCOUNT)).get().extracting(Person::id).isEqualTo(ACCOUNT);
        assertThat(profiles.stopWatching(ACCOUNT)).isFalse();
    }

    @Test
    void eventsGoToWhoeverIsWatchingAndAReplayAttributesThemTheSame() throws SQLException {
        profiles.create(ACCOUNT, "kid", null, 10);
        finish("i1");
        profiles.watch(ACCOUNT, "kid", 60);
        finish("i2");
        finish("i3");
        clock.advance(Duration.ofMinutes(61));
        finish("i4");
        profiles.watch(ACCOUNT, "kid", 60);
        finish("i5");
        profiles.stopWatching(ACCOUNT);
        finish("i6");
        profiles.watch(ACCOUNT, "kid", 60);
        profiles.delete(ACCOUNT, "kid");
        finish("i7");

        assertThat(live.snapshot(ACCOUNT)).containsOnlyKeys("i1", "i4", "i6", "i7");
        assertThat(live.snapshot(KID)).containsOnlyKeys("i2", "i3", "i5");

        InteractionLedger replayed = InteractionLedger.replay(log);
        assertThat(replayed.snapshot(ACCOUNT)).isEqualTo(live.snapshot(ACCOUNT));
        assertThat(replayed.snapshot(KID)).isEqualTo(live.snapshot(KID));

        assertThat(log.forUser(ACCOUNT)).as("the account sent every event").hasSize(14);
        assertThat(log.forPerson(KID, Instant.EPOCH, EventType.PLAYBACK_STOP))
                .extracting(stored -> stored.event().itemId()).containsExactly("i2", "i3", "i5");
        assertThat(log.forPerson(ACCOUNT, Instant.EPOCH, EventType.PLAYBACK_STOP))
                .extracting(stored -> stored.event().itemId()).containsExactly("i1", "i4", "i6", "i7");
        assertThat(log.forPerson(ACCOUNT, clock.instant(), EventType.PLAYBACK_STOP)).as("at or after").hasSize(3);
        assertThat(log.forPerson(ACCOUNT, clock.instant().plusMillis(1), EventType.PLAYBACK_STOP)).isEmpty();

        List<String> stored = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT user_id, person_id, event_json FROM event_log "
                     + "WHERE event_type = 'PLAYBACK_STOP' ORDER BY seq")) {
            while (rows.next()) {
                assertThat(rows.getString(1)).as("the log keeps the account").isEqualTo(ACCOUNT);
                assertThat(rows.getString(3)).as("and the event as delivered").contains(ACCOUNT).doesNotContain("~");
                stored.add(rows.getString(2));
            }
        }
        assertThat(stored).containsExactly(null, KID, KID, null, KID, null, null);
    }

    @Test
    void deletingAProfilesEventsLeavesTheAccountsAndDeletingTheAccountsTakesAll() {
        profiles.create(ACCOUNT, "kid", null, null);
        finish("mine");
        profiles.watch(ACCOUNT, "kid", 60);
        finish("theirs");

        assertThat(log.deleteUser(KID)).isEqualTo(2);
        assertThat(log.forUser(ACCOUNT)).extracting(stored -> stored.event().itemId()).containsOnly("mine");
        finish("again");
        assertThat(log.deleteUser(ACCOUNT)).isEqualTo(4);
        assertThat(log.count()).isZero();
        assertThat(profiles.forgetAccount(ACCOUNT)).containsExactly(KID);
        assertThat(profiles.profiles(ACCOUNT)).isEmpty();
        assertThat(profiles.watching(ACCOUNT)).isEmpty();
    }

    @Test
    void aRedeliveryKeepsTheFirstAttribution() {
        profiles.create(ACCOUNT, "kid", null, null);
        profiles.watch(ACCOUNT, "kid", 60);
        PlaybackEvent event = stop("i1", clock.instant());
        EventLog.Appended first = ingestor.ingest(event, "webhook", "k1", null);
        profiles.stopWatching(ACCOUNT);
        EventLog.Appended again = ingestor.ingest(event, "webhook", "k1", null);

        assertThat(again).isEqualTo(new EventLog.Appended(first.seq(), true));
        assertThat(InteractionLedger.replay(log).snapshot(KID)).containsOnlyKeys("i1");
        assertThat(InteractionLedger.replay(log).snapshot(ACCOUNT)).isEmpty();
    }

    /** A finished play of {@code item} now: a start and a stop, through the ingestor like a webhook. */
    private void finish(String item) {
        Instant now = clock.instant();
        PlaybackEvent start = new PlaybackEvent(EventType.PLAYBACK_START, now, ACCOUNT, "Casey", item, facts(), 0L,
                false, false, null, "s-" + item, "TV", "Web", null);
        ingestor.ingest(start, "webhook", "start-" + item + now, null);
        ingestor.ingest(stop(item, now), "webhook", "stop-" + item + now, null);
    }

    private static PlaybackEvent stop(String item, Instant at) {
        return new PlaybackEvent(EventType.PLAYBACK_STOP, at, ACCOUNT, "Casey", item, facts(), 60_000_000_000L, false,
                false, true, "s-" + item, "TV", "Web", null);
    }

    private static PlaybackEvent.ItemFacts facts() {
        return new PlaybackEvent.ItemFacts("Film", "Movie", 60_000_000_000L, 2001, List.of("Drama"), null, null, null,
                null, null, null);
    }

    /** A clock that stands still until told to move. */
    private static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the test clock stays in UTC");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
