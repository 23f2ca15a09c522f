package dev.setlist.scorer.sequencing;

import dev.setlist.scorer.catalog.ItemProfile;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.setlist.scorer.sequencing.Items.movie;
import static dev.setlist.scorer.sequencing.Items.offer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CalibrationTest {

    private final Sequencer sequencer = new Sequencer();

    /** Ten science-fiction films scored above ten comedies, for a person who plays both, 70 : 30. */
    private static List<Offer> sciFiFirst() {
        List<Offer> offers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            offers.add(offer(movie("sf" + i, 100, "Science Fiction"), 1.0 - 0.01 * i));
            offers.add(offer(movie("co" + i, 100, "Comedy"), 0.6 - 0.01 * i));
        }
        return offers;
    }

    private static Calibration seventyThirty(double strength) {
        return new Calibration(Map.of("Science Fiction", 7.0, "Comedy", 3.0), strength);
    }

    private Playlist run(List<Offer> offers, Calibration calibration, int length, double diversity) {
        return sequencer.sequence(new SequenceRequest(offers, List.of(), ConstraintKind.DEFAULT_RELAXATION_ORDER,
                length, diversity, calibration));
    }

    private static long comedies(Playlist playlist) {
        return playlist.itemIds().stream().filter(id -> id.startsWith("co")).count();
    }

    @Test
    void withoutCalibrationAPlaylistIsItsPersonsFirstInterestOnly() {
        assertThat(comedies(run(sciFiFirst(), Calibration.NONE, 10, 0))).isZero();
        assertThat(comedies(run(sciFiFirst(), seventyThirty(0), 10, 0))).as("strength 0 is off").isZero();
    }

    @Test
    void calibrationBringsInThePersonsSecondInterestAndMoreOfItAsItGrowsStronger() {
        Playlist half = run(sciFiFirst(), seventyThirty(0.5), 10, 0);
        Playlist strong = run(sciFiFirst(), seventyThirty(0.9), 10, 0);

        assertThat(half.itemIds().get(0)).as("the best item still opens").isEqualTo("sf0");
        assertThat(half.itemIds()).as("the best comedy comes second: a list with no comedy diverges most")
                .startsWith("sf0", "co0");
        assertThat(comedies(strong)).as("stronger, closer to three in ten").isGreaterThan(comedies(half))
                .isLessThanOrEqualTo(3);
        assertThat(strong.itemIds()).as("within a genre, still in score order")
                .containsSubsequence("sf0", "sf1", "sf2", "sf3").containsSubsequence("co0", "co1");
    }

    @Test
    void aWeakCalibrationOnlyBreaksNearTies() {
        List<Offer> offers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            offers.add(offer(movie("sf" + i, 100, "Science Fiction"), 1.0 - 0.01 * i));
            offers.add(offer(movie("co" + i, 100, "Comedy"), 0.01 * i));
        }
        assertThat(comedies(run(offers, seventyThirty(0.01), 10, 0)))
                .as("comedies scored far below are not pulled in by a weak calibration").isZero();
    }

    @Test
    void calibrationWorksBesideDiversityAndConstraints() {
        Playlist playlist = sequencer.sequence(new SequenceRequest(sciFiFirst(),
                List.of(new Constraint.GroupCap(Facet.GENRE, null, 5, "cap")), ConstraintKind.DEFAULT_RELAXATION_ORDER,
                10, 0.3, seventyThirty(0.5)));

        assertThat(playlist.itemIds()).hasSize(10);
        assertThat(comedies(playlist)).as("the cap forces five of each whatever the calibration").isEqualTo(5);
    }

    @Test
    void theTargetIsTheHistorysGenresEachItemSpreadEvenly() {
        Map<ItemProfile, Double> history = new HashMap<>();
        history.put(movie("a", 90, "Drama", "War"), 2.0);
        history.put(movie("b", 90, "drama"), 1.0);
        history.put(movie("c", 90, "Comedy"), 0.0);
        history.put(movie("d", 90), 5.0);

        Calibration calibration = Calibration.of(history, 0.2);

        assertThat(calibration.target()).containsOnlyKeys("drama", "war");
        assertThat(calibration.target().get("drama")).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(calibration.target().get("war")).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(calibration.active()).isTrue();
        assertThat(Calibration.of(Map.of(), 0.2).active()).as("no history, nothing to calibrate to").isFalse();
    }

    @Test
    void theDivergenceIsZeroForAListSpreadAsTheTargetAndLargeForAListMissingAGenre() {
        Calibration calibration = seventyThirty(0.5);

        assertThat(calibration.divergence(Map.of("science fiction", 7.0, "comedy", 3.0), 10)).isCloseTo(0, within(1e-12));
        double missing = calibration.divergence(Map.of("science fiction", 10.0), 10);
        assertThat(missing).as("0.3·ln(0.3 / (0.01·0.3)) + 0.7·ln(0.7 / (0.99 + 0.007))")
                .isCloseTo(0.3 * Math.log(100) + 0.7 * Math.log(0.7 / (0.99 + 0.007)), within(1e-12));
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> new Calibration(Map.of("drama", 1.0), 1.5)).hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> new Calibration(Map.of("drama", -1.0), 0.5)).hasMessageContaining("drama");
        assertThatThrownBy(() -> new Calibration(Map.of("drama", Double.NaN), 0.5)).hasMessageContaining("drama");
    }
}
