package dev.setlist.scorer.sequencing;

import dev.setlist.scorer.catalog.ItemProfile.ItemKind;
import dev.setlist.scorer.sequencing.Constraint.DurationBudget;
import dev.setlist.scorer.sequencing.Constraint.GroupCap;
import dev.setlist.scorer.sequencing.Constraint.MinSpacing;
import dev.setlist.scorer.sequencing.Constraint.Opener;
import dev.setlist.scorer.sequencing.Constraint.Pin;
import dev.setlist.scorer.sequencing.Constraint.SetCap;
import dev.setlist.scorer.sequencing.Constraint.WildcardSlots;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.setlist.scorer.sequencing.Items.episode;
import static dev.setlist.scorer.sequencing.Items.movie;
import static dev.setlist.scorer.sequencing.Items.offer;
import static dev.setlist.scorer.sequencing.Items.track;
import static dev.setlist.scorer.sequencing.Items.wildcard;
import static org.assertj.core.api.Assertions.assertThat;

class SequencerTest {

    private final Sequencer sequencer = new Sequencer();

    private Playlist run(List<Offer> offers, List<Constraint> constraints, int length, double diversity) {
        return sequencer.sequence(new SequenceRequest(offers, constraints,
                ConstraintKind.DEFAULT_RELAXATION_ORDER, length, diversity));
    }

    @Test
    void withoutDiversityOrdersByScore() {
        Playlist playlist = run(List.of(offer(movie("a", 90, "Drama"), 0.2), offer(movie("b", 90, "Drama"), 0.9),
                offer(movie("c", 90, "Drama"), 0.5)), List.of(), 10, 0);

        assertThat(playlist.itemIds()).containsExactly("b", "c", "a");
        assertThat(playlist.relaxations()).isEmpty();
    }

    @Test
    void diversityLiftsADifferentGenreOverANearDuplicate() {
        List<Offer> offers = List.of(offer(movie("a", 90, "Drama"), 1.0), offer(movie("b", 90, "Drama"), 0.95),
                offer(movie("c", 90, "Comedy"), 0.8), offer(movie("z", 90, "Drama"), 0.0));

        assertThat(run(offers, List.of(), 3, 0).itemIds()).containsExactly("a", "b", "c");
        assertThat(run(offers, List.of(), 3, 0.5).itemIds()).containsExactly("a", "c", "b");
    }

    @Test
    void genreCapHoldsWhenTheCatalogAllowsIt() {
        List<Offer> offers = List.of(offer(movie("a", 90, "Drama"), 1.0), offer(movie("b", 90, "Drama"), 0.9),
                offer(movie("c", 90, "Drama"), 0.8), offer(movie("d", 90, "Comedy"), 0.1));

        Playlist playlist = run(offers, List.of(new GroupCap(Facet.GENRE, null, 2, "cap")), 3, 0);

        assertThat(playlist.itemIds()).containsExactly("a", "b", "d");
        assertThat(playlist.relaxations()).isEmpty();
    }

    @Test
    void capOnOneGenreLeavesOtherGenresAlone() {
        List<Offer> offers = List.of(offer(movie("a", 90, "Horror"), 1.0), offer(movie("b", 90, "Horror"), 0.9),
                offer(movie("c", 90, "Drama"), 0.8), offer(movie("d", 90, "Drama"), 0.7));

        Playlist playlist = run(offers, List.of(new GroupCap(Facet.GENRE, "horror", 1, "cap")), 3, 0);

        assertThat(playlist.itemIds()).containsExactly("a", "c", "d");
    }

    @Test
    void seriesSpacingKeepsEpisodesApart() {
        List<Offer> offers = List.of(offer(episode("a1", "A", 25), 1.0), offer(episode("a2", "A", 25), 0.9),
                offer(episode("b1", "B", 25), 0.5), offer(episode("a3", "A", 25), 0.4), offer(episode("c1", "C", 25), 0.3));

        Playlist playlist = run(offers, List.of(new MinSpacing(Facet.SERIES, 1, "spacing")), 5, 0);

        assertThat(playlist.itemIds()).containsExactly("a1", "b1", "a2", "c1", "a3");
        assertThat(playlist.relaxations()).isEmpty();
    }

    @Test
    void relaxesInTheStatedOrderAndReportsIt() {
        List<Offer> offers = List.of(offer(episode("a1", "A", 25, "Comedy"), 1.0),
                offer(episode("a2", "A", 25, "Comedy"), 0.9), offer(episode("a3", "A", 25, "Comedy"), 0.8));
        MinSpacing spacing = new MinSpacing(Facet.SERIES, 1, "no series back to back");
        GroupCap cap = new GroupCap(Facet.GENRE, null, 2, "two per genre");

        Playlist playlist = run(offers, List.of(cap, spacing), 3, 0);

        assertThat(playlist.itemIds()).containsExactly("a1", "a2", "a3");
        assertThat(playlist.relaxations()).extracting(Relaxation::constraint).containsExactly(spacing, cap);
        assertThat(playlist.relaxations()).extracting(Relaxation::position).containsExactly(1, 2);
    }

