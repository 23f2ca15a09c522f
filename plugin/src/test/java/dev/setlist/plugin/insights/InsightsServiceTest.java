package dev.setlist.plugin.insights;

import dev.setlist.plugin.events.EventType;
import dev.setlist.plugin.events.PlaybackEvent;
import dev.setlist.plugin.library.Library;
import dev.setlist.plugin.playlist.TuningDefaults;
import dev.setlist.plugin.server.JsonMapper;
import dev.setlist.plugin.signals.InteractionLedger;
import dev.setlist.plugin.signals.SignalSettings;
import dev.setlist.plugin.store.CatalogStore;
import dev.setlist.plugin.store.Database;
import dev.setlist.plugin.store.EventLog;
import dev.setlist.plugin.store.JdbcEventLog;
import dev.setlist.plugin.store.PersonStore;
import dev.setlist.plugin.store.ServedPlaylistStore;
import dev.setlist.plugin.taste.ExplorationPosterior;
import dev.setlist.scorer.catalog.ItemProfile;
import dev.setlist.scorer.catalog.ItemProfile.ItemKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The insight charts over a real in-memory store, ledger and catalog, at a fixed time. */
class InsightsServiceTest {

    private static final String PERSON = "0123456789abcdef0123456789abcdef";
    private static final Instant NOW = Instant.parse("2026-11-28T20:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-28");
    private static final long TICKS = PlaybackEvent.TICKS_PER_SECOND;

    private final Database database = Database.openInMemory("insights-" + System.nanoTime());
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final JdbcEventLog log = new JdbcEventLog(database.dataSource(), JsonMapper.create(), clock);
    private final Library library = new Library(new CatalogStore(database.dataSource(), JsonMapper.create()));
    private final InteractionLedger ledger = new InteractionLedger(SignalSettings.defaults(ZoneOffset.UTC));
    private final PersonStore people = new PersonStore(database.dataSource(), clock);
    private final ServedPlaylistStore served = new ServedPlaylistStore(database.dataSource());
    private final ServedPlaylistLog servedLog = new ServedPlaylistLog(served, library, clock);
    private final InsightsService insights = new InsightsService(log, library, ledger, people, served, servedLog,
            TuningDefaults.STANDARD, clock, ZoneOffset.UTC);

    InsightsServiceTest() {
        library.putAll(List.of(
                item("scifi", ItemKind.MOVIE, List.of("Science Fiction"), List.of("space")),
                item("duo", ItemKind.MOVIE, List.of("Comedy", "Drama"), List.of()),
                item("scifi2", ItemKind.MOVIE, List.of("Science Fiction"), List.of("space")),
                item("ep", ItemKind.EPISODE, List.of("Drama"), List.of())));
    }

    @AfterEach
    void close() {
        servedLog.close();
        database.close();
    }

    private static ItemProfile item(String id, ItemKind kind, List<String> genres, List<String> tags) {
        return new ItemProfile(id, kind, id, genres, tags, List.of(), null, 2020, 3600, null, null, 0, 0, null, null,
                "PG", NOW.minus(Duration.ofDays(100)));
    }

    private void stop(String item, Instant at, long positionSeconds, Boolean completed) {
        PlaybackEvent stop = new PlaybackEvent(EventType.PLAYBACK_STOP, at, PERSON, "Casey", item,
                new PlaybackEvent.ItemFacts(item, "Movie", 3600 * TICKS, 2020, List.of(), null, null, null, null, null,
                        null), positionSeconds * TICKS, false, false, completed, "s", "TV", "Web", null);
        EventLog.Appended appended = log.append(stop, "test", item + at, null);
        ledger.apply(new EventLog.StoredEvent(appended.seq(), at, "test", stop));
    }

