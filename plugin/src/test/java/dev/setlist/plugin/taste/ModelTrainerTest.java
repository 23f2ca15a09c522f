package dev.setlist.plugin.taste;

import dev.setlist.plugin.events.EventType;
import dev.setlist.plugin.events.PlaybackEvent;
import dev.setlist.plugin.library.Library;
import dev.setlist.plugin.server.JsonMapper;
import dev.setlist.plugin.signals.InteractionLedger;
import dev.setlist.plugin.signals.PlayTimeline;
import dev.setlist.plugin.store.CatalogStore;
import dev.setlist.plugin.store.Database;
import dev.setlist.plugin.store.EventLog;
import dev.setlist.scorer.als.AlsSettings;
import dev.setlist.scorer.catalog.ItemProfile;
import dev.setlist.scorer.catalog.ItemProfile.ItemKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelTrainerTest {

    private static final Instant AT = Instant.parse("2026-03-02T15:00:00Z");
    private static final List<String> GENRES = List.of("Drama", "Comedy", "Action", "Horror");

    private Database database;
    private Library library;

    @BeforeEach
    void openLibrary() {
        database = Database.openInMemory("trainer-" + UUID.randomUUID());
        library = new Library(new CatalogStore(database.dataSource(), JsonMapper.create()));
        List<ItemProfile> films = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            films.add(new ItemProfile(String.format("%032x", i + 1), ItemKind.MOVIE, "Film " + i,
                    List.of(GENRES.get(i % GENRES.size())), List.of(), List.of(), null, 2000, 5400, null, null, 0, 0,
                    null, null, "PG", AT.minusSeconds(86_400L * 100)));
        }
        library.putAll(films);
    }

    @AfterEach
    void close() {
        database.close();
    }

    /** Five people with ordinary histories, and one account that played film 0 {@code plays} times. */
    private InteractionLedger ledger(int plays) {
        InteractionLedger ledger = new InteractionLedger();
        long seq = 0;
        Instant clock = AT;
        for (int person = 0; person < 5; person++) {
            for (int film = person; film < 40; film += 3) {
                for (PlaybackEvent event : finishedPlay("person" + person, film, clock)) {
                    ledger.apply(new EventLog.StoredEvent(++seq, clock, "test", event));
                }
                clock = clock.plusSeconds(7200);
            }
        }
        for (int play = 0; play < plays; play++) {
            for (PlaybackEvent event : finishedPlay("burst", 0, clock)) {
                ledger.apply(new EventLog.StoredEvent(++seq, clock, "test", event));
            }
            clock = clock.plusSeconds(10);
        }
        return ledger;
    }

    private List<PlaybackEvent> finishedPlay(String user, int film, Instant at) {
        ItemProfile item = library.all().get(film);
        PlaybackEvent.ItemFacts facts = new PlaybackEvent.ItemFacts(item.title(), "Movie",
                item.runtimeSeconds() * PlaybackEvent.TICKS_PER_SECOND, 2000, item.genres(), null, null, null, null, null,
                null);
        String session = user + "-" + at.toEpochMilli();
        return List.of(
                new PlaybackEvent(EventType.PLAYBACK_START, at, user, user, item.id(), facts, 0L, false, false, null,
                        session, "TV", "Client", null),
                new PlaybackEvent(EventType.PLAYBACK_STOP, at.plusSeconds(5), user, user, item.id(), facts,
                        item.runtimeSeconds() * PlaybackEvent.TICKS_PER_SECOND, null, null, true, session, "TV", "Client",
                        null));
    }

    private TasteModel train(InteractionLedger ledger, double cap) {
        ModelTrainer trainer = new ModelTrainer(AlsSettings.defaults(), library, ledger, new PlayTimeline(),
                Clock.fixed(AT, ZoneOffset.UTC), Integer.MAX_VALUE, null, cap);
        try {
            return trainer.trainNow();
        } finally {
            trainer.close();
        }
    }

    @Test
    void beyondTheCapMorePlaysFromOneAccountChangeNothingInTraining() {
        assertThat(ledger(40).snapshot("burst").values().iterator().next().weight())
                .as("the ledger itself counts every rewatch").isGreaterThan(50);

        TasteModel forty = train(ledger(40), ModelTrainer.DEFAULT_MAX_TRAINING_WEIGHT);
        TasteModel many = train(ledger(300), ModelTrainer.DEFAULT_MAX_TRAINING_WEIGHT);

        for (int item = 0; item < 40; item++) {
            assertThat(many.model().itemVector(item)).containsExactly(forty.model().itemVector(item));
        }
    }

    @Test
    void withoutTheCapTheBurstMovesTheItem() {
        TasteModel forty = train(ledger(40), Double.POSITIVE_INFINITY);
        TasteModel many = train(ledger(300), Double.POSITIVE_INFINITY);

        int target = forty.items().indexOf(library.all().get(0).id());
        assertThat(many.model().itemVector(target)).isNotEqualTo(forty.model().itemVector(target));
    }

    @Test
    void theModelOrdersTheCatalogByMediaSoThatEachMediaIsOneRun() {
        List<ItemProfile> tracks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            // Ids that sort between the films', so that an order by id alone would interleave the media.
            tracks.add(new ItemProfile(String.format("%032x", 4 * i + 2) + "t", ItemKind.TRACK, "Track " + i,
                    List.of("Jazz"), List.of(), List.of(), null, 1999, 240, null, null, 0, 0, "Artist", "Album", null,
                    AT.minusSeconds(86_400L)));
        }
        library.putAll(tracks);

        TasteModel taste = train(ledger(1), ModelTrainer.DEFAULT_MAX_TRAINING_WEIGHT);

        List<ItemKind> kinds = taste.catalog().stream().map(ItemProfile::kind).toList();
        int firstTrack = kinds.indexOf(ItemKind.TRACK);
        assertThat(firstTrack).isEqualTo(40);
        assertThat(kinds.subList(firstTrack, kinds.size())).containsOnly(ItemKind.TRACK).hasSize(10);
        assertThat(taste.otherMedia(true).nextClearBit(0)).as("a music request skips the films as one run")
                .isEqualTo(40);
        assertThat(taste.otherMedia(false).nextSetBit(0)).isEqualTo(40);
    }

    @Test
    void aFloodOfEventsWaitsForTheMinimumSpacingBeforeRetraining() {
        InteractionLedger ledger = ledger(0);
        ModelTrainer trainer = new ModelTrainer(AlsSettings.defaults(), library, ledger, new PlayTimeline(),
                Clock.fixed(AT, ZoneOffset.UTC), 1, null, ModelTrainer.DEFAULT_MAX_TRAINING_WEIGHT, Duration.ofHours(1));
        try {
            trainer.trainNow();
            ledger.apply(new EventLog.StoredEvent(10_000, AT, "test", finishedPlay("late", 3, AT).get(1)));
            trainer.onEvent();

            // Far more changes than the threshold of one, but the retraining waits for the hour after the last.
            assertThat(trainer.nanosUntilNextTraining()).isGreaterThan(Duration.ofMinutes(59).toNanos());
            assertThat(trainer.trainings()).isEqualTo(1);
        } finally {
            trainer.close();
        }
    }

    @Test
    void aRetrainingAskedForDuringATrainingWaitsForTheSpacingThatTrainingSets() throws Exception {
        ModelTrainer trainer = new ModelTrainer(AlsSettings.defaults(), library, ledger(0), new PlayTimeline(),
                Clock.fixed(AT, ZoneOffset.UTC), 1, null, ModelTrainer.DEFAULT_MAX_TRAINING_WEIGHT, Duration.ofHours(1));
        try {
            synchronized (trainer) {
                // Holding the trainer's lock holds the background training at its start.
                trainer.retrainSoon();
                awaitUntil(() -> !trainer.retrainingWaiting());
                // Asked for while that one runs: no training yet set the hour's spacing.
                trainer.retrainSoon();
                assertThat(trainer.retrainingWaiting()).isTrue();
            }
            awaitUntil(() -> trainer.trainings() == 1);
            Thread.sleep(1_000);

            assertThat(trainer.trainings()).as("the second waits the hour the first one set").isEqualTo(1);
            assertThat(trainer.retrainingWaiting()).isTrue();
            assertThat(trainer.nanosUntilNextTraining()).isGreaterThan(Duration.ofMinutes(59).toNanos());
        } finally {
            trainer.close();
        }
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(condition.getAsBoolean()).as("reached within 20 s").isTrue();
    }

    @Test
    void spacingIsTheLargerOfTheMinimumAndFourTrainingsCappedAtTenMinutes() {
        long second = Duration.ofSeconds(1).toNanos();
        assertThat(ModelTrainer.spacingAfter(second / 10, 10 * second)).isEqualTo(10 * second);
        assertThat(ModelTrainer.spacingAfter(5 * second, 10 * second)).isEqualTo(20 * second);
        // A large library's training (30 s at 100k items) keeps its four-fold spacing: a fifth of the machine.
        assertThat(ModelTrainer.spacingAfter(30 * second, 10 * second)).isEqualTo(120 * second);
        assertThat(ModelTrainer.spacingAfter(300 * second, 10 * second)).isEqualTo(600 * second);
        assertThat(ModelTrainer.spacingAfter(second / 10, 0)).isEqualTo(4 * second / 10);
    }

    @Test
    void aNegativeMinimumSpacingIsRefused() {
        assertThatThrownBy(() -> new ModelTrainer(AlsSettings.defaults(), library, ledger(0), new PlayTimeline(),
                Clock.fixed(AT, ZoneOffset.UTC), 1, null, 1, Duration.ofSeconds(-1)))
                .hasMessageContaining("minimumSpacing must not be negative");
    }

    @Test
    void aCapThatIsNotPositiveIsRefused() {
        assertThatThrownBy(() -> train(ledger(1), 0)).hasMessageContaining("maxTrainingWeight must be positive");
    }
}
