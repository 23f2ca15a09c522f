package dev.setlist.rules.scenario;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ScenarioRunnerTest {

    private static final String CURATOR_RULE = """
            package curator
            import dev.setlist.rules.model.*
            rule "Curator: no westerns"
            when
                $item : Item( hasGenre("Western") )
            then
                insert(Exclusion.of($item, "the curator dislikes westerns"));
            end
            """;

    private static final String SCENARIO = """
            name: Westerns are out
            context: { mode: everyday, time: 2025-03-04T19:00 }
            tuning: { explorationRate: 0 }
            candidates:
              - { id: w, kind: movie, genres: [Western], rating: PG, minutes: 100, score: 0.9 }
              - { id: d, kind: movie, genres: [Drama], rating: PG, minutes: 100, score: 0.5 }
            expect:
              - excluded: w
              - %s
            """;

    @TempDir
    Path folder;

    private final ScenarioRunner runner = new ScenarioRunner();

    @Test
    void aFolderWhoseScenariosPassExitsZero() throws Exception {
        Files.writeString(folder.resolve("westerns.drl"), CURATOR_RULE);
        Files.writeString(folder.resolve("westerns.yaml"), SCENARIO.formatted("first: { genre: Drama }"));

        ScenarioReport report = runner.test(folder);

        assertThat(report.exitCode()).as(report.render()).isEqualTo(ScenarioReport.OK);
        assertThat(report.summary()).isEqualTo("1 passed, 0 failed");
        assertThat(report.render()).contains("PASS  westerns.yaml  Westerns are out");
    }

    @Test
    void aFailingScenarioSaysWhatWasFoundAndExitsOne() throws Exception {
        Files.writeString(folder.resolve("westerns.drl"), CURATOR_RULE);
        Files.writeString(folder.resolve("westerns.yaml"), SCENARIO.formatted("offered: w"));

        ScenarioReport report = runner.test(folder);

        assertThat(report.exitCode()).isEqualTo(ScenarioReport.FAILED);
        assertThat(report.render()).contains("FAIL  westerns.yaml  Westerns are out")
                .contains("FAIL item w is in the playlist: it was excluded by 'Curator: no westerns': "
                        + "the curator dislikes westerns")
                .endsWith("0 passed, 1 failed\n");
    }

    @Test
    void brokenRulesExitTwoWithPositions() throws Exception {
        Files.writeString(folder.resolve("westerns.drl"), CURATOR_RULE.replace("Exclusion.of", "Runtime.getRuntime"));
        Files.writeString(folder.resolve("westerns.yaml"), SCENARIO.formatted("offered: d"));

        ScenarioReport report = runner.test(folder);

        assertThat(report.exitCode()).isEqualTo(ScenarioReport.INVALID);
        assertThat(report.render()).contains("ERROR westerns.drl:7:12: 'Runtime' is not allowed in rules");
    }

    @Test
    void anUnreadableScenarioFileIsReported() throws Exception {
        Files.writeString(folder.resolve("odd.yaml"), "name: x\ncandidates: []\nexpect: []\n");

        ScenarioReport report = runner.test(folder);

        assertThat(report.exitCode()).isEqualTo(ScenarioReport.INVALID);
        assertThat(report.fileErrors()).containsExactly("odd.yaml: candidates: a non-empty list of items is required");
    }

    @Test
    void anEmptyFolderIsReportedForTestAndCheck() {
        assertThat(runner.test(folder).exitCode()).isEqualTo(ScenarioReport.INVALID);
        assertThat(runner.test(folder).render()).contains("no scenario files");
        assertThat(runner.check(folder).exitCode()).isEqualTo(ScenarioReport.INVALID);
        assertThat(runner.check(folder).render()).contains("no rule files");
    }

    @Test
    void checkValidatesWithoutScenarios() throws Exception {
        Files.writeString(folder.resolve("westerns.drl"), CURATOR_RULE);

        ScenarioReport report = runner.check(folder);

        assertThat(report.exitCode()).isEqualTo(ScenarioReport.OK);
        assertThat(report.ruleCount()).isGreaterThan(50);
    }
}
