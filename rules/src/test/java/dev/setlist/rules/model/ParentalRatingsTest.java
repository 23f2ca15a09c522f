package dev.setlist.rules.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ParentalRatingsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "null", value = {
        "G, 0", "PG, 10", "pg-13, 13", "PG 13, 13", "R, 17", "NC-17, 18", "TV-Y, 0", "TV-Y7, 7", "TV-PG, 10",
        "TV-14, 14", "TV-MA, 17", "US-PG-13, 13", "12A, 12", "15, 15", "18+, 18", "FSK-16, 16", "FSK 12, 12",
        "DE-16, 16", "U, 0", "NR, -1", "Unrated, -1", "null, -1", "'', -1"})
    void mapsRatingsToAMinimumAge(String rating, int age) {
        assertThat(ParentalRatings.minimumAge(rating)).isEqualTo(age);
    }
}
