package dev.setlist.plugin.store;

import dev.setlist.plugin.media.MediaUser;
import dev.setlist.plugin.server.JsonMapper;
import dev.setlist.scorer.catalog.ItemProfile;
import dev.setlist.scorer.catalog.ItemProfile.ItemKind;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The small stores, each on H2 and on PostgreSQL: the same portable SQL must behave the same. */
class StoresTest {

    private static final Instant NOW = Instant.parse("2026-11-28T20:00:00Z");

    @TempDir
    Path folder;

    private static ItemProfile item(String id, String title) {
        return new ItemProfile(id, ItemKind.MOVIE, title, List.of("Drama"), List.of("calm"), List.of("A. Actor"), "Studio",
                2001, 5400, null, null, 0, 0, null, null, "PG", NOW);
    }

    @ParameterizedTest
    @MethodSource("dev.setlist.plugin.store.TestDatabase#engines")
    void theCatalogUpsertsAndDeletes(String engine) {
        try (TestDatabase test = TestDatabase.open(engine, folder)) {
            CatalogStore catalog = new CatalogStore(test.database().dataSource(), JsonMapper.create());
            catalog.upsert(List.of(item("a", "First"), item("b", "Second")));
            catalog.upsert(List.of(item("b", "Second, renamed"), item("c", "Third")));
            assertThat(catalog.all()).extracting(ItemProfile::title).containsExactly("First", "Second, renamed", "Third");
            assertThat(catalog.all().get(0)).isEqualTo(item("a", "First"));
            assertThat(catalog.delete(List.of("a", "nope"))).isEqualTo(1);
            assertThat(catalog.count()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.setlist.plugin.store.TestDatabase#engines")
    void settingsAndUsersAreReplacedAndRemoved(String engine) {
        try (TestDatabase test = TestDatabase.open(engine, folder)) {
            SettingStore settings = new SettingStore(test.database().dataSource());
            settings.put("k", "one");
            settings.put("k", "two");
            assertThat(settings.get("k")).contains("two");
            assertThat(settings.remove("k")).isTrue();
            assertThat(settings.get("k")).isEmpty();

            UserStore users = new UserStore(test.database().dataSource());
            users.upsert(new MediaUser("u1", "Alex"), NOW);
            users.upsert(new MediaUser("u1", "Alexandra"), NOW.plusSeconds(5));
            assertThat(users.all()).containsExactly(new MediaUser("u1", "Alexandra"));
            assertThat(users.delete("u1")).isTrue();
            assertThat(users.all()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.setlist.plugin.store.TestDatabase#engines")
    void playlistsAreRememberedAndForgotten(String engine) {
        try (TestDatabase test = TestDatabase.open(engine, folder)) {
            PlaylistStore playlists = new PlaylistStore(test.database().dataSource(), JsonMapper.create());
            playlists.save(new PlaylistStore.Written("u1", "For you", "p1", "Video", List.of("a", "b"), NOW));
            playlists.save(new PlaylistStore.Written("u1", "For you", "p1", "Video", List.of("c"), NOW.plusSeconds(1)));
            playlists.save(new PlaylistStore.Written("u1", "Evening mix", "p2", "Audio", List.of("t"), NOW));
            assertThat(playlists.find("u1", "For you")).get().extracting(PlaylistStore.Written::itemIds)
                    .isEqualTo(List.of("c"));
            assertThat(playlists.forUser("u1")).extracting(PlaylistStore.Written::name)
                    .containsExactly("Evening mix", "For you");
            playlists.forget("u1", "Evening mix");
            assertThat(playlists.forgetUser("u1")).isEqualTo(1);
            assertThat(playlists.find("u1", "For you")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.setlist.plugin.store.TestDatabase#engines")
    void theOutboxKeepsOnlyTheLatestWriteAndBacksOff(String engine) {
        try (TestDatabase test = TestDatabase.open(engine, folder)) {
            PlaylistOutbox outbox = new PlaylistOutbox(test.database().dataSource(), JsonMapper.create());
            outbox.enqueue("u1", "For you", List.of("a"), NOW);
            outbox.enqueue("u1", "For you", List.of("b", "c"), NOW.plusSeconds(1));
            outbox.enqueue("u2", "For you", List.of("d"), NOW.plusSeconds(2));
            assertThat(outbox.size()).isEqualTo(2);

            PlaylistOutbox.Pending first = outbox.due(NOW.plusSeconds(5)).get(0);
            assertThat(first.itemIds()).containsExactly("b", "c");
            outbox.failed(first, "connection refused", NOW.plus(Duration.ofMinutes(1)));
            assertThat(outbox.due(NOW.plusSeconds(5))).extracting(PlaylistOutbox.Pending::userId).containsExactly("u2");
            PlaylistOutbox.Pending retried = outbox.due(NOW.plus(Duration.ofMinutes(2))).get(0);
            assertThat(retried.attempts()).isEqualTo(1);
            assertThat(retried.lastError()).isEqualTo("connection refused");

            outbox.enqueue("u1", "For you", List.of("e"), NOW.plusSeconds(10));
            assertThat(outbox.done(retried)).as("a newer write replaced it meanwhile").isFalse();
            PlaylistOutbox.Pending newest = outbox.due(NOW.plusSeconds(10)).stream()
                    .filter(pending -> pending.userId().equals("u1")).findFirst().orElseThrow();
            assertThat(newest.attempts()).isZero();
            assertThat(outbox.done(newest)).isTrue();
            assertThat(outbox.forgetUser("u2")).isEqualTo(1);
            assertThat(outbox.all()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.setlist.plugin.store.TestDatabase#engines")
    void pausesAreCountedAndKept(String engine) {
        try (TestDatabase test = TestDatabase.open(engine, folder)) {
            PrivacyStore privacy = new PrivacyStore(test.database().dataSource());
            privacy.setPaused("u1", true, NOW);
            privacy.countUnrecorded("u1");
            privacy.countUnrecorded("u1");
            assertThat(privacy.paused()).containsExactly("u1");
            privacy.setPaused("u1", false, NOW.plusSeconds(60));
            assertThat(privacy.paused()).isEmpty();
            assertThat(privacy.find("u1")).get().satisfies(pause -> {
                assertThat(pause.paused()).isFalse();
                assertThat(pause.unrecordedEvents()).isEqualTo(2);
            });
            privacy.forget("u1");
            assertThat(privacy.find("u1")).isEmpty();
        }
    }
}
