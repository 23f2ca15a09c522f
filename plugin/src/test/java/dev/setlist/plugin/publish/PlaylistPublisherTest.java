package dev.setlist.plugin.publish;

import dev.setlist.plugin.jellyfin.FakeJellyfin;
import dev.setlist.plugin.jellyfin.JellyfinClient;
import dev.setlist.plugin.jellyfin.JellyfinServer;
import dev.setlist.plugin.media.MediaServer;
import dev.setlist.plugin.media.MediaServerException;
import dev.setlist.plugin.media.MediaUser;
import dev.setlist.plugin.server.JsonMapper;
import dev.setlist.plugin.store.Database;
import dev.setlist.plugin.store.PlaylistOutbox;
import dev.setlist.plugin.store.PlaylistStore;
import dev.setlist.plugin.store.SettingStore;
import dev.setlist.plugin.store.UserStore;
import dev.setlist.scorer.catalog.ItemProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlaylistPublisherTest {

    private static final MediaUser ALEX = new MediaUser("u1", "Alex");

    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-11-28T08:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** A media server that is down until told otherwise, and remembers what it was given. */
    private static final class SometimesDown implements MediaServer {
        boolean down = true;
        final List<List<String>> written = new ArrayList<>();

        @Override
        public String describe() {
            return "test";
        }

        @Override
        public List<MediaUser> users() {
            return List.of(ALEX);
        }

        @Override
        public List<ItemProfile> catalog() {
            return List.of();
        }

        @Override
        public String writePlaylist(MediaUser user, String name, List<String> itemIds) {
            if (down) {
                throw new MediaServerException("Jellyfin at test is unreachable: connection refused", 0, null);
            }
            written.add(List.copyOf(itemIds));
            return "p1";
        }
    }

    private final TestClock clock = new TestClock();
    private final Database database = Database.openInMemory("publisher-" + System.nanoTime());
    private final PlaylistOutbox outbox = new PlaylistOutbox(database.dataSource(), JsonMapper.create());
    private final UserStore users = new UserStore(database.dataSource());
    private final SometimesDown server = new SometimesDown();
    private final PlaylistPublisher publisher = new PlaylistPublisher(server, outbox, users, clock,
            Duration.ofSeconds(10), Duration.ofMinutes(30));

    @AfterEach
    void close() {
        publisher.close();
        database.close();
    }

    @Test
    void keepsAFailedWriteAndRetriesItWithAGrowingDelay() {
        users.upsert(ALEX, clock.now);
        publisher.queue(ALEX.id(), "For you", List.of("a", "b"));
        assertThat(publisher.drain()).singleElement().satisfies(result -> assertThat(result.error()).contains("unreachable"));
        assertThat(publisher.problems()).singleElement().asString().contains("1 playlist write(s) waiting")
                .contains("connection refused");

        assertThat(publisher.drain()).as("not due before its delay").isEmpty();
        clock.now = clock.now.plusSeconds(10);
        assertThat(publisher.drain()).hasSize(1);
        clock.now = clock.now.plusSeconds(19);
        assertThat(publisher.drain()).as("the second delay is 20 s").isEmpty();
        clock.now = clock.now.plusSeconds(1);
        server.down = false;
        assertThat(publisher.drain()).singleElement().satisfies(result -> assertThat(result.serverId()).isEqualTo("p1"));
        assertThat(server.written).containsExactly(List.of("a", "b"));
        assertThat(outbox.all()).isEmpty();
        assertThat(publisher.problems()).isEmpty();
    }

    /**
     * The real Jellyfin adapter against the fake Jellyfin, which refuses connections, answers 500, or answers
     * after the client's timeout: each time the write is kept, health says why, and once Jellyfin behaves
     * again the retry writes exactly the playlist that was queued.
     */
    @Test
    void jellyfinDownFailingOrSlowDelaysTheWriteAndLosesNothing() throws Exception {
        String key = "0123456789abcdef0123456789abcdef";
        MediaUser robin = new MediaUser("7a0b2c7e8d1a4c3b9e2f7a6b5c4d3e21", "Robin");
        try (FakeJellyfin jellyfin = new FakeJellyfin(key)) {
            jellyfin.addUser(new FakeJellyfin.User(robin.id(), robin.name(), false, false));
            jellyfin.addLibrary(3, 0, 0, Instant.parse("2026-10-01T12:00:00Z"));
            JellyfinServer server = new JellyfinServer(new JellyfinClient(jellyfin.baseUri(), key, "test",
                    Duration.ofMillis(500)), new PlaylistStore(database.dataSource(), JsonMapper.create()), clock);
            PlaylistPublisher real = new PlaylistPublisher(server, outbox, users, clock, Duration.ofSeconds(10),
                    Duration.ofMinutes(30));
            users.upsert(robin, clock.now);
            List<String> first = List.of(FakeJellyfin.libraryId("movie", 0), FakeJellyfin.libraryId("movie", 1));
            List<String> latest = List.of(FakeJellyfin.libraryId("movie", 2), FakeJellyfin.libraryId("movie", 0));
            real.queue(robin.id(), "For you", first);

            jellyfin.reachable(false);
            assertThat(real.drain()).singleElement().satisfies(result -> assertThat(result.written()).isFalse());
            jellyfin.reachable(true);
            jellyfin.failWith(500);
            clock.now = clock.now.plusSeconds(10);
            assertThat(real.drain()).singleElement().satisfies(result -> assertThat(result.error()).contains("500"));
            jellyfin.failWith(0);
            jellyfin.answerAfter(Duration.ofMillis(1500));
            clock.now = clock.now.plusSeconds(20);
            assertThat(real.drain()).singleElement().satisfies(result -> assertThat(result.written()).isFalse());
            assertThat(real.problems()).singleElement().asString()
                    .contains("1 playlist write(s) waiting for the media server").contains("3 failed attempt(s)");
            // A newer playlist replaces the waiting one; nothing older is written after it.
            real.queue(robin.id(), "For you", latest);
            jellyfin.answerAfter(Duration.ZERO);

            assertThat(real.drain()).as("a new write is due at once").singleElement()
                    .satisfies(result -> assertThat(result.written()).isTrue());
            assertThat(jellyfin.playlists()).singleElement().satisfies(playlist -> {
                assertThat(playlist.name).endsWith("For you");
                assertThat(playlist.entries).containsExactlyElementsOf(latest);
            });
            assertThat(outbox.all()).isEmpty();
            assertThat(real.problems()).isEmpty();
            real.close();
        }
    }

    @Test
    void theDelayDoublesUpToItsCeiling() {
        assertThat(publisher.backoff(0)).isEqualTo(Duration.ofSeconds(10));
        assertThat(publisher.backoff(3)).isEqualTo(Duration.ofSeconds(80));
        assertThat(publisher.backoff(40)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aWriteForSomeoneGoneIsDropped() {
        publisher.queue("nobody", "For you", List.of("a"));
        server.down = false;
        assertThat(publisher.drain()).singleElement().satisfies(result -> assertThat(result.error()).contains("no such person"));
        assertThat(outbox.all()).isEmpty();
    }

    @Test
    void theScheduleCatchesUpOnAMissedRefreshAndRunsOncePerDay() {
        users.upsert(ALEX, clock.now);
        SettingStore settings = new SettingStore(database.dataSource());
        List<String> built = new ArrayList<>();
        PlaylistSchedule schedule = new PlaylistSchedule(PlaylistSchedule.Entry.parseAll("For you@06:00, Evening mix@18:00"),
                ZoneOffset.UTC, (user, name) -> {
                    built.add(name);
                    return List.of("x");
                }, publisher, users, settings, clock);
        assertThat(schedule.runDue()).as("06:00 passed today, 18:00 passed yesterday").containsExactly("For you", "Evening mix");
        assertThat(schedule.runDue()).isEmpty();
        clock.now = Instant.parse("2026-11-28T18:00:00Z");
        assertThat(schedule.runDue()).containsExactly("Evening mix");
        assertThat(built).containsExactly("For you", "Evening mix", "Evening mix");
        assertThat(outbox.all()).hasSize(2);
        schedule.close();
    }

    @Test
    void aScheduleIsReadOrRefusedWithItsFault() {
        assertThat(PlaylistSchedule.Entry.parseAll("")).isEmpty();
        assertThat(PlaylistSchedule.Entry.parseAll("For you@06:30")).containsExactly(
                new PlaylistSchedule.Entry("For you", LocalTime.of(6, 30)));
        assertThatThrownBy(() -> PlaylistSchedule.Entry.parseAll("For you")).hasMessageContaining("not name@HH:MM");
        assertThatThrownBy(() -> PlaylistSchedule.Entry.parseAll("For you@25:00")).hasMessageContaining("not a time");
    }
}
