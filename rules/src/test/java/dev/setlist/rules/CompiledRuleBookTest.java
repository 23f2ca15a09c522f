package dev.setlist.rules;

import dev.setlist.rules.model.Adjustment;
import dev.setlist.rules.model.Curation;
import dev.setlist.rules.model.Exclusion;
import dev.setlist.rules.model.ListeningContext;
import dev.setlist.rules.model.Mode;
import dev.setlist.rules.model.Tuning;
import dev.setlist.scorer.candidates.Candidate;
import dev.setlist.scorer.sequencing.Constraint;
import dev.setlist.scorer.sequencing.Offer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.setlist.rules.Fixtures.context;
import static dev.setlist.rules.Fixtures.movie;
import static dev.setlist.rules.Fixtures.titled;
import static org.assertj.core.api.Assertions.assertThat;

class CompiledRuleBookTest {

    /**
     * The shipped packs with the kids and business packs replaced by a curator who tries to undo the
     * always-on filters, plus two rules that pass the smoke check but misbehave on particular items.
     */
    private static CompiledRuleBook hostile;

    @BeforeAll
    static void buildHostileBook() {
        List<RuleFile> curator = List.of(
                RuleFile.of("kids.drl", """
                        package dev.setlist.rules.model
                        rule "Kids: anything goes"
                        when
                            $item : Item( minimumAge >= 17 )
                        then
                            insert(Adjustment.boost($item, 500, "the curator loves thrillers"));
                        end
                        """),
                RuleFile.of("business.drl", "package dev.setlist.rules.model\n"),
                RuleFile.of("traps.drl", """
                        package dev.setlist.rules.model
                        rule "Loops on one title"
                        when
                            $item : Item( title == "LOOP" )
                        then
                            update($item);
                        end
                        rule "Throws on one title"
                        when
                            $item : Item( title == "BOOM" )
                        then
                            insert(Adjustment.boost($item, Integer.parseInt($item.title()), "never"));
                        end
                        rule "Pin the pick"
                        when
                            $item : Item( title == "PICK" )
                        then
                            insert(new PinItem($item.id(), 2, "the curator's pick"));
                            insert(new RelaxationOrder("series spacing, genre cap, nonsense", "our order"));
                        end
                        """));
        CompileResult result = new RuleCompiler().compile(RuleSources.defaults().withCurator(curator), "hostile");
        assertThat(result.ok()).as(result.report()).isTrue();
        hostile = result.book();
    }

    @Test
    void explicitModeIsUsedAsIs() {
        RuleOutcome outcome = Fixtures.defaultBook().evaluate(context(Mode.FOCUS), Tuning.DEFAULTS,
                List.of(movie("a", 0.5, "PG", 90, "Drama")));

        assertThat(outcome.mode()).isEqualTo(new ModeDecision(Mode.FOCUS, true, null, "chosen by the request"));
        assertThat(outcome.failed()).isFalse();
    }

    @Test
    void inferredModeNamesTheRuleThatInferredIt() {
        ListeningContext lateNight = new ListeningContext("u1", null, null,
                java.time.LocalDateTime.of(2025, 3, 8, 23, 30), null, null, null, null, null, null);

        RuleOutcome outcome = Fixtures.defaultBook().evaluate(lateNight, Tuning.DEFAULTS,
                List.of(movie("a", 0.5, "PG", 90, "Drama")));

        assertThat(outcome.mode().mode()).isEqualTo(Mode.LATE_NIGHT);
        assertThat(outcome.mode().explicit()).isFalse();
        assertThat(outcome.mode().rule()).isEqualTo("Resolve mode: strongest vote");
        assertThat(outcome.mode().reason()).contains("23:00");
    }

