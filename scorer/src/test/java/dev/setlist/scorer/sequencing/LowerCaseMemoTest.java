package dev.setlist.scorer.sequencing;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class LowerCaseMemoTest {

    @Test
    void equalNamesGetOneLowerCaseInstanceWhateverTheDefaultLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr"));
        try {
            LowerCaseMemo memo = new LowerCaseMemo();
            String first = memo.of(new String("INDIE Rock"));
            String second = memo.of(new String("INDIE Rock"));

            assertThat(first).isEqualTo("indie rock");
            assertThat(second).isSameAs(first);
            assertThat(memo.of("Indie Rock")).isEqualTo("indie rock").isNotSameAs(first);
        } finally {
            Locale.setDefault(before);
        }
    }
}
