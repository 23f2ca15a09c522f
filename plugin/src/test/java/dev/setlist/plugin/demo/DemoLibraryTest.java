package dev.setlist.plugin.demo;

import dev.setlist.plugin.events.EventType;
import dev.setlist.plugin.events.PlaybackEvent;
import dev.setlist.plugin.sim.HouseholdSimulator;
import dev.setlist.plugin.sim.Persona;
import dev.setlist.rules.model.ParentalRatings;
import dev.setlist.scorer.catalog.ItemProfile;
import dev.setlist.scorer.catalog.ItemProfile.ItemKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DemoLibraryTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    @Test
    void hasAtLeastFiveHundredItemsOfEveryKindWithTheirAttributes() {
        List<ItemProfile> items = DemoLibrary.generate(7, NOW).items();

        assertThat(items).hasSizeGreaterThanOrEqualTo(500);
        assertThat(items.stream().map(ItemProfile::kind).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(ItemKind.MOVIE, ItemKind.EPISODE, ItemKind.TRACK);
        assertThat(items).allSatisfy(item -> {
            assertThat(item.genres()).isNotEmpty();
            assertThat(item.tags()).isNotEmpty();
            assertThat(item.runtimeSeconds()).isPositive();
            assertThat(item.year()).isNotNull();
            assertThat(item.id()).matches("[0-9a-f]{32}");
        });
        assertThat(items.stream().filter(i -> i.kind() != ItemKind.TRACK)).allSatisfy(i -> assertThat(i.parentalRating()).isNotNull());
        assertThat(items.stream().filter(i -> i.kind() == ItemKind.EPISODE)).allSatisfy(i -> assertThat(i.seriesId()).isNotNull());
        assertThat(items.stream().filter(i -> i.kind() == ItemKind.TRACK)).allSatisfy(i -> assertThat(i.artist()).isNotNull());
        assertThat(items.stream().map(ItemProfile::id).distinct().count()).isEqualTo(items.size());
        assertThat(items.stream().filter(i -> i.added().isAfter(NOW.minus(Duration.ofDays(7)))).count())
                .as("some new arrivals").isGreaterThan(3);
    }

    @Test
    void theSameSeedGivesTheSameLibraryAndHistory() {
        List<ItemProfile> catalog = DemoLibrary.generate(7, NOW).items();
        assertThat(DemoLibrary.generate(7, NOW).items()).isEqualTo(catalog);
        assertThat(DemoLibrary.generate(8, NOW).items()).isNotEqualTo(catalog);

        DemoHousehold household = DemoHousehold.standard();
        assertThat(household.history(catalog, 3, NOW, ZoneOffset.UTC)).isEqualTo(household.history(catalog, 3, NOW, ZoneOffset.UTC));
    }

    @Test
    void everyoneHasAHistoryAndTheChildPlaysOnlyChildRatedItems() {
        List<ItemProfile> catalog = DemoLibrary.generate(7, NOW).items();
        Map<String, ItemProfile> byId = catalog.stream().collect(Collectors.toMap(ItemProfile::id, Function.identity()));
        DemoHousehold household = DemoHousehold.standard();
        List<PlaybackEvent> history = household.history(catalog, 3, NOW, ZoneOffset.UTC);

        assertThat(household.members()).hasSizeGreaterThanOrEqualTo(4);
        for (Persona member : household.members()) {
            long stops = history.stream()
                    .filter(e -> e.userId().equals(member.accountId()) && e.type() == EventType.PLAYBACK_STOP).count();
            assertThat(stops).as(member.name()).isGreaterThan(20);
        }
        Persona child = household.members().stream().filter(Persona::child).findFirst().orElseThrow();
        assertThat(history.stream().filter(e -> e.userId().equals(child.accountId())).map(e -> byId.get(e.itemId())))
                .allSatisfy(item -> assertThat(item.kind() == ItemKind.TRACK
                        || ParentalRatings.minimumAge(item.parentalRating()) >= 0
                        && ParentalRatings.minimumAge(item.parentalRating()) <= child.parentalCeiling())
                        .as(item.title() + " rated " + item.parentalRating()).isTrue());
        assertThat(history).isSortedAccordingTo(java.util.Comparator.comparing(PlaybackEvent::occurredAt));
        assertThat(history).allSatisfy(e -> assertThat(e.occurredAt()).isBeforeOrEqualTo(NOW));
    }

    @Test
    void aParentAndAChildShareOneAccountAndTheChildsEventsAreTheProfiles() {
        List<ItemProfile> catalog = DemoLibrary.generate(7, NOW).items();
        Map<String, ItemProfile> byId = catalog.stream().collect(Collectors.toMap(ItemProfile::id, Function.identity()));
        DemoHousehold household = DemoHousehold.standard();
        Persona child = household.profiles().stream().filter(Persona::child).findFirst().orElseThrow();
        Persona parent = household.members().stream()
                .filter(p -> !p.child() && !p.sharesAnAccount() && p.accountId().equals(child.accountId()))
                .findFirst().orElseThrow();
        assertThat(household.users()).extracting(u -> u.id()).doesNotHaveDuplicates().contains(parent.accountId());

        List<HouseholdSimulator.Attributed> history = household.attributedHistory(catalog, 3, NOW, ZoneOffset.UTC);
        List<HouseholdSimulator.Attributed> onTheAccount = history.stream()
                .filter(a -> a.event().userId().equals(parent.accountId())).toList();
        List<HouseholdSimulator.Attributed> childs = onTheAccount.stream()
                .filter(a -> child.personId().equals(a.personId())).toList();
        assertThat(childs.stream().filter(a -> a.event().type() == EventType.PLAYBACK_STOP).count())
                .as("the child's plays on the parent's account").isGreaterThan(10);
        assertThat(onTheAccount.stream().filter(a -> a.personId() == null && a.event().type() == EventType.PLAYBACK_STOP)
                .count()).as("the parent's own plays").isGreaterThan(10);
        assertThat(childs).allSatisfy(a -> assertThat(HouseholdSimulator.allowed(child, byId.get(a.event().itemId())))
                .as(byId.get(a.event().itemId()).title()).isTrue());
        assertThat(onTheAccount.stream().filter(a -> a.personId() == null).map(a -> byId.get(a.event().itemId())))
                .as("the parent plays what the child may not").anyMatch(item -> !HouseholdSimulator.allowed(child, item));
    }
}