    @Test
    void outputsCarryTheNameOfTheRuleThatInsertedThem() {
        Candidate featured = movie("f", 0.5, "PG", 90, "Drama");

        RuleOutcome outcome = Fixtures.defaultBook().evaluate(context(null), Tuning.DEFAULTS, List.of(featured),
                new Curation(Set.of("f"), Set.of()));

        assertThat(outcome.adjustments()).extracting(Adjustment::rule).contains("Business: featured");
        Offer offer = outcome.offers().get(0);
        assertThat(offer.candidate().score()).isCloseTo(0.5 * 1.3, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(offer.reasons()).anySatisfy(reason -> {
            assertThat(reason.source()).isEqualTo("Business: featured");
            assertThat(reason.text()).isEqualTo("featured by the curator (boosted ×1.30)");
        });
        assertThat(outcome.constraints()).anySatisfy(constraint -> {
            assertThat(constraint).isInstanceOf(Constraint.SetCap.class);
            assertThat(constraint.source()).isEqualTo("Business: featured at most a few");
        });
    }

    @Test
    void offersComeBestFirstWithTiesInCandidateOrderAndEveryAdjustmentExplained() {
        Candidate first = movie("a", 0.5, "PG", 90, "Drama");
        Candidate intense = movie("x", 0.9, "PG", 120, "Action");
        Candidate second = movie("b", 0.5, "PG", 90, "Drama");
        Candidate featured = movie("f", 0.45, "PG", 90, "Drama");
        Candidate again = movie("a", 0.99, "PG", 90, "Drama");

        RuleOutcome outcome = Fixtures.defaultBook().evaluate(context(Mode.LATE_NIGHT), Tuning.DEFAULTS,
                List.of(first, intense, second, featured, again), new Curation(Set.of("f"), Set.of()));

        // f: 0.45 × 1.30 = 0.585; a and b tie at 0.5 and keep their order; x: 0.9 × 0.60 × 0.70 = 0.378.
        assertThat(outcome.offers()).extracting(Offer::itemId).containsExactly("f", "a", "b", "x");
        assertThat(outcome.offers().get(1).candidate().score()).as("the first 'a' counts, not its repeat")
                .isEqualTo(0.5);
        Offer buried = outcome.offers().get(3);
        assertThat(buried.candidate().score()).isCloseTo(0.9 * 0.6 * 0.7, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(buried.reasons()).extracting(reason -> reason.source() + ": " + reason.text())
                .containsExactlyInAnyOrder(
                        "Late night: no adrenaline: too intense for late at night (buried ×0.60)",
                        "Late night: shorter: long for late at night (buried ×0.70)");
        assertThat(outcome.offers().get(0).reasons()).extracting(reason -> reason.text())
                .containsExactly("featured by the curator (boosted ×1.30)");
    }

    @Test
    void manyOffersAreSortedStablyByTheirAdjustedScore() {
        List<Candidate> candidates = new java.util.ArrayList<>();
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 300; i++) {
            // Few distinct scores: many ties, some of them broken or made by the late-night boosts and burials.
            candidates.add(movie("m" + i, random.nextInt(6) / 5.0, "PG", 60 + random.nextInt(80),
                    random.nextBoolean() ? "Jazz" : "Action"));
        }

        RuleOutcome outcome = Fixtures.defaultBook().evaluate(context(Mode.LATE_NIGHT), Tuning.DEFAULTS, candidates);

        List<Offer> expected = new java.util.ArrayList<>(outcome.offers());
        expected.sort(java.util.Comparator.comparingInt((Offer offer) -> Integer.parseInt(offer.itemId().substring(1))));
        expected.sort((a, b) -> Double.compare(b.candidate().score(), a.candidate().score()));
        assertThat(outcome.offers()).hasSize(300).containsExactlyElementsOf(expected);
        assertThat(outcome.adjustments()).isNotEmpty();
    }

    @Test
    void aReusedSessionCarriesNothingOverAndAStoppedOneIsNotReused() {
        CompiledRuleBook book = hostile.relabel("reuse");
        List<Candidate> kids = List.of(movie("adult", 0.9, "R", 90, "Drama"), movie("family", 0.5, "G", 90, "Family"));
        RuleOutcome first = book.evaluate(context(Mode.KIDS), Tuning.DEFAULTS, kids, Curation.NONE);
        int idle = book.idleSessions();
        assertThat(idle).isPositive();

        RuleOutcome other = book.evaluate(context(Mode.LATE_NIGHT), Tuning.DEFAULTS,
                List.of(movie("calm", 0.4, "PG", 90, "Jazz")), new Curation(Set.of("calm"), Set.of()));
        RuleOutcome stopped = book.withLimits(new RuleLimits(50, Duration.ofSeconds(60))).evaluate(context(null),
                Tuning.DEFAULTS, List.of(titled("loop", "LOOP", 0.5)), Curation.NONE);
        // The stopped evaluation took the idle session and disposed of it instead of keeping it.
        assertThat(book.idleSessions()).as("idle sessions after a stopped evaluation").isEqualTo(idle - 1);
        RuleOutcome again = book.evaluate(context(Mode.KIDS), Tuning.DEFAULTS, kids, Curation.NONE);

        assertThat(other.offers()).extracting(Offer::itemId).containsExactly("calm");
        assertThat(stopped.failed()).isTrue();
        assertThat(book.idleSessions()).isEqualTo(idle);
        assertThat(again.offers()).isEqualTo(first.offers());
        assertThat(again.exclusions()).isEqualTo(first.exclusions());
        assertThat(again.adjustments()).isEqualTo(first.adjustments());
        assertThat(again.constraints()).isEqualTo(first.constraints());
        assertThat(again.firedRules()).isEqualTo(first.firedRules());
        assertThat(again.firings()).isEqualTo(first.firings());
    }

    @Test
    void spacingConstraintsComeWithTheFirstEpisodeOrTrackAmongTheCandidates() {
        Candidate episode = new Candidate(new dev.setlist.scorer.catalog.ItemProfile("e",
                dev.setlist.scorer.catalog.ItemProfile.ItemKind.EPISODE, "Pilot", List.of("Drama"), List.of(),
                List.of(), null, 2020, 40 * 60, "s", "Series", 1, 1, null, null, "TV-PG", java.time.Instant.EPOCH),
                0.5, dev.setlist.scorer.candidates.ScoreParts.NONE, false);
        Candidate track = new Candidate(new dev.setlist.scorer.catalog.ItemProfile("t",
                dev.setlist.scorer.catalog.ItemProfile.ItemKind.TRACK, "Song", List.of("Rock"), List.of(),
                List.of(), null, 2020, 4 * 60, null, null, 0, 0, "Band", "Album", null, java.time.Instant.EPOCH),
                0.5, dev.setlist.scorer.candidates.ScoreParts.NONE, false);
        Candidate film = movie("m", 0.5, "PG", 90, "Drama");
        CompiledRuleBook book = Fixtures.defaultBook();

        assertThat(spacings(book.evaluate(context(null), Tuning.DEFAULTS, List.of(film, film)))).isEmpty();
        assertThat(spacings(book.evaluate(context(null), Tuning.DEFAULTS, List.of(film, episode))))
                .containsExactly("SERIES 1 Diversity: no series back to back");
        assertThat(spacings(book.evaluate(context(null), Tuning.DEFAULTS, List.of(track, film, track, episode))))
                .containsExactlyInAnyOrder("SERIES 1 Diversity: no series back to back",
                        "ARTIST 3 Diversity: artist spacing");
    }

    private static List<String> spacings(RuleOutcome outcome) {
        return outcome.constraints().stream().filter(Constraint.MinSpacing.class::isInstance)
                .map(Constraint.MinSpacing.class::cast)
                .map(spacing -> spacing.facet() + " " + spacing.gap() + " " + spacing.source()).toList();
    }

    @Test
    void aBoostRaisesANegativeScoreToo() {
        RuleOutcome outcome = Fixtures.defaultBook().evaluate(context(null), Tuning.DEFAULTS,
                List.of(movie("f", -0.5, "PG", 90, "Drama")), new Curation(Set.of("f"), Set.of()));

        assertThat(outcome.offers().get(0).candidate().score()).isGreaterThan(-0.5);
    }

    @Test
    void theKidsCeilingHoldsEvenWhenTheCuratorReplacesTheKidsPack() {
        RuleOutcome outcome = hostile.evaluate(context(Mode.KIDS), Tuning.DEFAULTS,
                List.of(movie("thriller", 0.9, "R", 120, "Thriller"), movie("cartoon", 0.3, "G", 80, "Animation"),
                        movie("unrated", 0.8, null, 80, "Documentary")));

        assertThat(outcome.offers()).extracting(Offer::itemId).containsExactly("cartoon");
        assertThat(outcome.exclusions()).extracting(Exclusion::itemId, Exclusion::rule).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("thriller", CompiledRuleBook.ALWAYS_ON),
                org.assertj.core.groups.Tuple.tuple("unrated", CompiledRuleBook.ALWAYS_ON));
    }

