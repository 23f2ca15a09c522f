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
import dev.setlist.plugin.taste.ModelTrainer;
import dev.setlist.rules.RuleBook;
import dev.setlist.scorer.als.AlsSettings;
import dev.setlist.scorer.catalog.ItemProfile;
import dev.setlist.scorer.catalog.ItemProfile.ItemKind;
import dev.setlist.scorer.sequencing.Calibration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calibration wired through Setlist's playlist pipeline: with a calibration strength in the tuning, each
 * person's video playlist is spread over genres closer to how what they played is spread (Steck's
 * {@code KL(p ‖ q̃)}) than without; and the standard tuning leaves it off.
 */
class CalibratedPlaylistTest {

    private static final long SEED = 42;
    private static final LocalDate START = LocalDate.of(2026, 3, 2);
    private static final int DAYS = 6;
    private static RuleBook rules;
    private static List<ItemProfile> catalog;

    @BeforeAll
    static void rulesAndCatalog() {
        rules = BehaviourBench.defaultRules();
        catalog = DemoLibrary.generate(SEED, START.atStartOfDay().toInstant(ZoneOffset.UTC)).items();
    }

    /** The divergence of each adult's 10-item video playlist from their history's genres, summed. */
    private static double divergence(double strength) {
        Household household = Household.standard();
        TuningDefaults base = TuningDefaults.STANDARD;
        TuningDefaults tuning = new TuningDefaults(base.explorationMin(), base.explorationMax(), base.wildcardSlots(),
                base.diversity(), strength);
        try (InProcessSetlist setlist = new InProcessSetlist(household, catalog, rules,
                START.atStartOfDay().toInstant(ZoneOffset.UTC), true, ModelTrainer.DEFAULT_MAX_TRAINING_WEIGHT,
                AlsSettings.defaults(), 0.0, tuning)) {
            HouseholdSimulator simulator = new HouseholdSimulator(household, catalog, SEED, ZoneOffset.UTC);
            for (int day = 0; day < DAYS; day++) {
                simulator.day(setlist, START.plusDays(day), day);
            }
            Instant asked = simulator.at(START.plusDays(DAYS).atTime(13, 0));
            setlist.endOfDay(asked);
            double total = 0;
            for (Persona persona : household.people()) {
                if (persona.child()) {
                    continue;
                }
                Map<ItemProfile, Double> history = new HashMap<>();
                for (PlayRecord play : simulator.plays()) {
                    if (play.persona().equals(persona) && play.attended() && play.item().kind() != ItemKind.TRACK) {
                        history.merge(play.item(), play.fraction(), Double::sum);
                    }
                }
                Calibration target = Calibration.of(history, 1);
                List<Offer> offers = setlist.offer(persona, new OfferRequest(Media.VIDEO, 10, persona.screen(), asked,
                        LocalDateTime.ofInstant(asked, ZoneOffset.UTC)));
                assertThat(offers).hasSize(10);
                Map<String, Double> shares = new HashMap<>();
                for (Offer offer : offers) {
                    List<String> genres = offer.item().genres();
                    genres.forEach(genre -> shares.merge(genre.toLowerCase(java.util.Locale.ROOT), 1.0 / genres.size(),
                            Double::sum));
                }
                total += target.divergence(shares, offers.size());
            }
            return total;
        }
    }

    @Test
    void aCalibratedPlaylistIsSpreadMoreLikeThePersonsHistory() {
        double off = divergence(0);
        double on = divergence(0.5);

        assertThat(on).as("KL from the history's genres, summed over the adults: %s calibrated, %s not", on, off)
                .isLessThan(0.9 * off);
    }

    @Test
    void theStandardTuningLeavesCalibrationOff() {
        assertThat(TuningDefaults.STANDARD.calibration()).isEqualTo(Calibration.DEFAULT_STRENGTH).isZero();
    }
}
