package dev.setlist.scorer.als;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlsSettingsTest {

    @Test
    void defaultsAreValidAndWithersChangeOneField() {
        AlsSettings defaults = AlsSettings.defaults();
        AlsSettings changed = defaults.withFactors(8).withSeed(7).withSolver(AlsSettings.Solver.EXACT);

        assertThat(changed.factors()).isEqualTo(8);
        assertThat(changed.seed()).isEqualTo(7);
        assertThat(changed.solver()).isEqualTo(AlsSettings.Solver.EXACT);
        assertThat(changed.withFactors(defaults.factors()).withSeed(defaults.seed())
                .withSolver(defaults.solver())).isEqualTo(defaults);
    }

    @Test
    void everyFieldIsValidatedWithItsName() {
        AlsSettings d = AlsSettings.defaults();
        assertRejected(() -> d.withFactors(0), "factors");
        assertRejected(() -> d.withRegularization(0), "regularization");
        assertRejected(() -> d.withRegularization(Double.NaN), "regularization");
        assertRejected(() -> d.withAlpha(-1), "alpha");
        assertRejected(() -> d.withAlpha(Double.POSITIVE_INFINITY), "alpha");
        assertRejected(() -> d.withUnobservedWeight(0), "unobservedWeight");
        assertRejected(() -> d.withUnobservedWeight(1.5), "unobservedWeight");
        assertRejected(() -> d.withRegularizationExponent(-0.5), "regularizationExponent");
        assertRejected(() -> d.withIterations(0), "iterations");
        assertRejected(() -> d.withCgSteps(0), "cgSteps");
        assertRejected(() -> d.withInitStd(0), "initStd");
        assertRejected(() -> d.withThreads(-1), "threads");
        assertThatThrownBy(() -> d.withSolver(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void rowRegularizationScalesWithFrequency() {
        AlsSettings settings = AlsSettings.defaults().withRegularization(0.5).withUnobservedWeight(0.1);

        assertThat(settings.withRegularizationExponent(0).rowRegularization(10, 1000)).isEqualTo(0.5);
        assertThat(settings.withRegularizationExponent(1).rowRegularization(10, 1000)).isEqualTo(0.5 * 110, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void zeroThreadsMeansOnePerProcessor() {
        assertThat(AlsSettings.defaults().withThreads(0).effectiveThreads())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(AlsSettings.defaults().withThreads(3).effectiveThreads()).isEqualTo(3);
    }

    private static void assertRejected(Runnable change, String field) {
        assertThatThrownBy(change::run).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(field);
    }
}
