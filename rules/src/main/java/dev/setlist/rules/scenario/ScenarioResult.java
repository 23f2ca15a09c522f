package dev.setlist.rules.scenario;

import java.util.List;

/**
 * One scenario's result.
 *
 * @param name   the scenario's name
 * @param file   its file
 * @param checks one per expectation (plus one when the rules stopped early unexpectedly)
 * @param firedRules the rules that fired, in first-firing order (to see which rules a scenario covers)
 */
public record ScenarioResult(String name, String file, List<Check> checks, List<String> firedRules) {

    public ScenarioResult {
        checks = List.copyOf(checks);
        firedRules = List.copyOf(firedRules);
    }

    public boolean passed() {
        return checks.stream().allMatch(Check::passed);
    }
}