    @Test
    void theGenreMixSharesEachPlaysMinutesAmongItsGenresDayByDay() {
        stop("scifi", NOW.minus(Duration.ofHours(2)), 3600, true);
        stop("duo", NOW.minus(Duration.ofHours(1)), 1800, false);
        stop("scifi", NOW.minus(Duration.ofDays(2)), 3600, true);
        stop("scifi2", NOW.minus(Duration.ofDays(40)), 3600, true);
        stop("duo", NOW.minus(Duration.ofMinutes(5)), 0, false);

        GenreMix mix = insights.genres(PERSON, 7);

        assertThat(mix.from()).isEqualTo(TODAY.minusDays(6));
        assertThat(mix.to()).isEqualTo(TODAY);
        assertThat(mix.days()).hasSize(7).extracting(GenreMix.Day::date).startsWith(TODAY.minusDays(6)).endsWith(TODAY);
        assertThat(mix.genres()).containsExactly("Science Fiction", "Comedy", "Drama");
        assertThat(mix.totals()).containsExactly(Map.entry("Science Fiction", 120.0), Map.entry("Comedy", 15.0),
                Map.entry("Drama", 15.0));
        GenreMix.Day today = mix.days().get(6);
        assertThat(today.plays()).as("a stop at position 0 played nothing").isEqualTo(2);
        assertThat(today.minutes()).isEqualTo(90.0);
        assertThat(today.byGenre()).containsEntry("Science Fiction", 60.0).containsEntry("Comedy", 15.0);
        assertThat(mix.days().get(4).byGenre()).containsOnly(Map.entry("Science Fiction", 60.0));
        assertThat(mix.days().get(3).plays()).isZero();
        assertThat(insights.genres(PERSON, 60).totals()).as("forty days ago").containsEntry("Science Fiction", 180.0);
    }

    @Test
    void beyondEightGenresTheRestAreSummedAsOther() {
        List<ItemProfile> many = new java.util.ArrayList<>();
        for (int g = 0; g < 10; g++) {
            many.add(item("g" + g, ItemKind.MOVIE, List.of("Genre " + (char) ('A' + g)), List.of()));
        }
        library.putAll(many);
        for (int g = 0; g < 10; g++) {
            stop("g" + g, NOW.minus(Duration.ofMinutes(10 + g)), 60L * (20 - g), false);
        }

        GenreMix mix = insights.genres(PERSON, 1);

        assertThat(mix.genres()).hasSize(9).startsWith("Genre A").endsWith("Genre H", GenreMix.OTHER);
        assertThat(mix.totals().get(GenreMix.OTHER)).isEqualTo(11.0 + 12.0);
        assertThat(mix.days().get(0).byGenre().keySet()).containsExactlyElementsOf(mix.genres());
    }

    @Test
    void signalsShowEachPlaysWeightAndItsDiscountsWithReasons() {
        PlaybackEvent.ItemFacts facts = new PlaybackEvent.ItemFacts("ep", "Episode", 600 * TICKS, 2011, List.of("Drama"),
                "series", "Series", 1, 1, null, null);
        Instant start = NOW.minus(Duration.ofHours(3));
        apply(new PlaybackEvent(EventType.PLAYBACK_START, start, PERSON, "Casey", "ep", facts, 0L, false, false, null,
                "s1", "TV", "Web", null, true));
        for (int minute = 1; minute <= 10; minute++) {
            apply(new PlaybackEvent(EventType.PLAYBACK_PROGRESS, start.plusSeconds(minute * 60L), PERSON, "Casey", "ep",
                    facts, minute * 60L * TICKS, false, true, null, "s1", "TV", "Web", null, true));
        }
        apply(new PlaybackEvent(EventType.PLAYBACK_STOP, start.plusSeconds(601), PERSON, "Casey", "ep", facts, 0L, null,
                null, true, "s1", "TV", "Web", null, null));
        stop("scifi", NOW.minus(Duration.ofHours(1)), 3600, true);
        stop("duo", NOW.minus(Duration.ofDays(20)), 3600, true);

        SignalTimeline timeline = insights.signals(PERSON, 7);

        assertThat(timeline.signals()).extracting(SignalTimeline.Signal::itemId).containsExactly("ep", "scifi");
        SignalTimeline.Signal muted = timeline.signals().get(0);
        assertThat(muted.kind()).isEqualTo("finished");
        assertThat(muted.title()).isEqualTo("ep");
        assertThat(muted.weight()).isCloseTo(muted.baseWeight() * 0.25, within(1e-9));
        assertThat(muted.discounts()).singleElement().satisfies(discount -> {
            assertThat(discount.kind()).isEqualTo("muted");
            assertThat(discount.factor()).isEqualTo(0.25);
            assertThat(discount.reason()).isNotBlank();
        });
        assertThat(timeline.signals().get(1).discounts()).isEmpty();
        assertThat(timeline.summary().signals()).isEqualTo(2);
        assertThat(timeline.summary().discounted()).isEqualTo(1);
        assertThat(timeline.summary().byKind()).containsEntry("finished", 2);
        assertThat(timeline.summary().byDiscount()).containsExactly(Map.entry("muted", 1));
        assertThat(timeline.summary().weight()).isCloseTo(muted.weight() + timeline.signals().get(1).weight(), within(1e-3));
    }