    @Test
    void aProfileCeilingHoldsInEveryMode() {
        ListeningContext teen = new ListeningContext("u1", null, Mode.EVERYDAY, Fixtures.TUESDAY_EVENING, null, null,
                null, 13, null, null);

        RuleOutcome outcome = hostile.evaluate(teen, Tuning.DEFAULTS,
                List.of(movie("r", 0.9, "R", 120, "Thriller"), movie("pg13", 0.3, "PG-13", 80, "Comedy")));

        assertThat(outcome.offers()).extracting(Offer::itemId).containsExactly("pg13");
    }

    @Test
    void aChildsCeilingKeepsUnratedFilmsOutInEveryModeATeensDoesNot() {
        List<dev.setlist.scorer.candidates.Candidate> candidates = List.of(movie("unrated", 0.9, null, 90, "Drama"),
                movie("pg", 0.3, "PG", 80, "Comedy"));
        ListeningContext child = new ListeningContext("u1", null, Mode.FOCUS, Fixtures.TUESDAY_EVENING, null, null,
                null, CompiledRuleBook.CHILD_CEILING, null, null);
        ListeningContext teen = new ListeningContext("u1", null, Mode.FOCUS, Fixtures.TUESDAY_EVENING, null, null,
                null, CompiledRuleBook.CHILD_CEILING + 1, null, null);

        RuleOutcome forChild = hostile.evaluate(child, Tuning.DEFAULTS, candidates);
        assertThat(forChild.offers()).extracting(Offer::itemId).containsExactly("pg");
        assertThat(forChild.exclusions()).singleElement().satisfies(exclusion -> {
            assertThat(exclusion.rule()).isEqualTo(CompiledRuleBook.ALWAYS_ON);
            assertThat(exclusion.reason()).contains("a child's profile");
        });
        assertThat(hostile.evaluate(teen, Tuning.DEFAULTS, candidates).offers()).extracting(Offer::itemId)
                .containsExactly("unrated", "pg");
    }

