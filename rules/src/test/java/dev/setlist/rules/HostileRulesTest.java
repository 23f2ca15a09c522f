package dev.setlist.rules;

import dev.setlist.rules.guard.AllocationMeter;
import dev.setlist.rules.model.Mode;
import dev.setlist.rules.model.Tuning;
import dev.setlist.scorer.sequencing.Offer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import static dev.setlist.rules.Fixtures.context;
import static dev.setlist.rules.Fixtures.movie;
import static dev.setlist.rules.Fixtures.titled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Rules are code written by curators, so they are an attack surface: through the live book (a publish, and a
 * save in the watched folder), a rule that exits the JVM, reads a file, opens a socket, reflects, loops
 * forever or allocates without bound is refused before it serves, or stopped at run time by a limit; either
 * way the book that served before keeps serving.
 */
class HostileRulesTest {

    @TempDir
    Path rules;

    @TempDir
    Path versions;

    /** One small base rule in place of the shipped packs, so each build is quick. */
    private static final RuleSources BASE = RuleSources.withBase(List.of(new RuleFile("base.drl", """
            package dev.setlist.rules.model
            rule "Base: hidden never offered"
            when
                $item : Item( hidden )
            then
                insert(Exclusion.of($item, "hidden"));
            end
            """.getBytes(StandardCharsets.UTF_8), true)));

    private static final String GOOD = """
            package curator
            import dev.setlist.rules.model.*
            rule "Curator: drama"
            when
                $item : Item( hasGenre("Drama") )
            then
                insert(Adjustment.boost($item, 50, "the curator likes drama"));
            end
            """;

    private LiveRuleBook start(RuleLimits limits, boolean watch) {
        LiveRuleBook book = new LiveRuleBook(new LiveRuleBook.Settings(rules, limits, Duration.ofMillis(100), watch),
                new FileVersionStore(versions), java.time.Clock.systemUTC(), BASE);
        PublishResult good = book.publish(List.of(RuleFile.of("curator.drl", GOOD)), "ana", "drama up");
        assertThat(good.ok()).as(good.problems().toString()).isTrue();
        return book;
    }

    /** The good book still serves: version v1, drama boosted by its rule. */
    private static void assertTheGoodBookServes(LiveRuleBook book) {
        assertThat(book.version()).isEqualTo("v1");
        RuleOutcome outcome = book.evaluate(context(Mode.EVERYDAY), Tuning.DEFAULTS, List.of(movie("d", 0.5, "PG", 90, "Drama")));
        assertThat(outcome.failed()).isFalse();
        assertThat(outcome.factorOf("d")).isEqualTo(1.5);
    }

