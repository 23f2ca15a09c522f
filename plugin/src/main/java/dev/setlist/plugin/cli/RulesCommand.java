package dev.setlist.plugin.cli;

import dev.setlist.rules.scenario.ScenarioReport;
import dev.setlist.rules.scenario.ScenarioRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code setlist rules check <folder>} and {@code setlist rules test [<folder>]}: a curator's tools, run
 * without a server. Exit codes: 0 all good, 1 a scenario failed, 2 the rules or the scenario files are invalid.
 */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Check a curator rules folder, or run its scenario files.",
        subcommands = {RulesCommand.Check.class, RulesCommand.Test.class})
final class RulesCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Validate the rules in FOLDER with the shipped packs: allow-list, syntax, positions as file:line:column.")
    static final class Check implements Callable<Integer> {

        @Parameters(paramLabel = "FOLDER", description = "The curator rules folder.")
        Path folder;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return print(spec, new ScenarioRunner().check(folder));
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Build the shipped packs plus the rules in FOLDER and run every scenario file (.yaml, .yml, .json) "
                    + "in it; without FOLDER, run the shipped scenarios against the shipped packs.")
    static final class Test implements Callable<Integer> {

        @Parameters(paramLabel = "FOLDER", arity = "0..1", description = "The curator folder with rules and scenarios.")
        Path folder;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (folder != null && !Files.isDirectory(folder)) {
                spec.commandLine().getErr().println("setlist rules test: no such folder: " + folder);
                return SetlistCommand.EXIT_USAGE;
            }
            ScenarioRunner runner = new ScenarioRunner();
            return print(spec, folder == null ? runner.testDefaults() : runner.test(folder));
        }
    }

    private static int print(CommandSpec spec, ScenarioReport report) {
        spec.commandLine().getOut().println(report.render());
        spec.commandLine().getOut().flush();
        return report.exitCode();
    }
}
