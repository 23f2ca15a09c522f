package dev.setlist.rules.model;

import dev.setlist.scorer.candidates.Candidate;
import dev.setlist.scorer.candidates.ScoreParts;
import dev.setlist.scorer.catalog.ItemProfile;
import dev.setlist.scorer.catalog.ItemProfile.ItemKind;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ItemTest {

    @Test
    void flattensACandidateWithWhatTheRequestKnows() {
        LocalDateTime now = LocalDateTime.of(2025, 3, 10, 12, 0);
        ItemProfile profile = new ItemProfile("x", ItemKind.MOVIE, "Heat", List.of("Crime"), List.of("Slow-Burn"),
                List.of(), null, 1995, 170 * 60, null, null, 0, 0, null, null, "R",
                now.minusDays(3).toInstant(ZoneOffset.UTC));
        ListeningContext context = new ListeningContext("u", null, null, now, null, null, null, null,
                Map.of("x", now.minusDays(2).minusHours(1).toInstant(ZoneOffset.UTC)), null);

        Item item = Item.of(new Candidate(profile, 0.8, new ScoreParts(0.5, 0.1, 0.2, 0.3, 0.4), true), context,
                new Curation(Set.of("x"), Set.of()), Tuning.DEFAULTS);

        assertThat(item.daysSinceAdded()).isEqualTo(3);
        assertThat(item.newArrival()).isTrue();
        assertThat(item.daysSinceLastPlayed()).isEqualTo(2);
        assertThat(item.minimumAge()).isEqualTo(17);
        assertThat(item.runtimeMinutes()).isEqualTo(170);
        assertThat(item.featured()).isTrue();
        assertThat(item.hidden()).isFalse();
        assertThat(item.wildcard()).isTrue();
        assertThat(item.taste()).isEqualTo(0.5);
        assertThat(item.hasGenre("crime")).isTrue();
        assertThat(item.hasTag("slow-burn")).isTrue();
        assertThat(item.mentions("hea")).isTrue();
    }

    @Test
    void isANewArrivalWithinTheTuningsWindowInclusive() {
        LocalDateTime now = LocalDateTime.of(2025, 3, 10, 12, 0);
        ListeningContext context = new ListeningContext("u", null, null, now, null, null, null, null, Map.of(), null);
        Candidate fourteenDays = new Candidate(new ItemProfile("x", ItemKind.MOVIE, "Heat", List.of(), List.of(),
                List.of(), null, 1995, 170 * 60, null, null, 0, 0, null, null, "R",
                now.minusDays(14).toInstant(ZoneOffset.UTC)), 0.8, ScoreParts.NONE, false);
        Curation none = new Curation(Set.of(), Set.of());

        assertThat(Tuning.DEFAULTS.newArrivalDays()).isEqualTo(14);
        assertThat(Item.of(fourteenDays, context, none, Tuning.DEFAULTS).newArrival()).isTrue();
        assertThat(Item.of(fourteenDays, context, none, new Tuning(20, 0, 0.3, 0.1, 3, 4, 13, 7, false, 2, 4, 10)).newArrival()).isFalse();
    }

    @Test
    void matchesGenresAndTagsIgnoringCaseOnly() {
        Item item = itemWith(List.of("Science Fiction", "Drama", "Ärger", "\u212Aelvin"), List.of("HIGH-energy", "@home"));

        assertThat(item.hasGenre("science fiction")).isTrue();
        assertThat(item.hasGenre(new String("DRAMA"))).isTrue();
        assertThat(item.hasGenre("ärger")).isTrue();
        // Java's equalsIgnoreCase takes the Kelvin sign for a K: non-ASCII first letters take the full comparison.
        assertThat(item.hasGenre("kelvin")).isTrue();
        assertThat(item.hasGenre("Drams")).isFalse();
        assertThat(item.hasGenre("Dram")).isFalse();
        assertThat(item.hasGenre("Frama")).isFalse();
        assertThat(item.hasGenre("")).isFalse();
        assertThat(item.hasTag("high-Energy")).isTrue();
        assertThat(item.hasTag("`home")).isFalse();
        assertThat(item.hasTag("@HOME")).isTrue();
    }

    @Test
    void hashesByIdConsistentlyWithEquals() {
        Item one = itemWith(List.of("Drama"), List.of());
        Item same = itemWith(List.of("Drama"), List.of());
        Item other = itemWith(List.of("Comedy"), List.of());

        assertThat(one).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(one).isNotEqualTo(other);
        assertThat(one.hashCode()).isEqualTo("x".hashCode());
    }

    private static Item itemWith(List<String> genres, List<String> tags) {
        LocalDateTime now = LocalDateTime.of(2025, 3, 10, 12, 0);
        ItemProfile profile = new ItemProfile("x", ItemKind.MOVIE, "Heat", genres, tags, List.of(), null, 1995,
                170 * 60, null, null, 0, 0, null, null, "R", now.minusDays(3).toInstant(ZoneOffset.UTC));
        ListeningContext context = new ListeningContext("u", null, null, now, null, null, null, null, Map.of(), null);
        return Item.of(new Candidate(profile, 0.8, ScoreParts.NONE, false), context, Curation.NONE, Tuning.DEFAULTS);
    }

    @Test
    void tuningDerivesWildcardSpacing() {
        assertThat(Tuning.DEFAULTS.wildcardEvery()).isEqualTo(10);
        assertThat(Tuning.DEFAULTS.withLength(5).withBudgetMinutes(90).budgetMinutes()).isEqualTo(90);
    }
}
