package dev.setlist.scorer.sequencing;

import org.junit.jupiter.api.Test;

import static dev.setlist.scorer.sequencing.Items.episode;
import static dev.setlist.scorer.sequencing.Items.movie;
import static dev.setlist.scorer.sequencing.Items.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ItemSimilarityTest {

    @Test
    void episodesOfOneSeriesAreTheSameThing() {
        assertThat(ItemSimilarity.between(episode("1", "S", 20), episode("2", "S", 20))).isEqualTo(1.0);
    }

    @Test
    void tracksOfOneArtistAreNearlyTheSame() {
        assertThat(ItemSimilarity.between(track("1", "Nina"), track("2", "nina"))).isEqualTo(ItemSimilarity.SAME_ARTIST);
    }

    @Test
    void genreOverlapIsJaccardWeighted() {
        double similarity = ItemSimilarity.between(movie("a", 90, "Drama", "War"), movie("b", 90, "Drama"));
        assertThat(similarity).isCloseTo(0.6 * 0.5, within(1e-9));
        assertThat(ItemSimilarity.between(movie("b", 90, "Drama"), movie("a", 90, "Drama", "War"))).isEqualTo(similarity);
    }

    @Test
    void differentKindsCountHalf() {
        assertThat(ItemSimilarity.between(movie("a", 90, "Drama"), episode("b", "S", 40, "Drama")))
                .isCloseTo(0.3, within(1e-9));
    }

    @Test
    void nothingInCommonIsZero() {
        assertThat(ItemSimilarity.between(movie("a", 90, "Drama"), movie("b", 90, "Comedy"))).isZero();
    }
}
