package dev.setlist.plugin.sim.bench;

import dev.setlist.rules.RuleBook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The behaviour benchmarks at reduced size ({@link BehaviourBench.Settings#quick}): every row must show
 * Setlist better than the naive baseline on the same simulated household. The full run is
 * {@code setlist bench behaviours}; its figures are in docs/behaviours.md.
 */
class BehaviourBenchTest {

    private static final long SEED = 42;
    private static RuleBook rules;
    private static List<BehaviourRow> rows;
    private static BehaviourBench bench;

    @BeforeAll
    static void runTheReducedBench() {
        rules = BehaviourBench.defaultRules();
        bench = new BehaviourBench(BehaviourBench.Settings.quick(SEED), rules);
        rows = bench.run();
    }

    private static BehaviourRow row(String behaviour) {
        return rows.stream().filter(row -> row.behaviour().equals(behaviour)).findFirst().orElseThrow();
    }

    private static void assertBetter(String behaviour) {
        BehaviourRow row = row(behaviour);
        assertThat(row.setlistBetter())
                .as("%s: Setlist %s vs baseline %s (%s)", behaviour, row.setlist(), row.baseline(), row.detail())
                .isTrue();
    }

    @Test
    void theSleepyViewerDoesNotTurnIntoADocumentaryFan() {
        assertBetter("Sleepy viewer");
    }

    @Test
    void itIsTheLedgersSleepyViewerDiscountThatKeepsTheNightsOutOfTheTaste() {
        BehaviourBench.Week slept = bench.sleepyWeeks().get(0);
        BehaviourBench.Week control = bench.sleepyWeeks().get(1);
        double moved = BehaviourBench.moved(slept.setlistTaste(), control.setlistTaste());
        double undiscounted = BehaviourBench.moved(slept.undiscountedTaste(), control.undiscountedTaste());
        assertThat(moved).as("the nights move the documentary share of Setlist's taste ranking less with the "
                + "discount (%s) than without it (%s)", moved, undiscounted).isLessThan(undiscounted);
    }

    @Test
    void aBingeIsFollowedByOtherGenres() {
        assertBetter("Binge fatigue");
        assertThat(row("Binge fatigue").setlist()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void pairwiseAnswersTellMoreThanStarsFromSomeoneWhoRatesEverythingHigh() {
        assertBetter("Cold start");
    }

    @Test
    void noOfferedItemBreaksTheActiveMode() {
        assertBetter("Context");
        assertThat(row("Context").setlist()).isZero();
    }

    @Test
    void theHouseholdPlaysWiderGenresAndExplorationAdaptsToThePerson() {
        // Played coverage, and exploration against none, need weeks to part (people exhaust what they like
        // first): the full run shows them (docs/behaviours.md).
        assertBetter("Filter bubble: genres");
        assertBetter("Exploration adapts");
    }

    @Test
    void setlistOffersWiderGenresThanTheBaselineWithAndWithoutExploration() {
        // [played by the household, played per person, offered] per system: Setlist, exploration off, baseline.
        List<Chart.Series> entropy = row("Filter bubble: genres").chart().series();
        double naiveOffered = entropy.get(2).values().get(2);
        assertThat(entropy.get(0).values().get(2)).as("Setlist").isGreaterThan(naiveOffered);
        assertThat(entropy.get(1).values().get(2)).as("Setlist, exploration off").isGreaterThan(naiveOffered);
    }

    @Test
    void profilesKeepTheChildAndTheParentApart() {
        assertBetter("Shared account");
        assertThat(row("Shared account").detail()).contains("Setlist 0 of");
    }

    @Test
    void aBurstOfFakePlaysFromOneAccountBarelyMovesAnyoneElsesRanking() {
        assertBetter("Manipulation");
    }

    @Test
    void aRowWonByLessThanItsRequiredMarginFailsTheRun() {
        BehaviourRow thin = new BehaviourRow("Filter bubble: genres", "bits", BehaviourRow.Better.HIGHER, 4.01, 4.0,
                "", row("Filter bubble: genres").chart());
        assertThat(thin.setlistBetter()).isTrue();
        assertThat(thin.marginMet()).as("any margin").isTrue();
        assertThat(thin.requiring(0.02).marginMet()).as("0.01 bits against 0.02 required").isFalse();
        assertThat(new BehaviourReport(BehaviourBench.Settings.quick(SEED), List.of(thin.requiring(0.02)),
                java.time.Duration.ZERO).allBetter()).isFalse();
        assertThat(BehaviourBench.REQUIRED_MARGINS).as("every row of the run states its margin")
                .containsOnlyKeys(rows.stream().map(BehaviourRow::behaviour).toArray(String[]::new));
    }

    @Test
    void theSameSeedGivesTheSameFigures() {
        BehaviourRow again = new BehaviourBench(BehaviourBench.Settings.quick(SEED), rules).sharedAccount();
        BehaviourRow first = row("Shared account");
        assertThat(again.setlist()).isEqualTo(first.setlist());
        assertThat(again.baseline()).isEqualTo(first.baseline());
        assertThat(again.detail()).isEqualTo(first.detail());
    }
}
