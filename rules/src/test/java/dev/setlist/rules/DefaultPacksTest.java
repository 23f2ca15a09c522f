package dev.setlist.rules;

import dev.setlist.rules.scenario.ScenarioReport;
import dev.setlist.rules.scenario.ScenarioResult;
import dev.setlist.rules.scenario.ScenarioRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped packs: each file on its own, the index, and scenario coverage of every rule. */
class DefaultPacksTest {

    static List<RuleFile> shippedFiles() {
        return RuleSources.defaults().shipped();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shippedFiles")
    void eachShippedFileBuildsOnItsOwn(RuleFile file) {
        List<RuleFile> files = new ArrayList<>();
        files.add(file);
        if (file.format() == RuleFile.Format.DSLR) {
            shippedFiles().stream().filter(f -> f.format() == RuleFile.Format.DSL).forEach(files::add);
        }
        if (file.format() == RuleFile.Format.DSL) {
            // A DSL holds no rules of its own: it is loaded with the shipped files written in it.
            shippedFiles().stream().filter(f -> f.format() == RuleFile.Format.DSLR).forEach(files::add);
        }

        CompileResult result = new RuleCompiler().compile(RuleSources.only(files), file.path());

        assertThat(result.ok()).as(result.report()).isTrue();
        assertThat(result.book().ruleNames()).isNotEmpty();
    }

    @Test
    void theIndexListsEveryShippedRuleFile() throws IOException, URISyntaxException {
        // Found through the index file: the package folder itself also exists among the test classes.
        Path folder = Path.of(getClass().getClassLoader().getResource(RuleSources.DEFAULTS_INDEX).toURI()).getParent();
        Set<String> onDisk = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(Files::isRegularFile).map(path -> folder.relativize(path).toString().replace('\\', '/'))
                    .filter(name -> RuleFile.Format.of(name) != null).forEach(onDisk::add);
        }

        assertThat(onDisk).isNotEmpty();
        assertThat(shippedFiles()).extracting(RuleFile::path).containsExactlyInAnyOrderElementsOf(onDisk);
    }

    @Test
    void everyShippedRuleFiresInSomeShippedScenario() {
        ScenarioReport report = new ScenarioRunner().testDefaults();
        Set<String> fired = new TreeSet<>();
        for (ScenarioResult result : report.results()) {
            fired.addAll(result.firedRules());
        }

        Set<String> silent = new TreeSet<>(Fixtures.defaultBook().ruleNames());
        silent.removeAll(fired);

        assertThat(silent).as("shipped rules no shipped scenario exercises").isEmpty();
    }
}
