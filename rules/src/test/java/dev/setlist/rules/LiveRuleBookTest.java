package dev.setlist.rules;

import dev.setlist.rules.model.Mode;
import dev.setlist.rules.model.Tuning;
import dev.setlist.scorer.sequencing.Offer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import static dev.setlist.rules.Fixtures.context;
import static dev.setlist.rules.Fixtures.movie;
import static org.assertj.core.api.Assertions.assertThat;

class LiveRuleBookTest {

    @Test
    void theShippedPacksServeByDefault() {
        try (LiveRuleBook book = new LiveRuleBook(new LiveRuleBook.Settings(null, RuleLimits.DEFAULTS,
                Duration.ofMillis(100), false), new FileVersionStore(versions))) {
            assertThat(book.version()).isEqualTo("defaults");
            assertThat(book.current().ruleNames()).contains("Kids: parental ceiling");
        }
    }

    @Test
    void theShippedPacksServeFromTheirModelAtOnceThenFromTheClassicBuildUnderTheSameLabel() throws Exception {
        try (LiveRuleBook book = new LiveRuleBook(new LiveRuleBook.Settings(rules, RuleLimits.DEFAULTS,
                Duration.ofMillis(100), false), new FileVersionStore(versions))) {
            CompiledRuleBook first = book.current();
            long rebuilds = book.status().rebuilds();
            java.time.Instant since = book.status().servingSince();
            RuleOutcome before = book.evaluate(context(Mode.KIDS), Tuning.DEFAULTS,
                    List.of(movie("r", 0.9, "R", 100, "Action"), movie("f", 0.5, "G", 80, "Family")));

            assertThat(first.releaseId()).startsWith(ShippedModel.RELEASE_PREFIX);
            awaitTrue(() -> !book.current().releaseId().startsWith(ShippedModel.RELEASE_PREFIX));

            assertThat(book.version()).isEqualTo(first.version());
            assertThat(book.status().rebuilds()).isEqualTo(rebuilds);
            assertThat(book.status().servingSince()).isEqualTo(since);
            RuleOutcome after = book.evaluate(context(Mode.KIDS), Tuning.DEFAULTS,
                    List.of(movie("r", 0.9, "R", 100, "Action"), movie("f", 0.5, "G", 80, "Family")));
            assertThat(after.offers()).isEqualTo(before.offers());
            assertThat(after.exclusions()).isEqualTo(before.exclusions());
        }
    }

    @Test
    void aBookPublishedWhileTheClassicBuildRunsIsNotReplaced() throws Exception {
        try (LiveRuleBook book = new LiveRuleBook(new LiveRuleBook.Settings(rules, RuleLimits.DEFAULTS,
                Duration.ofMillis(100), false), new FileVersionStore(versions))) {
            PublishResult published = book.publish(List.of(RuleFile.of("drama.drl", BOOST_DRAMA.formatted(30))),
                    "ada", "drama up");
            assertThat(published.ok()).as(published.problems().toString()).isTrue();
            // The background build of the shipped packs is most likely still running: when it ends, it
            // must not replace the published book with the shipped packs alone.
            long until = System.nanoTime() + Duration.ofSeconds(4).toNanos();
            while (System.nanoTime() < until) {
                assertThat(book.current().ruleNames()).contains("Curator: drama");
                Thread.sleep(25);
            }
            assertThat(book.version()).isEqualTo(published.version().label());
            assertThat(dramaFactor(book)).isEqualTo(1.3);
        }
    }

    private static final String BOOST_DRAMA = """
            package curator
            import dev.setlist.rules.model.*
            rule "Curator: drama"
            when
                $item : Item( hasGenre("Drama") )
            then
                insert(Adjustment.boost($item, %d, "the curator likes drama"));
            end
            """;

    @TempDir
    Path rules;

    @TempDir
    Path versions;

    /**
     * A one-rule base in place of the shipped packs: these tests are about serving, swapping,
     * versions and the folder, and a small base keeps each of their builds fast.
     */
    private static final RuleSources BASE = RuleSources.withBase(List.of(new RuleFile("base.drl", """
            package dev.setlist.rules.model
            rule "Base: hidden never offered"
            when
                $item : Item( hidden )
            then
                insert(Exclusion.of($item, "hidden"));
            end
            """.getBytes(StandardCharsets.UTF_8), true)));

    private LiveRuleBook start(boolean watch) {
        return new LiveRuleBook(new LiveRuleBook.Settings(rules, RuleLimits.DEFAULTS, Duration.ofMillis(100), watch),
                new FileVersionStore(versions), java.time.Clock.systemUTC(), BASE);
    }