    @Test
    void hiddenItemsStayOutEvenWhenTheCuratorReplacesTheBusinessPack() {
        RuleOutcome outcome = hostile.evaluate(context(null), Tuning.DEFAULTS,
                List.of(movie("secret", 0.9, "PG", 90, "Drama"), movie("open", 0.1, "PG", 90, "Drama")),
                new Curation(Set.of(), Set.of("secret")));

        assertThat(outcome.offers()).extracting(Offer::itemId).containsExactly("open");
        assertThat(outcome.exclusions()).singleElement().extracting(Exclusion::rule).isEqualTo(CompiledRuleBook.ALWAYS_ON);
    }

    @Test
    void aRuleThatLoopsOnSomeInputIsStoppedAtTheFiringLimit() {
        CompiledRuleBook patient = hostile.withLimits(new RuleLimits(500, Duration.ofSeconds(60)));

        RuleOutcome outcome = patient.evaluate(context(Mode.KIDS), Tuning.DEFAULTS,
                List.of(titled("loop", "LOOP", 0.5), movie("adult", 0.9, "R", 90, "Drama")));

        assertThat(outcome.failed()).isTrue();
        assertThat(outcome.failure()).contains("500 rule firings").contains("'Loops on one title'");
        assertThat(outcome.firings()).isEqualTo(500);
        assertThat(outcome.offers()).extracting(Offer::itemId).containsExactly("loop");
        assertThat(outcome.exclusions()).extracting(Exclusion::itemId).containsExactly("adult");
    }

    @Test
    void anExceptionInAConsequenceIsCaughtAndReported() {
        RuleOutcome outcome = hostile.evaluate(context(null), Tuning.DEFAULTS, List.of(titled("boom", "BOOM", 0.5)));

        assertThat(outcome.failed()).isTrue();
        assertThat(outcome.failure()).isEqualTo(
                "rule 'Throws on one title' failed: NumberFormatException: For input string: \"BOOM\"");
        assertThat(outcome.offers()).extracting(Offer::itemId).containsExactly("boom");
        assertThat(outcome.adjustments()).isEmpty();
    }

