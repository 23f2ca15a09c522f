package dev.setlist.rules.scenario;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs every shipped scenario against the shipped packs. */
class DefaultScenariosTest {

    @Test
    void everyShippedScenarioPasses() {
        ScenarioReport report = new ScenarioRunner().testDefaults();

        assertThat(report.passed()).as(report.render()).isTrue();
        assertThat(report.results()).hasSize(14);
    }
}
