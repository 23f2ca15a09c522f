package dev.setlist.plugin.sim;

import dev.setlist.plugin.demo.DemoLibrary;
import dev.setlist.plugin.events.EventType;
import dev.setlist.plugin.events.PlaybackEvent;
import dev.setlist.plugin.signals.Evidence;
import dev.setlist.plugin.signals.InteractionLedger;
import dev.setlist.plugin.signals.SignalSettings;
import dev.setlist.plugin.sim.PlayRecord.Manner;
import dev.setlist.plugin.store.EventLog;
import dev.setlist.rules.model.ParentalRatings;
import dev.setlist.scorer.catalog.ItemProfile;
import dev.setlist.scorer.catalog.ItemProfile.ItemKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class HouseholdSimulatorTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final LocalDate FIRST = LocalDate.of(2026, 10, 29);
    private static final List<ItemProfile> CATALOG = DemoLibrary.generate(11, NOW).items();
    private static final Map<String, ItemProfile> BY_ID = CATALOG.stream()
            .collect(Collectors.toMap(ItemProfile::id, Function.identity()));

    private static HouseholdSimulator simulator(Household household, long seed) {
        return new HouseholdSimulator(household, CATALOG, seed, ZoneOffset.UTC);
    }

    @Test
    void theSameSeedGivesTheSameEventsAndAnotherSeedOthers() {
        List<PlaybackEvent> first = simulator(Household.standard(), 5).history(FIRST, 10, NOW);
        List<PlaybackEvent> again = simulator(Household.standard(), 5).history(FIRST, 10, NOW);
        List<PlaybackEvent> other = simulator(Household.standard(), 6).history(FIRST, 10, NOW);

        assertThat(first).hasSizeGreaterThan(200).isEqualTo(again);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void aPersonAsleepNeitherPausesNorSeeksNorRatesAndTheLedgerDiscountsTheChain() {
        HouseholdSimulator simulator = simulator(Household.standard(), 5);
        List<PlaybackEvent> events = simulator.history(FIRST, 14, NOW);
        Persona jordan = simulator.household().person("jordan");
        List<PlayRecord> asleep = simulator.plays().stream().filter(p -> p.manner() == Manner.ASLEEP).toList();
        assertThat(asleep).as("Jordan falls asleep most nights").hasSizeGreaterThan(20)
                .allSatisfy(play -> assertThat(play.persona()).isEqualTo(jordan));

        Map<String, List<PlaybackEvent>> jordansByItem = events.stream()
                .filter(e -> e.userId().equals(jordan.accountId()))
                .collect(Collectors.groupingBy(PlaybackEvent::itemId));
        for (PlayRecord play : asleep) {
            List<PlaybackEvent> during = jordansByItem.get(play.item().id()).stream()
                    .filter(e -> !e.occurredAt().isBefore(play.started()))
                    .takeWhile(e -> e.type() != EventType.PLAYBACK_START || e.occurredAt().equals(play.started()))
                    .toList();
            assertThat(during).as("events of " + play.item().title()).isNotEmpty();
            double position = -1;
            Instant at = null;
            for (PlaybackEvent event : during) {
                assertThat(event.type()).as("no rating while asleep").isNotEqualTo(EventType.USER_DATA_SAVED);
                if (event.type() == EventType.PLAYBACK_STOP) {
                    assertThat(event.playedToCompletion()).isTrue();
                    break;
                }
                assertThat(event.paused()).as("no pause while asleep").isFalse();
                assertThat(event.positionSeconds()).as("no seek while asleep: position only grows").isGreaterThanOrEqualTo(position);
                if (at != null) {
                    double elapsed = (event.occurredAt().toEpochMilli() - at.toEpochMilli()) / 1000.0;
                    assertThat(event.positionSeconds() - position).as("no skipping ahead either")
                            .isLessThanOrEqualTo(elapsed + 1);
                }
                position = event.positionSeconds();
                at = event.occurredAt();
            }
        }

        InteractionLedger ledger = new InteractionLedger(SignalSettings.defaults(ZoneOffset.UTC));
        long seq = 0;
        for (PlaybackEvent event : events) {
            ledger.apply(new EventLog.StoredEvent(++seq, event.occurredAt(), "sim", event));
        }
        long discounted = ledger.snapshot(jordan.accountId()).values().stream()
                .filter(i -> i.evidence().stream().flatMap(e -> e.discounts().stream())
                        .anyMatch(d -> d.kind() == Evidence.Discount.Kind.SLEEPY_VIEWER))
                .count();
        assertThat(discounted).as("the ledger sees the autoplay chains as a sleepy viewer's").isGreaterThan(10);
        Map<String, InteractionLedger.Interaction> jordans = ledger.snapshot(jordan.accountId());
        Map<LocalDate, List<PlayRecord>> nights = asleep.stream().collect(Collectors.groupingBy(
                p -> LocalDate.ofInstant(p.started().minus(Duration.ofHours(12)), ZoneOffset.UTC)));
        int longChains = 0;
        for (List<PlayRecord> night : nights.values()) {
            if (night.size() <= SignalSettings.defaults().sleepyFreeItems()) {
                continue;
            }
            longChains++;
            for (PlayRecord play : night) {
                assertThat(jordans.get(play.item().id()).evidence().stream()
                        .filter(e -> !e.at().isBefore(play.started())).findFirst().orElseThrow().discounts())
                        .as("every play of a long asleep chain is discounted, the first too: %s", play.item().title())
                        .anyMatch(d -> d.kind() == Evidence.Discount.Kind.SLEEPY_VIEWER);
            }
        }
        assertThat(longChains).as("nights with more than the free items asleep").isGreaterThan(5);
    }

    @Test
    void awakePeopleDoPauseAndGoBackSometimes() {
        HouseholdSimulator simulator = simulator(Household.standard(), 5);
        List<PlaybackEvent> events = simulator.history(FIRST, 14, NOW);

        assertThat(events).anyMatch(e -> Boolean.TRUE.equals(e.paused()));
        assertThat(events).anyMatch(e -> Boolean.TRUE.equals(e.muted()));
        assertThat(events).anyMatch(e -> e.type() == EventType.USER_DATA_SAVED);
        assertThat(simulator.plays()).anyMatch(p -> p.manner() == Manner.SKIPPED);
        assertThat(simulator.plays()).anyMatch(p -> p.manner() == Manner.ABANDONED);
    }

    @Test
    void theRateEverythingHighPersonNeverRatesBelowEight() {
        HouseholdSimulator simulator = simulator(Household.standard(), 5);
        Persona sam = simulator.household().person("sam");
        List<PlaybackEvent> ratings = simulator.history(FIRST, 14, NOW).stream()
                .filter(e -> e.type() == EventType.USER_DATA_SAVED && e.userId().equals(sam.accountId())).toList();

        assertThat(ratings).hasSizeGreaterThan(5).allSatisfy(e -> assertThat(e.userData().rating()).isGreaterThanOrEqualTo(8));
    }

    @Test
    void aChildNeverPlaysAnAdultRatedItemEvenWhenOfferedOnlyThoseOnASharedAccount() {
        Household shared = Household.standard().sharing("robin", "sam");
        Persona robin = shared.person("robin");
        List<ItemProfile> adultOnly = CATALOG.stream()
                .filter(item -> item.kind() != ItemKind.TRACK && !HouseholdSimulator.allowed(robin, item)).toList();
        List<String> told = new ArrayList<>();
        List<PlaybackEvent> events = new ArrayList<>();
        SimulatedSystem hostile = new SimulatedSystem() {
            @Override
            public void deliver(PlaybackEvent event) {
                events.add(event);
            }

            @Override
            public List<Offer> offer(Persona persona, OfferRequest request) {
                return adultOnly.stream().limit(request.length()).map(item -> new Offer(item, false)).toList();
            }

            @Override
            public void sittingDown(Persona persona, Instant at) {
                told.add(persona.key());
            }
        };
        HouseholdSimulator simulator = simulator(shared, 9);
        simulator.run(hostile, FIRST, 10);

        List<PlayRecord> robinsPlays = simulator.plays().stream().filter(p -> p.persona().equals(robin)).toList();
        assertThat(robinsPlays).hasSizeGreaterThan(10).allSatisfy(play -> {
            int age = ParentalRatings.minimumAge(play.item().parentalRating());
            assertThat(play.item().kind() == ItemKind.TRACK || (age >= 0 && age <= robin.parentalCeiling()))
                    .as(play.item().title() + " rated " + play.item().parentalRating()).isTrue();
        });
        assertThat(robin.accountId()).isEqualTo(shared.person("sam").accountId());
        assertThat(told).contains("robin", "sam");
        assertThat(events).allSatisfy(e -> assertThat(BY_ID).containsKey(e.itemId()));
    }

    @Test
    void inAClosedLoopPeoplePlayWhatTheyLikeFromTheOffersAndPassOverTheRest() {
        Household household = Household.standard();
        Persona alex = household.person("alex");
        List<ItemProfile> films = CATALOG.stream().filter(item -> item.kind() == ItemKind.MOVIE).toList();
        Map<Persona, List<ItemProfile>> byTaste = household.people().stream().collect(Collectors.toMap(
                Function.identity(), persona -> films.stream()
                        .sorted(java.util.Comparator.comparingDouble(persona.taste()::utility)).toList()));
        SimulatedSystem offering = new SimulatedSystem() {
            @Override
            public void deliver(PlaybackEvent event) {
            }

            @Override
            public List<Offer> offer(Persona persona, OfferRequest request) {
                // Alternating: the film the person likes least, then the one they like most.
                List<ItemProfile> ranked = byTaste.get(persona);
                List<Offer> offers = new ArrayList<>();
                for (int k = 0; k < request.length(); k++) {
                    offers.add(new Offer(ranked.get(k), false));
                    offers.add(new Offer(ranked.get(ranked.size() - 1 - k), false));
                }
                return offers;
            }
        };
        HouseholdSimulator simulator = simulator(household, 3);
        simulator.run(offering, FIRST, 20);

        List<PlayRecord> attended = simulator.plays().stream()
                .filter(p -> p.persona().equals(alex) && p.offered() && p.attended()).toList();
        assertThat(attended).hasSizeGreaterThan(5);
        double meanUtility = attended.stream().mapToDouble(p -> alex.taste().utility(p.item())).average().orElseThrow();
        double catalogMean = films.stream().mapToDouble(f -> alex.taste().utility(f)).average().orElseThrow();
        assertThat(meanUtility).isGreaterThan(catalogMean + 0.2);
    }
}