    @Test
    void constraintFactsMapOntoSequencingConstraints() {
        RuleOutcome outcome = hostile.evaluate(context(Mode.MOVIE_NIGHT), Tuning.DEFAULTS.withBudgetMinutes(200),
                List.of(titled("pick", "PICK", 0.5), movie("film", 0.9, "PG", 110, "Drama")));

        assertThat(outcome.constraints()).contains(new Constraint.Pin("pick", 1, "Pin the pick"),
                new Constraint.DurationBudget(200, "Request: duration budget"),
                new Constraint.GroupCap(dev.setlist.scorer.sequencing.Facet.KIND, "MOVIE", 1,
                        "Movie night: open with one feature that fits"),
                new Constraint.Opener(Set.of(dev.setlist.scorer.catalog.ItemProfile.ItemKind.MOVIE), 200,
                        "Movie night: open with one feature that fits"));
        assertThat(outcome.relaxationOrder()).containsExactly(
                dev.setlist.scorer.sequencing.ConstraintKind.SERIES_SPACING,
                dev.setlist.scorer.sequencing.ConstraintKind.GENRE_CAP);
        assertThat(outcome.notes()).singleElement().asString().contains("'nonsense'").contains("Pin the pick");
    }

    @Test
    void theTimeLimitStopsAnEvaluation() {
        CompiledRuleBook impatient = Fixtures.defaultBook().withLimits(new RuleLimits(20_000, Duration.ofNanos(1)));

        RuleOutcome outcome = impatient.evaluate(context(null), Tuning.DEFAULTS, List.of(movie("a", 0.5, "PG", 90)));

        assertThat(outcome.failed()).isTrue();
        assertThat(outcome.failure()).contains("time limit");
    }

    @Test
    void itemsFromTheCandidatesFactAreExactlyTheInsertedItems() {
        // One curator rule per form: the plain pattern and the gated one must pick the same items, in the same order.
        CompileResult result = new RuleCompiler().compile(RuleSources.only(List.of(RuleFile.of("forms.drl", """
                package dev.setlist.rules.model
                rule "Plain"
                when
                    ActiveMode( mode == Mode.FOCUS )
                    $item : Item( runtimeMinutes > 85 )
                then
                    insert(Adjustment.boost($item, 10, "plain"));
                end
                rule "Gated"
                when
                    ActiveMode( mode == Mode.FOCUS )
                    Candidates( $candidates : items )
                    $item : Item( runtimeMinutes > 85 ) from $candidates
                then
                    insert(Adjustment.boost($item, 10, "gated"));
                end
                rule "Every candidate once"
                when
                    Candidates( $candidates : items )
                then
                    insert(new GenreCap(null, $candidates.size(), "one per candidate"));
                end
                """))), "forms");
        assertThat(result.ok()).as(result.report()).isTrue();
        List<Candidate> candidates = List.of(movie("short", 0.9, "PG", 80, "Drama"), movie("long", 0.8, "R", 120),
                movie("long", 0.1, "G", 95), movie("mid", 0.7, "G", 90), movie("tiny", 0.6, "G", 30));

        RuleOutcome focus = result.book().evaluate(context(Mode.FOCUS), Tuning.DEFAULTS, candidates);
        RuleOutcome workout = result.book().evaluate(context(Mode.WORKOUT), Tuning.DEFAULTS, candidates);

        List<String> plain = focus.adjustments().stream().filter(a -> a.rule().equals("Plain"))
                .map(Adjustment::itemId).sorted().toList();
        List<String> gated = focus.adjustments().stream().filter(a -> a.rule().equals("Gated"))
                .map(Adjustment::itemId).sorted().toList();
        assertThat(plain).containsExactly("long", "mid");
        assertThat(gated).isEqualTo(plain);
        // A repeated id is one candidate (the first), in the list as in working memory.
        assertThat(focus.constraints()).containsExactly(
                new Constraint.GroupCap(dev.setlist.scorer.sequencing.Facet.GENRE, null, 4, "Every candidate once"));
        assertThat(workout.adjustments()).isEmpty();
    }

    @Test
    void concurrentEvaluationsAgree() throws Exception {
        CompiledRuleBook book = Fixtures.defaultBook();
        List<Candidate> candidates = List.of(movie("a", 0.9, "PG", 90, "Drama"), movie("b", 0.8, "R", 100, "Action"),
                movie("c", 0.7, "G", 80, "Animation"));
        RuleOutcome expected = book.evaluate(context(Mode.KIDS), Tuning.DEFAULTS, candidates);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<RuleOutcome>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                futures.add(pool.submit(() -> book.evaluate(context(Mode.KIDS), Tuning.DEFAULTS, candidates)));
            }
            for (Future<RuleOutcome> future : futures) {
                RuleOutcome outcome = future.get();
                assertThat(outcome.offers()).isEqualTo(expected.offers());
                assertThat(outcome.exclusions()).isEqualTo(expected.exclusions());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
