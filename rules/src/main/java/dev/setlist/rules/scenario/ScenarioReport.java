package dev.setlist.rules.scenario;

import dev.setlist.rules.RuleProblem;

import java.util.List;

/**
 * The report of {@code setlist rules test} or {@code setlist rules check}: problems that kept the
 * rules or scenario files from loading, and one result per scenario run.
 *
 * <p>Immutable; share freely.
 *
 * @param subject      what was tested, for the heading (for example a folder)
 * @param ruleCount    how many rules the book holds (0 when it did not build)
 * @param problems     rule problems at {@code file:line:column}; non-empty means the rules were refused
 * @param fileErrors   scenario files that could not be read, each naming file and field
 * @param results      the scenarios run
 */
public record ScenarioReport(String subject, int ruleCount, List<RuleProblem> problems, List<String> fileErrors,
                             List<ScenarioResult> results) {

    /** Exit code: all good. */
    public static final int OK = 0;
    /** Exit code: some scenario failed. */
    public static final int FAILED = 1;
    /** Exit code: the rules or a scenario file are invalid, or there was nothing to run. */
    public static final int INVALID = 2;

    public ScenarioReport {
        problems = List.copyOf(problems);
        fileErrors = List.copyOf(fileErrors);
        results = List.copyOf(results);
    }

    public long passedCount() {
        return results.stream().filter(ScenarioResult::passed).count();
    }

    public long failedCount() {
        return results.size() - passedCount();
    }

    /** Whether everything loaded and every scenario passed. */
    public boolean passed() {
        return exitCode() == OK;
    }

    /** {@link #OK}, {@link #FAILED} or {@link #INVALID}, for a command's exit status. */
    public int exitCode() {
        if (!problems.isEmpty() || !fileErrors.isEmpty()) {
            return INVALID;
        }
        return failedCount() > 0 ? FAILED : OK;
    }

    /** One line: {@code "12 passed, 1 failed"}, or why nothing ran. */
    public String summary() {
        if (!problems.isEmpty()) {
            return "rules refused: " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s");
        }
        String counts = passedCount() + " passed, " + failedCount() + " failed";
        return fileErrors.isEmpty() ? counts : counts + " (" + fileErrors.size() + " unreadable scenario file"
                + (fileErrors.size() == 1 ? "" : "s") + ")";
    }

    /** The whole report as text for a terminal. */
    public String render() {
        StringBuilder text = new StringBuilder();
        text.append("Rules: ").append(subject);
        if (ruleCount > 0) {
            text.append(" (").append(ruleCount).append(" rules)");
        }
        text.append('\n');
        for (RuleProblem problem : problems) {
            text.append("ERROR ").append(problem).append('\n');
        }
        for (String error : fileErrors) {
            text.append("ERROR ").append(error).append('\n');
        }
        for (ScenarioResult result : results) {
            text.append(result.passed() ? "PASS  " : "FAIL  ").append(result.file()).append("  ").append(result.name())
                    .append('\n');
            if (!result.passed()) {
                for (Check check : result.checks()) {
                    text.append("      ").append(check.passed() ? "ok   " : "FAIL ").append(check.expectation());
                    if (!check.passed()) {
                        text.append(": ").append(check.detail());
                    }
                    text.append('\n');
                }
            }
        }
        text.append(summary()).append('\n');
        return text.toString();
    }
}