    private static String rule(String consequence) {
        return """
                package curator
                import dev.setlist.rules.model.*
                rule "Curator: hostile"
                when
                    $item : Item( )
                then
                    %s
                end
                """.formatted(consequence);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            System.exit(0);                                                        | 'System' is not allowed
            Runtime.getRuntime().halt(0);                                          | 'Runtime' is not allowed
            java.lang.System.exit(0);                                              | 'java.lang.System.exit' is outside
            new java.io.FileReader("/etc/passwd").read();                          | 'java.io.FileReader' is outside
            String s = java.nio.file.Files.readString(java.nio.file.Path.of("/etc/passwd")); | 'java.nio.file.Files.readString' is outside
            new java.net.Socket("127.0.0.1", 22).getOutputStream().write(1);       | 'java.net.Socket' is outside
            Object o = $item.getClass().getDeclaredFields();                       | 'getClass' is not allowed
            Object o = String.class.getMethods();                                  | 'class' is not allowed
            Object o = Class.forName("java.lang.Runtime");                         | 'Class' is not allowed
            Object o = Thread.currentThread();                                     | 'Thread' is not allowed
            while (true) { }                                                       | 'while' loops are not allowed
            String s = "x".repeat(Integer.MAX_VALUE);                              | 'repeat' is not allowed
            String s = String.format("%0999999999d", 1);                           | 'format' is not allowed
            Object o = new StringBuilder(1000000000);                              | 'StringBuilder' is not allowed
            long[] a = new long[Integer.MAX_VALUE - 8];                            | arrays cannot be created
            drools.halt();                                                         | 'drools' is not allowed
            """)
    void aRuleReachingOutsideItsEvaluationIsRefusedAndTheLastGoodBookKeepsServing(String consequence, String reason) {
        try (LiveRuleBook book = start(RuleLimits.DEFAULTS, false)) {
            PublishResult refused = book.publish(List.of(RuleFile.of("curator.drl", GOOD),
                    RuleFile.of("hostile.drl", rule(consequence))), "mallory", "hostile");

            assertThat(refused.ok()).isFalse();
            assertThat(refused.problems()).extracting(RuleProblem::toString)
                    .anySatisfy(problem -> assertThat(problem).startsWith("hostile.drl:7:").contains(reason));
            assertTheGoodBookServes(book);
            assertThat(book.versions()).hasSize(1);
        }
    }

    /** The pattern constrains the field it modifies, so the modification wakes the rule again (property reactivity). */
    private static final String ENDLESS_MODIFY = """
            package curator
            import dev.setlist.rules.model.*
            declare Counter
                value : int
            end
            rule "Curator: start counting"
            when
                Item( %s )
                not Counter( )
            then
                insert(new Counter(0));
            end
            rule "Curator: count for ever"
            when
                $counter : Counter( value >= 0 )
            then
                modify($counter) { setValue($counter.getValue() + 1) }
            end
            """;

    @Test
    void aModifyWithoutNoLoopOnOrdinaryInputIsRefusedByTheSmokeRun() {
        try (LiveRuleBook book = start(RuleLimits.DEFAULTS, false)) {
            PublishResult refused = book.publish(List.of(RuleFile.of("curator.drl", GOOD),
                    RuleFile.of("loop.drl", ENDLESS_MODIFY.formatted(""))), "mallory", "loops");

            assertThat(refused.ok()).isFalse();
            assertThat(refused.problems().get(0).toString()).contains("firing limit")
                    .contains("'Curator: count for ever'").contains("smoke check");
            assertTheGoodBookServes(book);
        }
    }

    @Test
    void aLoopThatOnlySomeInputTriggersIsStoppedAtTheFiringLimitAndTheNextEvaluationIsWhole() {
        // A generous time limit, so that on a busy machine the firing limit, not the clock, is what stops it.
        try (LiveRuleBook book = start(new RuleLimits(2_000, Duration.ofSeconds(60)), false)) {
            PublishResult live = book.publish(List.of(RuleFile.of("curator.drl", GOOD),
                    RuleFile.of("loop.drl", ENDLESS_MODIFY.formatted("title == \"LOOP\""))), "mallory", "sneaky");
            assertThat(live.ok()).as("the probe never meets the trigger").isTrue();

            RuleOutcome stopped = book.evaluate(context(Mode.KIDS), Tuning.DEFAULTS,
                    List.of(titled("loop", "LOOP", 0.5), movie("adult", 0.9, "R", 90, "Drama")));

            assertThat(stopped.failed()).isTrue();
            assertThat(stopped.failure()).contains("2000 rule firings").contains("'Curator: count for ever'");
            assertThat(stopped.offers()).extracting(Offer::itemId).as("the always-on filters still hold")
                    .containsExactly("loop");
            RuleOutcome next = book.evaluate(context(Mode.EVERYDAY), Tuning.DEFAULTS, List.of(movie("d", 0.5, "PG", 90, "Drama")));
            assertThat(next.failed()).isFalse();
            assertThat(next.factorOf("d")).isEqualTo(1.5);
        }
    }

    private static final String GROWING = """
            package curator
            import dev.setlist.rules.model.*
            declare Ballast
                text : String
            end
            rule "Curator: seed the ballast"
            when
                Item( %s )
            then
                insert(new Ballast("x"));
            end
            rule "Curator: double the ballast"
            when
                $ballast : Ballast( text != null )
            then
                modify($ballast) { setText($ballast.getText() + $ballast.getText()) }
            end
            """;

    /** Small enough that doubling a string gets there in about 23 firings, long before the heap or 10,000 firings. */
    private static final RuleLimits TIGHT_MEMORY = new RuleLimits(10_000, Duration.ofSeconds(30), 16L << 20);

    @Test
    void memoryGrownFiringAfterFiringIsStoppedAtTheAllocationLimit() {
        assumeTrue(AllocationMeter.available(), "this JVM does not count allocation per thread");
        try (LiveRuleBook book = start(TIGHT_MEMORY, false)) {
            PublishResult live = book.publish(List.of(RuleFile.of("curator.drl", GOOD),
                    RuleFile.of("grow.drl", GROWING.formatted("title == \"GROW\""))), "mallory", "ballast");
            assertThat(live.ok()).as(live.problems().toString()).isTrue();

            RuleOutcome stopped = book.evaluate(context(Mode.EVERYDAY), Tuning.DEFAULTS, List.of(titled("grow", "GROW", 0.5)));

            assertThat(stopped.failed()).isTrue();
            assertThat(stopped.failure()).contains("allocation limit").contains("'Curator: double the ballast'");
            assertThat(stopped.firings()).isBetween(10, 60);
            RuleOutcome next = book.evaluate(context(Mode.EVERYDAY), Tuning.DEFAULTS, List.of(movie("d", 0.5, "PG", 90, "Drama")));
            assertThat(next.failed()).isFalse();
            assertThat(next.factorOf("d")).isEqualTo(1.5);

            PublishResult everyInput = book.publish(List.of(RuleFile.of("curator.drl", GOOD),
                    RuleFile.of("grow.drl", GROWING.formatted(""))), "mallory", "ballast everywhere");
            assertThat(everyInput.ok()).isFalse();
            assertThat(everyInput.problems().get(0).toString()).contains("allocation limit").contains("smoke check");
            assertThat(book.version()).isEqualTo("v2");
        }
    }

    @Test
    void hostileSavesInTheWatchedFolderNeverGoLive() throws Exception {
        try (LiveRuleBook book = start(RuleLimits.DEFAULTS, true)) {
            assertTheGoodBookServes(book);

            write("hostile.drl", rule("System.exit(0);"));
            awaitTrue(() -> book.status().refusals() >= 1);
            assertThat(book.status().lastProblems()).extracting(RuleProblem::toString)
                    .anySatisfy(problem -> assertThat(problem).startsWith("hostile.drl:7:5: 'System' is not allowed"));
            assertTheGoodBookServes(book);

            write("hostile.drl", ENDLESS_MODIFY.formatted(""));
            awaitTrue(() -> book.status().refusals() >= 2);
            assertThat(book.status().lastProblems().get(0).toString()).contains("firing limit");
            assertTheGoodBookServes(book);

            write("hostile.drl", rule("Object o = new java.net.Socket(\"127.0.0.1\", 22);"));
            awaitTrue(() -> book.status().refusals() >= 3);
            assertThat(book.status().lastProblems().get(0).toString()).contains("java.net.Socket");
            assertTheGoodBookServes(book);

            Files.delete(rules.resolve("hostile.drl"));
            awaitTrue(() -> book.status().upToDate());
            assertTheGoodBookServes(book);
        }
    }

    private void write(String name, String text) throws Exception {
        Path temporary = rules.resolve("." + name + ".tmp");
        Files.writeString(temporary, text);
        Files.move(temporary, rules.resolve(name), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met in time").isLessThan(deadline);
            Thread.sleep(25);
        }
    }
}
