package dev.setlist.plugin.jellyfin;

import dev.setlist.plugin.events.EventIngestor;
import dev.setlist.plugin.library.Library;
import dev.setlist.plugin.media.MediaServerException;
import dev.setlist.plugin.server.JsonMapper;
import dev.setlist.plugin.signals.InteractionLedger;
import dev.setlist.plugin.store.CatalogStore;
import dev.setlist.plugin.store.Database;
import dev.setlist.plugin.store.JdbcEventLog;
import dev.setlist.plugin.store.PlaylistStore;
import dev.setlist.plugin.store.SettingStore;
import dev.setlist.plugin.store.UserStore;
import dev.setlist.scorer.catalog.ItemProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JellyfinSyncTest {

    private static final String KEY = "fedcba9876543210fedcba9876543210";
    private static final String ALEX = "5f0b2c7e8d1a4c3b9e2f7a6b5c4d3e21";

    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        private Instant now = Instant.parse("2026-11-28T08:00:00Z");

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

    private final TestClock clock = new TestClock();
    private FakeJellyfin jellyfin;
    private Database database;
    private Library library;
    private SettingStore settings;
    private InteractionLedger ledger;
    private JellyfinSync sync;

    @BeforeEach
    void start() throws IOException {
        jellyfin = new FakeJellyfin(KEY);
        jellyfin.addUser(new FakeJellyfin.User(ALEX, "Alex", false, true));
        jellyfin.addLibrary(6, 4, 2, Instant.parse("2026-10-01T12:00:00Z"));
        database = Database.openInMemory("jellyfin-sync-" + System.nanoTime());
        var json = JsonMapper.create();
        library = new Library(new CatalogStore(database.dataSource(), json));
        UserStore users = new UserStore(database.dataSource());
        settings = new SettingStore(database.dataSource());
        EventIngestor ingestor = new EventIngestor(new JdbcEventLog(database.dataSource(), json, clock), users, library, clock);
        ledger = new InteractionLedger();
        ingestor.addListener(ledger::apply);
        JellyfinServer server = new JellyfinServer(new JellyfinClient(jellyfin.baseUri(), KEY, "test", Duration.ofSeconds(5)),
                new PlaylistStore(database.dataSource(), json), clock);
        sync = new JellyfinSync(server, library, users, settings, ingestor, clock, Duration.ofHours(6), true);
    }

    @AfterEach
    void stop() {
        sync.close();
        jellyfin.close();
        database.close();
    }

    @Test
    void importsHistoryOnceThenSyncsIncrementallyAndSweepsDeletionsDaily() {
        String played = FakeJellyfin.libraryId("movie", 2);
        FakeJellyfin.UserData data = jellyfin.userData(ALEX, played);
        data.played = true;
        data.playCount = 2;
        data.lastPlayed = Instant.parse("2026-06-01T20:00:00Z");

        sync.syncNow();
        assertThat(library.size()).isEqualTo(12);
        assertThat(ledger.snapshot(ALEX).get(played).evidence()).singleElement()
                .satisfies(evidence -> assertThat(evidence.note()).contains("played 2 times before Setlist"));
        assertThat(settings.get(JellyfinSync.HISTORY_SETTING + ALEX)).isPresent();

        clock.now = clock.now.plus(Duration.ofHours(6));
        String renamed = FakeJellyfin.libraryId("movie", 3);
        FakeJellyfin.Item before = jellyfin.item(renamed);
        jellyfin.addItem(new FakeJellyfin.Item(renamed, "Film 3 (Director's Cut)", before.type(), before.mediaType(),
                before.runTimeTicks(), before.year(), before.genres(), before.tags(), before.studios(), before.people(),
                before.dateCreated(), before.providerIds(), null, null, null, null, null, null, null, null,
                clock.now.minusSeconds(30)));
        jellyfin.removeItem(FakeJellyfin.libraryId("movie", 4));
        jellyfin.clearRequests();
        sync.syncNow();
        assertThat(library.find(renamed)).get().extracting(ItemProfile::title).isEqualTo("Film 3 (Director's Cut)");
        assertThat(library.size()).as("an incremental sync cannot see deletions").isEqualTo(12);
        assertThat(jellyfin.requests("GET", "/Items")).singleElement()
                .satisfies(request -> assertThat(request.query()).containsKey("mindatelastsaved"));
        assertThat(ledger.snapshot(ALEX).get(played).plays()).as("history is imported once").isEqualTo(2);

        clock.now = clock.now.plus(Duration.ofDays(1));
        sync.syncNow();
        assertThat(library.size()).as("the daily full sweep removes what is gone").isEqualTo(11);
    }

    @Test
    void aFailingServerIsReportedUntilItRecovers() {
        jellyfin.failWith(503);
        assertThatThrownBy(sync::syncNow).isInstanceOf(MediaServerException.class);
        assertThat(sync.problems()).singleElement().asString().contains("Jellyfin sync failing").contains("503");
        jellyfin.failWith(0);
        sync.syncNow();
        assertThat(sync.problems()).isEmpty();
        assertThat(sync.lastSync()).isEqualTo(clock.now);
    }
}
