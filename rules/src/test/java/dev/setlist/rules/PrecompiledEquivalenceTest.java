package dev.setlist.rules;

import dev.setlist.rules.bench.RulesBench;
import dev.setlist.rules.model.Curation;
import dev.setlist.rules.model.ListeningContext;
import dev.setlist.rules.model.Mode;
import dev.setlist.rules.model.SessionSoFar;
import dev.setlist.rules.model.Tuning;
import dev.setlist.rules.scenario.ScenarioReport;
import dev.setlist.rules.scenario.ScenarioRunner;
import dev.setlist.scorer.candidates.Candidate;
import dev.setlist.scorer.catalog.ItemProfile;
import dev.setlist.scorer.catalog.ItemProfile.ItemKind;
import dev.setlist.scorer.sequencing.Sequencer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped packs' precompiled executable model must decide exactly what the classic build of the
 * same files decides: both books evaluate the same varied requests (the bench's candidate generator,
 * every mode and mode inference, times, devices, profiles, ceilings, binges, genre runs, signals,
 * tunings and curations), and every part of the outcome but its timing must be equal.
 */
class PrecompiledEquivalenceTest {

    private static CompiledRuleBook precompiled;
    private static CompiledRuleBook classic;

    @BeforeAll
    static void buildBoth() {
        CompileResult fromModel = new RuleCompiler().compile(RuleSources.defaults(), "defaults");
        CompileResult fromDrl = new RuleCompiler(RuleLimits.DEFAULTS, ShippedModel.NONE)
                .compile(RuleSources.defaults(), "defaults");
        assertThat(fromModel.ok()).as(fromModel.report()).isTrue();
        assertThat(fromDrl.ok()).as(fromDrl.report()).isTrue();
        precompiled = fromModel.book();
        classic = fromDrl.book();
        assertThat(precompiled.releaseId()).startsWith(ShippedModel.RELEASE_PREFIX);
        assertThat(classic.releaseId()).doesNotStartWith(ShippedModel.RELEASE_PREFIX);
    }

    @Test
    void bothBooksHoldTheSameRulesWrittenInTheSamePlaces() {
        assertThat(precompiled.ruleNames()).isEqualTo(classic.ruleNames()).hasSize(51);
        for (String rule : classic.ruleNames()) {
            assertThat(precompiled.locationOf(rule)).as(rule).isEqualTo(classic.locationOf(rule));
        }
    }

    @Test
    void bothBooksDecideTheSameOverVariedRequests() {
        Random random = new Random(20261128);
        LocalDateTime[] times = {
            LocalDateTime.of(2025, 3, 4, 8, 15),   // Tuesday morning
            LocalDateTime.of(2025, 3, 4, 10, 30),  // Tuesday, working hours
            LocalDateTime.of(2025, 3, 7, 20, 30),  // Friday evening
            LocalDateTime.of(2025, 3, 8, 23, 45),  // Saturday late night
            LocalDateTime.of(2025, 3, 9, 3, 10),   // Sunday small hours
        };
        String[][] devices = {
            {"Living Room TV", "Jellyfin Android TV"}, {"Office PC", "Jellyfin Web on Firefox"},
            {"Kids Tablet", "Jellyfin iOS"}, {"Treadmill", "Fitness app"}, {null, null},
        };
        String[] profiles = {null, null, "Kids", "Dad"};
        Integer[] ceilings = {null, null, 7, 12, 16};
        Mode[] modes = new Mode[Mode.values().length + 2];
        System.arraycopy(Mode.values(), 0, modes, 0, Mode.values().length);
        int compared = 0;
        int withAdjustments = 0;
        int withExclusions = 0;
        Set<String> fired = new HashSet<>();
        Set<Mode> decidedModes = new HashSet<>();
        for (int request = 0; request < 120; request++) {
            LocalDateTime now = times[random.nextInt(times.length)];
            List<Candidate> candidates = RulesBench.candidates(30 + random.nextInt(120), now, random);
            Mode mode = modes[random.nextInt(modes.length)]; // two in nine: no mode, inferred
            String[] device = devices[random.nextInt(devices.length)];
            Map<String, Double> signals = random.nextInt(4) == 0 ? Map.of("heart_rate", 95.0 + random.nextInt(40))
                    : Map.of();
            ListeningContext context = new ListeningContext("u" + request, profiles[random.nextInt(profiles.length)],
                    mode, now, device[0], device[1], session(candidates, random),
                    ceilings[random.nextInt(ceilings.length)], lastPlayed(candidates, now, random), signals);
            Tuning tuning = tuning(random);
            Curation curation = curation(candidates, random);

            RuleOutcome expected = classic.evaluate(context, tuning, candidates, curation);
            RuleOutcome actual = precompiled.evaluate(context, tuning, candidates, curation);

            assertThat(actual.failure()).as("request %d", request).isNull();
            assertThat(comparable(actual)).as("request %d (%s)", request, context).isEqualTo(comparable(expected));
            compared++;
            withAdjustments += expected.adjustments().isEmpty() ? 0 : 1;
            withExclusions += expected.exclusions().isEmpty() ? 0 : 1;
            fired.addAll(expected.firedRules());
            decidedModes.add(expected.mode().mode());
        }
        // The inputs are varied enough to mean something: most rules fired and every mode was decided.
        assertThat(compared).isEqualTo(120);
        assertThat(withAdjustments).isGreaterThan(80);
        assertThat(withExclusions).isGreaterThan(80);
        assertThat(decidedModes).containsExactlyInAnyOrder(Mode.values());
        assertThat(fired.size()).as("rules that fired: %s", fired).isGreaterThanOrEqualTo(45);
    }

