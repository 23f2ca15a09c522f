package dev.setlist.plugin.sim.bench;

import dev.setlist.plugin.demo.DemoLibrary;
import dev.setlist.plugin.playlist.TuningDefaults;
import dev.setlist.plugin.sim.Household;
import dev.setlist.plugin.sim.HouseholdSimulator;
import dev.setlist.plugin.sim.Persona;
import dev.setlist.plugin.sim.PlayRecord;
import dev.setlist.plugin.sim.SimulatedSystem.Media;
import dev.setlist.plugin.sim.SimulatedSystem.Offer;
import dev.setlist.plugin.sim.SimulatedSystem.OfferRequest;
import dev.setlist.plugin.signals.SignalSettings;
import dev.setlist.plugin.taste.ModelTrainer;
import dev.setlist.rules.RuleBook;
import dev.setlist.scorer.als.AlsSettings;
import dev.setlist.scorer.catalog.ItemProfile;
import dev.setlist.scorer.catalog.ItemProfile.ItemKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tuning.series-in-order} through Setlist's playlist pipeline, on a simulated household that binges and
 * falls asleep through series: each series a video playlist offers comes through the one episode the person is
 * up to. Without it, the same household's playlists offer episodes out of order, so the check can fail.
 */
class SeriesInOrderPlaylistTest {

    private static final long SEED = 42;
    private static final LocalDate START = LocalDate.of(2026, 3, 2);
    private static final int DAYS = 6;
    private static final double COMPLETE = SignalSettings.defaults(ZoneOffset.UTC).completeFraction();
    private static final Comparator<ItemProfile> WATCHING_ORDER = Comparator.comparingInt(ItemProfile::season)
            .thenComparingInt(ItemProfile::episode).thenComparing(ItemProfile::id);
    private static RuleBook rules;
    private static List<ItemProfile> catalog;

    @BeforeAll
    static void rulesAndCatalog() {
        rules = BehaviourBench.defaultRules();
        catalog = DemoLibrary.generate(SEED, START.atStartOfDay().toInstant(ZoneOffset.UTC)).items();
    }

    /** Each offered episode that is not the one its person is up to, as "person: title", over the adults. */
    private static List<String> outOfOrder(boolean seriesInOrder) {
        Household household = Household.standard();
        TuningDefaults tuning = TuningDefaults.STANDARD.withSeriesInOrder(seriesInOrder);
        try (InProcessSetlist setlist = new InProcessSetlist(household, catalog, rules,
                START.atStartOfDay().toInstant(ZoneOffset.UTC), true, ModelTrainer.DEFAULT_MAX_TRAINING_WEIGHT,
                AlsSettings.defaults(), null, tuning)) {
            HouseholdSimulator simulator = new HouseholdSimulator(household, catalog, SEED, ZoneOffset.UTC);
            for (int day = 0; day < DAYS; day++) {
                simulator.day(setlist, START.plusDays(day), day);
            }
            Instant asked = simulator.at(START.plusDays(DAYS).atTime(20, 0));
            setlist.endOfDay(asked);
            List<String> wrong = new ArrayList<>();
            int episodes = 0;
            for (Persona persona : household.people()) {
                if (persona.child()) {
                    continue;
                }
                Set<String> finished = new HashSet<>();
                for (PlayRecord play : simulator.plays()) {
                    if (play.persona().equals(persona) && play.fraction() >= COMPLETE) {
                        finished.add(play.item().id());
                    }
                }
                List<Offer> offers = setlist.offer(persona, new OfferRequest(Media.VIDEO, 25, persona.screen(), asked,
                        LocalDateTime.ofInstant(asked, ZoneOffset.UTC)));
                for (Offer offer : offers) {
                    ItemProfile item = offer.item();
                    if (item.kind() == ItemKind.EPISODE && item.season() > 0 && item.episode() > 0) {
                        episodes++;
                        if (!upTo(item, finished)) {
                            wrong.add(persona.name() + ": " + item.seriesName() + " S" + item.season() + "E"
                                    + item.episode());
                        }
                    }
                }
            }
            assertThat(episodes).as("the playlists offer episodes at all").isPositive();
            return wrong;
        }
    }

    /** Whether {@code episode} is the one after the furthest of its series in {@code finished}, or the first. */
    private static boolean upTo(ItemProfile episode, Set<String> finished) {
        List<ItemProfile> series = catalog.stream()
                .filter(item -> item.kind() == ItemKind.EPISODE && episode.seriesId().equals(item.seriesId())
                        && item.season() > 0 && item.episode() > 0)
                .sorted(WATCHING_ORDER).toList();
        int next = 0;
        for (int k = series.size() - 1; k >= 0; k--) {
            if (finished.contains(series.get(k).id())) {
                next = k + 1;
                break;
            }
        }
        return next < series.size() && series.get(next).id().equals(episode.id());
    }

    @Test
    void withSeriesInOrderEveryOfferedEpisodeIsTheOneThePersonIsUpTo() {
        assertThat(outOfOrder(true)).isEmpty();
    }

    @Test
    void withoutItTheSameHouseholdIsOfferedEpisodesOutOfOrder() {
        assertThat(outOfOrder(false)).isNotEmpty();
    }

    @Test
    void theStandardTuningLeavesSeriesInAnyOrder() {
        assertThat(TuningDefaults.STANDARD.seriesInOrder()).isFalse();
    }
}
