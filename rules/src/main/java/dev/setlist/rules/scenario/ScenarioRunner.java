package dev.setlist.rules.scenario;

import dev.setlist.rules.CompileResult;
import dev.setlist.rules.CompiledRuleBook;
import dev.setlist.rules.RuleBook;
import dev.setlist.rules.RuleCompiler;
import dev.setlist.rules.RuleFile;
import dev.setlist.rules.RuleOutcome;
import dev.setlist.rules.RuleProblem;
import dev.setlist.rules.RuleSources;
import dev.setlist.scorer.sequencing.Playlist;
import dev.setlist.scorer.sequencing.Sequencer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs curator scenarios: the engine behind {@code setlist rules test <folder>} (build the shipped
 * packs plus the folder's rules, run every scenario file in the folder) and
 * {@code setlist rules check <folder>} (build only). Each scenario is evaluated by the rule book and
 * sequenced by the {@link Sequencer}, exactly as a request would be.
 *
 * <p>Thread-safe; share freely.
 */
public final class ScenarioRunner {

    /** Where the shipped scenarios live on the class path, and their index. */
    public static final String SHIPPED_ROOT = "dev/setlist/rules/scenarios/";
    public static final String SHIPPED_INDEX = SHIPPED_ROOT + "scenarios.txt";

    private final RuleCompiler compiler;
    private final Sequencer sequencer;
    private final ScenarioLoader loader = new ScenarioLoader();

    public ScenarioRunner(RuleCompiler compiler, Sequencer sequencer) {
        this.compiler = compiler;
        this.sequencer = sequencer;
    }

    public ScenarioRunner() {
        this(new RuleCompiler(), new Sequencer());
    }

    /** Checks the rules of {@code folder} (with the shipped packs) without running scenarios. */
    public ScenarioReport check(Path folder) {
        List<RuleFile> files;
        try {
            files = RuleSources.readFolder(folder);
        } catch (IOException | UncheckedIOException e) {
            return invalid(folder.toString(), "cannot read the folder: " + e.getMessage());
        }
        if (files.isEmpty()) {
            return invalid(folder.toString(), "no rule files (.drl, .dslr, .dsl, .drl.csv) in " + folder);
        }
        CompileResult result = compiler.compile(RuleSources.defaultsPlus(files), "check");
        return new ScenarioReport("defaults + " + folder, result.ok() ? result.book().ruleNames().size() : 0,
                result.problems(), List.of(), List.of());
    }

    /** Builds the shipped packs plus the rules in {@code folder}, then runs every scenario file in it. */
    public ScenarioReport test(Path folder) {
        List<RuleFile> files;
        List<Path> scenarioFiles;
        try {
            files = RuleSources.readFolder(folder);
            try (Stream<Path> walk = Files.walk(folder)) {
                scenarioFiles = walk.filter(Files::isRegularFile)
                        .filter(path -> ScenarioLoader.isScenarioFile(path.getFileName().toString())).sorted().toList();
            }
        } catch (IOException | UncheckedIOException e) {
            return invalid(folder.toString(), "cannot read the folder: " + e.getMessage());
        }
        if (scenarioFiles.isEmpty()) {
            return invalid(folder.toString(), "no scenario files (.yaml, .yml, .json) in " + folder);
        }
        List<String> fileErrors = new ArrayList<>();
        List<Scenario> scenarios = new ArrayList<>();
        for (Path path : scenarioFiles) {
            String name = folder.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/");
            try {
                scenarios.add(loader.parse(name, Files.readAllBytes(path)));
            } catch (ScenarioFormatException e) {
                fileErrors.add(e.getMessage());
            } catch (IOException e) {
                fileErrors.add(name + ": cannot read: " + e.getMessage());
            }
        }
        return build(RuleSources.defaultsPlus(files), "defaults + " + folder, scenarios, fileErrors);
    }

    /** Runs the shipped scenarios against the shipped packs. */
    public ScenarioReport testDefaults() {
        List<String> fileErrors = new ArrayList<>();
        List<Scenario> scenarios = new ArrayList<>();
        for (String name : readResource(SHIPPED_INDEX).split("\n")) {
            String file = name.strip();
            if (file.isEmpty() || file.startsWith("#")) {
                continue;
            }
            try {
                scenarios.add(loader.parse(file, readResource(SHIPPED_ROOT + file).getBytes(StandardCharsets.UTF_8)));
            } catch (ScenarioFormatException e) {
                fileErrors.add(e.getMessage());
            }
        }
        return build(RuleSources.defaults(), "defaults", scenarios, fileErrors);
    }

    /** Runs {@code scenarios} against a book already built. */
    public ScenarioReport run(RuleBook book, String subject, List<Scenario> scenarios) {
        List<ScenarioResult> results = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            results.add(run(book, scenario));
        }
        int rules = book instanceof CompiledRuleBook compiled ? compiled.ruleNames().size() : 0;
        return new ScenarioReport(subject, rules, List.of(), List.of(), results);
    }

    /** Runs one scenario. */
    public ScenarioResult run(RuleBook book, Scenario scenario) {
        RuleOutcome outcome = book.evaluate(scenario.context(), scenario.tuning(), scenario.candidates(),
                scenario.curation());
        Playlist playlist = sequencer.sequence(outcome.toSequenceRequest());
        ScenarioRun run = new ScenarioRun(outcome, playlist);
        List<Check> checks = new ArrayList<>();
        boolean expectsFailure = scenario.expectations().stream().anyMatch(e -> e instanceof Expectation.Fails);
        if (outcome.failed() && !expectsFailure) {
            checks.add(new Check(false, "the rules run to the end", outcome.failure()));
        }
        for (Expectation expectation : scenario.expectations()) {
            checks.add(expectation.check(run));
        }
        return new ScenarioResult(scenario.name(), scenario.file(), checks, outcome.firedRules());
    }

    private ScenarioReport build(RuleSources sources, String subject, List<Scenario> scenarios, List<String> fileErrors) {
        CompileResult result = compiler.compile(sources, "test");
        if (!result.ok()) {
            return new ScenarioReport(subject, 0, result.problems(), fileErrors, List.of());
        }
        ScenarioReport ran = run(result.book(), subject, scenarios);
        return new ScenarioReport(subject, ran.ruleCount(), List.of(), fileErrors, ran.results());
    }

    private static ScenarioReport invalid(String subject, String message) {
        return new ScenarioReport(subject, 0, List.of(RuleProblem.ofFile("", message)), List.of(), List.of());
    }

    private static String readResource(String name) {
        try (InputStream in = ScenarioRunner.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("shipped scenario resource missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
