package dev.setlist.scorer.data;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdIndexTest {

    @Test
    void assignsDenseIndicesInOrderOfFirstAppearance() {
        IdIndex index = new IdIndex();

        assertThat(index.add("b")).isZero();
        assertThat(index.add("a")).isEqualTo(1);
        assertThat(index.add("b")).isZero();
        assertThat(index.indexOf("a")).isEqualTo(1);
        assertThat(index.indexOf("missing")).isEqualTo(-1);
        assertThat(index.idAt(1)).isEqualTo("a");
        assertThat(index.ids()).containsExactly("b", "a");
    }

    @Test
    void aFrozenIndexRejectsAdditions() {
        IdIndex frozen = IdIndex.of(List.of("x", "y"));

        assertThat(frozen.freeze()).isSameAs(frozen);
        assertThatThrownBy(() -> frozen.add("z")).isInstanceOf(IllegalStateException.class);
        assertThat(frozen.indexOf("y")).isEqualTo(1);
    }

    @Test
    void rejectsDuplicateAndNullIds() {
        assertThatThrownBy(() -> IdIndex.of(List.of("x", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate id: x");
        assertThatThrownBy(() -> new IdIndex().add(null)).isInstanceOf(NullPointerException.class);
    }
}