    @Test
    void theShippedScenariosPassOnBothBuilds() {
        ScenarioReport fromModel = new ScenarioRunner().testDefaults();
        ScenarioReport fromDrl = new ScenarioRunner(new RuleCompiler(RuleLimits.DEFAULTS, ShippedModel.NONE),
                new Sequencer()).testDefaults();

        assertThat(fromModel.passed()).as(fromModel.render()).isTrue();
        assertThat(fromDrl.passed()).as(fromDrl.render()).isTrue();
        assertThat(fromModel.results()).hasSize(14);
        assertThat(fromModel.render()).isEqualTo(fromDrl.render());
    }

    /** Everything an outcome says, but the book's label and the time it took. */
    private static List<Object> comparable(RuleOutcome outcome) {
        return List.of(outcome.mode(), outcome.offers(), outcome.exclusions(), outcome.adjustments(),
                outcome.constraints(), outcome.relaxationOrder(), outcome.firedRules(), outcome.firings(),
                outcome.notes(), String.valueOf(outcome.failure()));
    }

    /** Empty, a run of one series (a binge), a run of one genre, or a few mixed items. */
    private static SessionSoFar session(List<Candidate> candidates, Random random) {
        List<ItemProfile> played = new ArrayList<>();
        switch (random.nextInt(4)) {
            case 0 -> {
                return SessionSoFar.EMPTY;
            }
            case 1 -> {
                ItemProfile episode = candidates.stream().map(Candidate::item)
                        .filter(item -> item.kind() == ItemKind.EPISODE).findFirst().orElse(candidates.get(0).item());
                for (int i = 0; i < 3 + random.nextInt(3); i++) {
                    played.add(episode);
                }
            }
            case 2 -> {
                String genre = candidates.get(0).item().genres().get(0);
                candidates.stream().map(Candidate::item).filter(item -> item.genres().contains(genre))
                        .limit(4 + random.nextInt(3)).forEach(played::add);
            }
            default -> candidates.subList(0, 4).forEach(candidate -> played.add(candidate.item()));
        }
        return SessionSoFar.of(played);
    }

    private static Map<String, Instant> lastPlayed(List<Candidate> candidates, LocalDateTime now, Random random) {
        Map<String, Instant> lastPlayed = new HashMap<>();
        for (Candidate candidate : candidates) {
            if (random.nextInt(8) == 0) {
                lastPlayed.put(candidate.itemId(), now.minusDays(random.nextInt(20)).toInstant(ZoneOffset.UTC));
            }
        }
        return lastPlayed;
    }

    private static Tuning tuning(Random random) {
        Tuning base = Tuning.DEFAULTS;
        return new Tuning(base.length(), random.nextBoolean() ? 0 : 60 + random.nextInt(240), base.diversityStrength(),
                random.nextBoolean() ? base.explorationRate() : 0, 2 + random.nextInt(3), 3 + random.nextInt(3),
                base.newArrivalDays(), base.repeatWindowDays(), random.nextInt(4) == 0, base.featuredMax(),
                base.genreCap(), 7 + random.nextInt(8));
    }

    private static Curation curation(List<Candidate> candidates, Random random) {
        Set<String> featured = new HashSet<>();
        Set<String> hidden = new HashSet<>();
        for (Candidate candidate : candidates) {
            int pick = random.nextInt(40);
            if (pick == 0) {
                featured.add(candidate.itemId());
            } else if (pick == 1) {
                hidden.add(candidate.itemId());
            }
        }
        return new Curation(featured, hidden);
    }
}
