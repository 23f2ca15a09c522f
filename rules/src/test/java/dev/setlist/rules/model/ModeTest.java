package dev.setlist.rules.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModeTest {

    @Test
    void parsesLeniently() {
        assertThat(Mode.parse("Late night")).isEqualTo(Mode.LATE_NIGHT);
        assertThat(Mode.parse("movie-night")).isEqualTo(Mode.MOVIE_NIGHT);
        assertThat(Mode.parse(" KIDS ")).isEqualTo(Mode.KIDS);
        assertThat(Mode.LATE_NIGHT.key()).isEqualTo("late_night");
    }

    @Test
    void unknownModesNameTheKnownOnes() {
        assertThatThrownBy(() -> Mode.parse("disco")).hasMessageContaining("disco").hasMessageContaining("workout");
    }
}
