package dev.setlist.plugin.rulebook;

import dev.setlist.rules.FileVersionStore;
import dev.setlist.rules.LiveRuleBook;
import dev.setlist.rules.PublishResult;
import dev.setlist.rules.RuleLimits;
import dev.setlist.rules.scenario.ScenarioReport;
import dev.setlist.rules.scenario.ScenarioResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bench over a real live book with a curator folder (not watched: publishes write it). */
class RuleWorkbenchTest {

    private static final String INERT = """
            package dev.setlist.rules.model

            rule "Bench: nobody's item"
            when
                $item : Item( title == "nothing" )
            then
                insert(Exclusion.of($item, "test"));
            end
            """;

    @TempDir
    Path temp;
    private LiveRuleBook live;
    private RuleWorkbench bench;

    @BeforeEach
    void start() {
        live = new LiveRuleBook(new LiveRuleBook.Settings(temp.resolve("rules"), RuleLimits.DEFAULTS,
                Duration.ofMillis(50), false), new FileVersionStore(temp.resolve("versions")));
        bench = new RuleWorkbench(live, temp.resolve("rules"));
    }

    @AfterEach
    void stop() {
        live.close();
    }

    @Test
    void aDraftIsLaidOverThePublishedFilesAndADeletedReplacementBringsThePackBack() {
        String business = bench.text("business.drl").orElseThrow().text();
        String edited = business.replace("boost($item, 15,", "boost($item, 20,");
        PublishResult published = bench.publish(new RuleWorkbench.Draft(
                Map.of("business.drl", edited, "inert.drl", INERT), Set.of()), "test", "two files");
        assertThat(published.ok()).isTrue();
        assertThat(bench.files()).filteredOn(file -> file.path().equals("business.drl")).singleElement()
                .satisfies(file -> assertThat(file.shipped() && file.curator()).isTrue());

        // A draft of one new file keeps both published files.
        assertThat(bench.apply(new RuleWorkbench.Draft(Map.of("more.drl", INERT.replace("Bench:", "More:")), Set.of())))
                .extracting(file -> file.path()).containsExactly("business.drl", "inert.drl", "more.drl");

        // Deleting the replacement shows the pack coming back, line by line.
        RuleWorkbench.FileDiff diff = bench.diff(new RuleWorkbench.Draft(Map.of(), Set.of("business.drl"))).get(0);
        assertThat(diff.status()).isEqualTo("changed");
        assertThat(diff.lines()).filteredOn(line -> line.kind() != LineDiff.Kind.KEPT).hasSize(2);

        assertThatThrownBy(() -> bench.apply(new RuleWorkbench.Draft(Map.of(), Set.of("kids.drl"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kids.drl");
    }

    @Test
    void scenarioFilesInTheCuratorFolderRunBesideTheShippedOnes() throws IOException {
        Files.createDirectories(temp.resolve("rules"));
        Files.writeString(temp.resolve("rules/curator-rock.yaml"), """
                name: A curator's own scenario
                tuning: { length: 2, explorationRate: 0 }
                candidates:
                  - { id: anthem, kind: track, artist: Loud, genres: [Rock], minutes: 4, score: 0.5 }
                  - { id: ballad, kind: track, artist: Soft, genres: [Pop], minutes: 4, score: 0.4 }
                expect:
                  - offered: anthem
                """);
        ScenarioReport report = bench.test(RuleWorkbench.Draft.NONE);
        assertThat(report.passed()).as(report.render()).isTrue();
        assertThat(report.results()).extracting(ScenarioResult::file).contains("curator-rock.yaml", "workout.yaml");

        // The curator's scenario fails on a draft that excludes rock; a shipped scenario without rock still passes.
        ScenarioReport broken = bench.test(new RuleWorkbench.Draft(Map.of("no-rock.drl", INERT
                .replace("title == \"nothing\"", "hasGenre(\"Rock\")").replace("Bench: nobody's item", "No rock")), Set.of()));
        assertThat(broken.problems()).as(broken.render()).isEmpty();
        assertThat(broken.results()).filteredOn(result -> !result.passed()).extracting(ScenarioResult::file)
                .contains("curator-rock.yaml").doesNotContain("kids-ceiling.yaml");
    }

    @Test
    void checkingADraftNeverChangesTheBookServing() {
        String before = bench.status().version();
        RuleWorkbench.CheckResult broken = bench.check(new RuleWorkbench.Draft(
                Map.of("inert.drl", INERT.replace("then", "thne")), Set.of()));
        assertThat(broken.ok()).isFalse();
        assertThat(broken.problems()).allSatisfy(problem -> assertThat(problem.file()).isEqualTo("inert.drl"));
        assertThat(bench.check(new RuleWorkbench.Draft(Map.of("inert.drl", INERT), Set.of())).ok()).isTrue();
        assertThat(bench.status().version()).isEqualTo(before);
        assertThat(bench.history()).isEmpty();
        assertThat(bench.published()).isEmpty();
    }
}
