package dev.setlist.rules.scenario;

import java.util.List;

/**
 * One scenario's result.
 *
 * @param name   the scenario's name
 * @param file   its file
 * @param checks one per expectation (plus one when the rules stopped early unexpectedly)
 */
public record ScenarioResult(String name, String file, List<Check> checks) {

    public ScenarioResult {
        checks = List.copyOf(checks);
    }

    public boolean passed() {
        return checks.stream().allMatch(Check::passed);
    }
}
