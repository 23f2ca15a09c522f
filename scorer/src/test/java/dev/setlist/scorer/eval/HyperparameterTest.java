package dev.setlist.scorer.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HyperparameterTest {

    @Test
    void formatsValuesAsAPersonWouldWriteThem() {
        assertThat(new Hyperparameter("k", 100).toString()).isEqualTo("k=100");
        assertThat(new Hyperparameter("alpha", 0.5).toString()).isEqualTo("alpha=0.5");
        assertThat(new Hyperparameter("lambda", 0.012345678).toString()).isEqualTo("lambda=0.01235");
        assertThat(new Hyperparameter("tiny", 3e-7).toString()).isEqualTo("tiny=3e-07");
        assertThat(Hyperparameter.describe(List.of())).isEqualTo("-");
        assertThat(Hyperparameter.describe(List.of(new Hyperparameter("a", 1), new Hyperparameter("b", 2.5))))
                .isEqualTo("a=1 b=2.5");
    }

    @Test
    void refusesNonFiniteValues() {
        assertThatThrownBy(() -> new Hyperparameter("x", Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