    @Test
    void aKindAbsentFromTheRelaxationOrderIsNeverRelaxed() {
        List<Offer> offers = List.of(offer(movie("a", 90, "Drama"), 1.0), offer(movie("b", 90, "Drama"), 0.9));
        Playlist playlist = sequencer.sequence(new SequenceRequest(offers,
                List.of(new GroupCap(Facet.GENRE, null, 1, "cap")), List.of(), 5, 0));

        assertThat(playlist.itemIds()).containsExactly("a");
        assertThat(playlist.relaxations()).isEmpty();
    }

    @Test
    void pinsTakeTheirPositionAndAreHeldBackUntilThen() {
        List<Offer> offers = List.of(offer(movie("a", 90), 1.0), offer(movie("b", 90), 0.9), offer(movie("c", 90), 0.1));

        Playlist playlist = run(offers, List.of(new Pin("a", 2, "curator pick")), 3, 0);

        assertThat(playlist.itemIds()).containsExactly("b", "c", "a");
        assertThat(playlist.entries().get(2).reasons()).extracting(Reason::source).containsExactly("curator pick");
    }

    @Test
    void aPinOfAMissingItemIsReportedAsRelaxed() {
        Pin pin = new Pin("missing", 0, "curator pick");

        Playlist playlist = run(List.of(offer(movie("a", 90), 1.0)), List.of(pin), 3, 0);

        assertThat(playlist.itemIds()).containsExactly("a");
        assertThat(playlist.relaxations()).extracting(Relaxation::constraint).containsExactly(pin);
    }

    @Test
    void wildcardSlotsGoToWildcards() {
        List<Offer> offers = List.of(offer(movie("a", 90), 1.0), offer(movie("b", 90), 0.9), offer(movie("c", 90), 0.8),
                wildcard(movie("w", 90), 0.1));

        Playlist playlist = run(offers, List.of(new WildcardSlots(2, "exploration")), 4, 0);

        assertThat(playlist.itemIds()).containsExactly("a", "w", "b", "c");
        assertThat(playlist.entries().get(1).reasons()).extracting(Reason::source).containsExactly("exploration");
    }

    @Test
    void durationBudgetEndsThePlaylistInsteadOfOverrunning() {
        List<Offer> offers = List.of(offer(movie("a", 100), 1.0), offer(movie("b", 100), 0.9), offer(movie("c", 20), 0.5),
                offer(movie("d", 40), 0.4));

        Playlist playlist = run(offers, List.of(new DurationBudget(130, "evening")), 10, 0);

        assertThat(playlist.itemIds()).containsExactly("a", "c");
        assertThat(playlist.totalMinutes()).isLessThanOrEqualTo(130);
        assertThat(playlist.relaxations()).isEmpty();
    }

    @Test
    void openerPicksAFeatureThatFits() {
        List<Offer> offers = List.of(offer(episode("e", "S", 25), 1.0), offer(movie("long", 170), 0.9),
                offer(movie("fits", 110), 0.5));

        GroupCap oneFeature = new GroupCap(Facet.KIND, "MOVIE", 1, "one feature");
        Playlist playlist = run(offers, List.of(new Opener(Set.of(ItemKind.MOVIE), 130, "movie night"), oneFeature), 3, 0);

        assertThat(playlist.itemIds()).containsExactly("fits", "e", "long");
        assertThat(playlist.relaxations()).extracting(Relaxation::constraint).containsExactly(oneFeature);
        assertThat(playlist.relaxations().get(0).position()).isEqualTo(2);
    }

    @Test
    void setCapLimitsFeaturedItems() {
        List<Offer> offers = List.of(offer(movie("f1", 90), 1.0), offer(movie("f2", 90), 0.9), offer(movie("f3", 90), 0.8),
                offer(movie("x", 90), 0.1));

        Playlist playlist = run(offers, List.of(new SetCap("featured", Set.of("f1", "f2", "f3"), 1, "featured")), 2, 0);

        assertThat(playlist.itemIds()).containsExactly("f1", "x");
    }

    @Test
    void artistSpacingForMusic() {
        List<Offer> offers = List.of(offer(track("1", "A"), 1.0), offer(track("2", "A"), 0.9), offer(track("3", "A"), 0.8),
                offer(track("4", "B"), 0.3), offer(track("5", "C"), 0.2));

        Playlist playlist = run(offers, List.of(new MinSpacing(Facet.ARTIST, 2, "artist spacing")), 4, 0);

        assertThat(playlist.itemIds()).containsExactly("1", "4", "5", "2");
    }

    @Test
    void emptyInputGivesAnEmptyPlaylist() {
        assertThat(run(List.of(), List.of(new GroupCap(Facet.GENRE, null, 1, "cap")), 5, 0.3).entries()).isEmpty();
    }
}