    private void apply(PlaybackEvent event) {
        EventLog.Appended appended = log.append(event, "test", event.type() + "" + event.occurredAt(), null);
        ledger.apply(new EventLog.StoredEvent(appended.seq(), event.occurredAt(), "test", event));
    }

    @Test
    void explorationCountsWildcardsOfferedTakenAndDeclinedAndTheRateTheyLeft() {
        servedLog.served(PERSON, "playlist", "video", "everyday", List.of("scifi", "duo", "ep"), 2, 0.2);
        servedLog.served(PERSON, "playlist", "video", "everyday", List.of("scifi"), 1, 0.3);
        people.recordWildcard(PERSON, true);
        people.recordWildcard(PERSON, false);
        ExplorationPosterior after = people.recordWildcard(PERSON, true);

        ExplorationTrend trend = insights.exploration(PERSON, 3);

        assertThat(trend.days()).hasSize(3);
        ExplorationTrend.Day today = trend.days().get(2);
        assertThat(today).isEqualTo(new ExplorationTrend.Day(TODAY, 2, 3, 2, 1, 0.25,
                Math.round(after.mean() * 1000) / 1000.0));
        assertThat(trend.days().get(0)).isEqualTo(new ExplorationTrend.Day(TODAY.minusDays(2), 0, 0, 0, 0, null, null));
        TuningDefaults defaults = TuningDefaults.STANDARD;
        assertThat(trend.now().acceptance()).isCloseTo(after.mean(), within(1e-3));
        assertThat(trend.now().rate()).isCloseTo(after.rate(defaults.explorationMin(), defaults.explorationMax()),
                within(1e-3));
        assertThat(trend.now().min()).isEqualTo(defaults.explorationMin());
    }

    @Test
    void diversityIsTheMeanDissimilarityOfEveryPairOfItemsServed() {
        servedLog.served(PERSON, "playlist", "video", "focus", List.of("scifi", "scifi2"), 0, 0.1);
        servedLog.served(PERSON, "journey", "video", "everyday", List.of("scifi", "duo", "ep"), 0, 0);

        DiversityTrend trend = insights.diversity(PERSON, 1);

        assertThat(trend.served()).hasSize(2);
        assertThat(trend.served().get(0).diversity()).as("same genre, same tag").isZero();
        assertThat(trend.served().get(0).genres()).isEqualTo(1);
        assertThat(trend.served().get(0).mode()).isEqualTo("focus");
        // scifi-duo and scifi-ep share nothing (1 each); duo-ep share Drama, halved across kinds: 1 - 0.6 * 1/2 / 2.
        assertThat(trend.served().get(1).diversity()).isCloseTo((1 + 1 + 0.85) / 3, within(1e-3));
        assertThat(trend.served().get(1).kind()).isEqualTo("journey");
        assertThat(trend.days()).singleElement().satisfies(day -> {
            assertThat(day.playlists()).isEqualTo(2);
            assertThat(day.diversity()).isCloseTo(0.475, within(1e-3));
            assertThat(day.genres()).isEqualTo(2.0);
        });
        assertThat(insights.diversity("someone else", 30).served()).isEmpty();
        assertThat(served.forget(PERSON)).isEqualTo(2);
        assertThat(insights.diversity(PERSON, 1).served()).isEmpty();
    }

    @Test
    void refusesARangeOutOfBounds() {
        assertThatThrownBy(() -> insights.genres(PERSON, 0)).hasMessageContaining("days");
        assertThatThrownBy(() -> insights.signals(PERSON, 366)).hasMessageContaining("days");
    }
}
