package dev.setlist.scorer.content;

import dev.setlist.scorer.catalog.ItemProfile;
import dev.setlist.scorer.data.UserHistory;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.setlist.scorer.content.TestCatalog.movie;
import static dev.setlist.scorer.content.TestCatalog.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ItemFeaturesTest {

    private static final List<ItemProfile> CATALOG = List.of(
            movie("a", List.of("Drama"), List.of("slow burn"), 1994),
            movie("b", List.of("drama", "Crime"), List.of(), 1999),
            movie("c", List.of("Drama"), List.of(), 2003),
            movie("d", List.of("Comedy"), List.of("slow burn"), 2011),
            track("e", "Nina Simone", List.of("Jazz")));
    private static final ItemFeatures FEATURES = ItemFeatures.of(CATALOG, ContentSettings.defaults());

    @Test
    void extractsEachKindOfAttributeCaseInsensitively() {
        assertThat(FEATURES.featureIndex("genre:drama")).isNotNegative();
        assertThat(FEATURES.featureIndex("genre:Drama")).isEqualTo(-1);
        assertThat(FEATURES.featureIndex("tag:slow burn")).isNotNegative();
        assertThat(FEATURES.featureIndex("years:1990")).isNotNegative();
        assertThat(FEATURES.featureIndex("years:2010")).isNotNegative();
        assertThat(FEATURES.featureIndex("artist:nina simone")).isNotNegative();
        assertThat(FEATURES.featureIndex("person:nina simone")).isNotNegative();
        assertThat(FEATURES.featureIndex("kind:track")).isNotNegative();
        // "Drama" and "drama" are one feature: a, b and c share it.
        int drama = FEATURES.featureIndex("genre:drama");
        assertThat(FEATURES.features(1).indices()).contains(drama);
    }

    @Test
    void vectorsHaveUnitLengthAndRareFeaturesWeighMore() {
        for (int item = 0; item < CATALOG.size(); item++) {
            FeatureVector vector = FEATURES.features(item);
            assertThat(vector.dot(vector)).isCloseTo(1.0, within(1e-6));
        }
        // In b, "crime" (one item) outweighs "drama" (three items).
        FeatureVector b = FEATURES.features(1);
        assertThat(valueOf(b, "genre:crime")).isGreaterThan(valueOf(b, "genre:drama"));
    }

    @Test
    void similarityIsCosineOfTheFeatureVectors() {
        assertThat(FEATURES.similarity(0, 0)).isCloseTo(1.0, within(1e-6));
        assertThat(FEATURES.similarity(0, 2)).isGreaterThan(FEATURES.similarity(0, 4));
        assertThat(FEATURES.similarity(2, 4)).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void encodingANewItemDropsFeaturesTheCatalogNeverHad() {
        FeatureVector encoded = FEATURES.encode(movie("new", List.of("Drama", "Western"), List.of(), null));

        assertThat(encoded.indices()).containsExactlyInAnyOrder(FEATURES.featureIndex("kind:movie"),
                FEATURES.featureIndex("genre:drama"));
        assertThat(encoded.dot(encoded)).isCloseTo(1.0, within(1e-6));
        assertThat(ItemFeatures.of(List.of(), ContentSettings.defaults())
                .encode(movie("x", List.of("Drama"), List.of(), 2000))).isEqualTo(FeatureVector.EMPTY);
    }

    @Test
    void similaritiesToAHistoryProfileMatchTheCosineComputedDirectly() {
        UserHistory history = new UserHistory(new int[] {0, 3}, new float[] {2f, 1f});
        float[] profile = FEATURES.profile(history);
        float[] out = new float[CATALOG.size()];
        FEATURES.similarities(profile, out);

        for (int item = 0; item < CATALOG.size(); item++) {
            FeatureVector vector = FEATURES.features(item);
            double expected = 0;
            for (int k = 0; k < vector.size(); k++) {
                expected += vector.values()[k] * profile[vector.indices()[k]];
            }
            assertThat((double) out[item]).isCloseTo(expected, within(1e-6));
        }
        assertThat(out[0]).isGreaterThan(out[4]);
        assertThat(out[4]).isZero();
    }

    @Test
    void similaritiesOfARangeMatchTheWholeCatalogsAndLeaveTheRestAlone() {
        float[] profile = FEATURES.profile(new UserHistory(new int[] {0, 3}, new float[] {2f, 1f}));
        float[] whole = new float[CATALOG.size()];
        FEATURES.similarities(profile, whole);
        float[] part = new float[CATALOG.size()];
        java.util.Arrays.fill(part, -1f);

        FEATURES.similarities(profile, part, 1, CATALOG.size() - 1);

        for (int item = 0; item < CATALOG.size(); item++) {
            boolean inside = item >= 1 && item < CATALOG.size() - 1;
            assertThat(part[item]).as("item %d", item).isEqualTo(inside ? whole[item] : -1f);
        }
    }

    @Test
    void anEmptyHistoryOrUnknownItemsGiveAZeroProfile() {
        assertThat(FEATURES.profile(UserHistory.EMPTY)).containsOnly(0f);
        assertThat(FEATURES.profile(new UserHistory(new int[] {99}, new float[] {1f}))).containsOnly(0f);
        assertThatThrownBy(() -> FEATURES.similarities(new float[1], new float[5]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static float valueOf(FeatureVector vector, String key) {
        int index = FEATURES.featureIndex(key);
        for (int k = 0; k < vector.size(); k++) {
            if (vector.indices()[k] == index) {
                return vector.values()[k];
            }
        }
        throw new AssertionError(key + " not in " + vector);
    }
}