    private static double dramaFactor(RuleBook book) {
        return book.evaluate(context(Mode.EVERYDAY), Tuning.DEFAULTS, List.of(movie("d", 0.5, "PG", 90, "Drama")))
                .factorOf("d");
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met in time").isLessThan(deadline);
            Thread.sleep(25);
        }
    }

    private void write(String name, String text) throws Exception {
        Path temporary = rules.resolve("." + name + ".tmp");
        Files.writeString(temporary, text);
        Files.move(temporary, rules.resolve(name), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    void anEmptyFolderServesTheBaseAlone() {
        try (LiveRuleBook book = start(false)) {
            assertThat(book.version()).isEqualTo("defaults");
            assertThat(book.status().upToDate()).isTrue();
            assertThat(book.versions()).isEmpty();
        }
    }

    @Test
    void aSaveGoesLiveABrokenSaveIsRefusedAndTheLastGoodBookKeepsServing() throws Exception {
        write("drama.drl", BOOST_DRAMA.formatted(50));
        try (LiveRuleBook book = start(true)) {
            assertThat(book.version()).isEqualTo("v1");
            assertThat(dramaFactor(book)).isEqualTo(1.5);

            write("drama.drl", BOOST_DRAMA.formatted(50).replace("hasGenre(\"Drama\") )", "hasGenre(\"Drama\" )"));
            awaitTrue(() -> !book.status().upToDate());

            RuleBookStatus status = book.status();
            assertThat(status.version()).isEqualTo("v1");
            assertThat(status.lastProblems()).isNotEmpty()
                    .allSatisfy(problem -> assertThat(problem.file()).isEqualTo("drama.drl"));
            assertThat(status.lastProblems().get(0).line()).isEqualTo(6);
            assertThat(dramaFactor(book)).isEqualTo(1.5);

            write("drama.drl", BOOST_DRAMA.formatted(20));
            awaitTrue(() -> book.version().equals("v2"));

            assertThat(dramaFactor(book)).isEqualTo(1.2);
            assertThat(book.status().upToDate()).isTrue();
            assertThat(book.versions()).extracting(RuleVersion::author).containsExactly("folder", "folder");
            assertThat(book.versions().get(1).message()).contains("drama.drl");
        }
    }

    @Test
    void aFileThatIsNotUtf8NeverGoesLive() throws Exception {
        try (LiveRuleBook book = start(true)) {
            Files.write(rules.resolve("latin1.drl"), "package x\n// caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
            awaitTrue(() -> !book.status().upToDate());

            assertThat(book.version()).isEqualTo("defaults");
            assertThat(book.status().lastProblems().get(0).toString()).startsWith("latin1.drl:2:7: the file is not UTF-8");
        }
    }

    @Test
    void publishAndRollBackToAnyVersion() throws Exception {
        try (LiveRuleBook book = start(false)) {
            PublishResult first = book.publish(List.of(RuleFile.of("drama.drl", BOOST_DRAMA.formatted(50))), "ana",
                    "drama up");
            PublishResult second = book.publish(List.of(RuleFile.of("drama.drl", BOOST_DRAMA.formatted(10))), "ben",
                    "drama a little");
            PublishResult refused = book.publish(List.of(RuleFile.of("drama.drl",
                    BOOST_DRAMA.formatted(90).replace("insert(", "System.exit(0); insert("))), "cy", "oops");

            assertThat(first.ok()).isTrue();
            assertThat(second.version().label()).isEqualTo("v2");
            assertThat(refused.ok()).isFalse();
            assertThat(book.version()).isEqualTo("v2");
            assertThat(dramaFactor(book)).isEqualTo(1.1);

            PublishResult rollback = book.rollback(1, "ana");

            assertThat(rollback.version().number()).isEqualTo(3);
            assertThat(rollback.version().message()).isEqualTo("rollback to v1");
            assertThat(book.version()).isEqualTo("v3");
            assertThat(dramaFactor(book)).isEqualTo(1.5);
            assertThat(Files.readString(rules.resolve("drama.drl"))).isEqualTo(BOOST_DRAMA.formatted(50));
            assertThat(book.versions()).extracting(RuleVersion::author).containsExactly("ana", "ben", "ana");
        }
    }

    @Test
    void aBrokenFolderAtStartServesTheNewestStoredVersion() throws Exception {
        try (LiveRuleBook book = start(false)) {
            book.publish(List.of(RuleFile.of("drama.drl", BOOST_DRAMA.formatted(30))), "ana", "drama");
        }
        write("drama.drl", BOOST_DRAMA.formatted(90).replace("insert(", "Thread.sleep(1); insert("));

        try (LiveRuleBook restarted = start(false)) {
            assertThat(restarted.version()).isEqualTo("v1");
            assertThat(dramaFactor(restarted)).isEqualTo(1.3);
            assertThat(restarted.status().upToDate()).isFalse();
            assertThat(restarted.status().lastProblems().get(0).file()).isEqualTo("drama.drl");
        }
    }

    @Test
    void checkReportsWithoutChangingAnything() {
        try (LiveRuleBook book = start(false)) {
            List<RuleProblem> problems = book.check(List.of(RuleFile.of("x.drl", "package x\nrule \"x\" when then System.gc(); end\n")));

            assertThat(problems).extracting(RuleProblem::toString)
                    .containsExactly("x.drl:2:20: 'System' is not allowed in rules (system and process access)");
            assertThat(book.version()).isEqualTo("defaults");
            assertThat(book.evaluate(context(Mode.EVERYDAY), Tuning.DEFAULTS, List.of(movie("a", 1, "PG", 90)))
                    .offers()).extracting(Offer::itemId).containsExactly("a");
        }
    }
}
