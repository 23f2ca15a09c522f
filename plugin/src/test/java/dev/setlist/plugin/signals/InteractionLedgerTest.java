package dev.setlist.plugin.signals;

import dev.setlist.plugin.events.EventType;
import dev.setlist.plugin.events.PlaybackEvent;
import dev.setlist.plugin.events.PlaybackEvent.ItemFacts;
import dev.setlist.plugin.events.PlaybackEvent.UserDataFacts;
import dev.setlist.plugin.signals.Evidence.Discount;
import dev.setlist.plugin.signals.InteractionLedger.Interaction;
import dev.setlist.plugin.store.EventLog;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class InteractionLedgerTest {

    private static final String USER = "u1";
    private static final long TICKS = PlaybackEvent.TICKS_PER_SECOND;
    private static final long HOUR_TICKS = 3600 * TICKS;
    private static final Instant EVENING = Instant.parse("2026-11-28T20:00:00Z");
    private static final Instant LATE = Instant.parse("2026-11-28T23:30:00Z");
    private static final Instant AFTERNOON = Instant.parse("2026-11-28T14:00:00Z");
    private static final SignalSettings SETTINGS = SignalSettings.defaults(ZoneOffset.UTC);

    private InteractionLedger ledger = new InteractionLedger(SETTINGS);
    private final List<EventLog.StoredEvent> applied = new ArrayList<>();
    private long seq;

    private void apply(PlaybackEvent event) {
        EventLog.StoredEvent stored = new EventLog.StoredEvent(++seq, event.occurredAt(), "test", event);
        applied.add(stored);
        ledger.apply(stored);
    }

    private static ItemFacts movie() {
        return new ItemFacts("x", "Movie", HOUR_TICKS, null, List.of(), null, null, null, null, null, null);
    }

    private static ItemFacts episode(long runtimeSeconds) {
        return new ItemFacts("ep", "Episode", runtimeSeconds * TICKS, 2011, List.of("Drama"), "series", "Series", 1, 1,
                null, null);
    }

    private static PlaybackEvent playback(EventType type, Instant at, String item, ItemFacts facts, long positionSeconds,
                                          boolean paused, boolean automated, Boolean completed, Boolean muted) {
        return new PlaybackEvent(type, at, USER, "Alex", item, facts, positionSeconds * TICKS,
                type == EventType.PLAYBACK_STOP ? null : paused, type == EventType.PLAYBACK_STOP ? null : automated,
                completed, "session-1", "Living Room TV", "Jellyfin Android TV", null, muted);
    }

    private void stop(String item, Long position, Boolean completed) {
        apply(new PlaybackEvent(EventType.PLAYBACK_STOP, EVENING.plusSeconds(seq), USER, null, item, movie(), position,
                false, false, completed, null, null, null, null));
    }

    private void userData(String item, UserDataFacts data) {
        apply(new PlaybackEvent(EventType.USER_DATA_SAVED, EVENING.plusSeconds(seq), USER, null, item, movie(), null,
                null, null, null, null, null, null, data));
    }

    /**
     * Plays an episode the way Jellyfin reports it: a start, an automated progress tick a second, and
     * a stop with PlayedToCompletion (position reset to 0, as the server does). Returns when it ended.
     */
    private Instant playThrough(String item, Instant start, long runtimeSeconds, boolean pauseOnce) {
        ItemFacts facts = episode(runtimeSeconds);
        apply(playback(EventType.PLAYBACK_START, start, item, facts, 0, false, false, null, null));
        Instant at = start;
        for (long second = 1; second <= runtimeSeconds; second += 60) {
            at = start.plusSeconds(second);
            apply(playback(EventType.PLAYBACK_PROGRESS, at, item, facts, second, false, true, null, null));
            if (pauseOnce && second == 61) {
                apply(playback(EventType.PLAYBACK_PROGRESS, at.plusMillis(500), item, facts, second, true, false, null,
                        null));
                start = start.plusSeconds(120);
            }
        }
        Instant end = start.plusSeconds(runtimeSeconds);
        apply(playback(EventType.PLAYBACK_STOP, end, item, facts, 0, false, false, true, null));
        return end;
    }

    @Test
    void peopleComeOutInOrderOfIdWhateverOrderTheyArrivedIn() {
        // The trainer numbers people in this order; an order salted per JVM made the same events train different
        // models from run to run. Sixty people: a hash order that happens to be sorted is out of the question.
        List<String> arrival = new ArrayList<>();
        for (int person = 59; person >= 0; person--) {
            arrival.add(String.format(java.util.Locale.ROOT, "%08x-user", person * 2654435761L & 0xffffffffL));
        }
        for (String person : arrival) {
            apply(new PlaybackEvent(EventType.PLAYBACK_STOP, EVENING.plusSeconds(seq), person, null, "a", movie(), 0L,
                    false, false, true, null, null, null, null));
        }
        assertThat(ledger.users()).containsExactlyElementsOf(arrival.stream().sorted().toList());
    }

    @Test
    void aFinishedItemWeighsItsKindsWeightAndIsExcluded() {
        stop("a", 0L, true);
        assertThat(ledger.snapshot(USER).get("a").weight()).isEqualTo(1.0);
        assertThat(ledger.snapshot(USER).get("a").evidence()).extracting(Evidence::kind)
                .containsExactly(Evidence.Kind.FINISHED);
        assertThat(ledger.excluded(USER)).containsExactly("a");
    }

    @Test
    void aPartialWatchWeighsItsFractionAndASkipNothing() {
        stop("half", HOUR_TICKS / 2, false);
        stop("skip", HOUR_TICKS / 20, false);
        stop("unknown", null, false);
        assertThat(ledger.snapshot(USER).get("half").weight()).isCloseTo(0.5, within(1e-9));
        assertThat(ledger.snapshot(USER).get("skip").weight()).isZero();
        assertThat(ledger.snapshot(USER).get("skip").skips()).isEqualTo(1);
        assertThat(ledger.snapshot(USER)).doesNotContainKey("unknown");
        assertThat(ledger.positives(USER)).extracting(Interaction::itemId).containsExactly("half");
        assertThat(ledger.excluded(USER)).isEmpty();
    }

    @Test
    void aViewingWithTicksAndAPauseIsOneInteractionWeighedByHowFarItGot() {
        ItemFacts facts = episode(3120);
        Instant start = EVENING;
        apply(playback(EventType.PLAYBACK_START, start, "ep", facts, 0, false, false, null, null));
        for (int second = 1; second <= 30; second++) {
            apply(playback(EventType.PLAYBACK_PROGRESS, start.plusSeconds(second), "ep", facts, second, false, true, null,
                    null));
        }
        apply(playback(EventType.PLAYBACK_PROGRESS, start.plusSeconds(31), "ep", facts, 30, true, false, null, null));
        Instant stoppedAt = start.plusSeconds(31 + 300 + 1872 - 30);
        apply(playback(EventType.PLAYBACK_STOP, stoppedAt, "ep", facts, 1872, false, false, false, null));

        Interaction interaction = ledger.snapshot(USER).get("ep");
        assertThat(interaction.plays()).isEqualTo(1);
        assertThat(interaction.finished()).isFalse();
        assertThat(interaction.weight()).isCloseTo(0.6 * SETTINGS.episodeWeight(), within(1e-9));
        assertThat(interaction.evidence()).singleElement().satisfies(evidence -> {
            assertThat(evidence.kind()).isEqualTo(Evidence.Kind.ABANDONED);
            assertThat(evidence.discounts()).isEmpty();
            assertThat(evidence.note()).contains("60%");
        });
    }

    @Test
    void automatedTicksAloneChangeNoWeight() {
        ItemFacts facts = episode(3120);
        apply(playback(EventType.PLAYBACK_START, EVENING, "ep", facts, 0, false, false, null, null));
        for (int second = 1; second <= 600; second++) {
            apply(playback(EventType.PLAYBACK_PROGRESS, EVENING.plusSeconds(second), "ep", facts, second, false, true,
                    null, null));
        }
        assertThat(ledger.snapshot(USER)).isEmpty();
        assertThat(ledger.appliedEvents()).isEqualTo(601);
    }

    @Test
    void aLateNightAutoplayChainWithNoInteractionCountsNothingByDefault() {
        Instant at = LATE;
        for (int episode = 1; episode <= 5; episode++) {
            at = playThrough("ep" + episode, at, 2400, false).plusSeconds(8);
        }
        assertThat(weights("ep1", "ep2", "ep3", "ep4", "ep5"))
                .as("past the two free items, the chain says nobody was watching, from the first on")
                .containsOnly(0.0);
        Evidence fifth = ledger.snapshot(USER).get("ep5").evidence().get(0);
        assertThat(fifth.discounts()).singleElement().satisfies(discount -> {
            assertThat(discount.kind()).isEqualTo(Discount.Kind.SLEEPY_VIEWER);
            assertThat(discount.reason()).contains("item 5").contains("late at night");
        });
        Evidence first = ledger.snapshot(USER).get("ep1").evidence().get(0);
        assertThat(first.discounts()).singleElement().satisfies(discount -> {
            assertThat(discount.kind()).isEqualTo(Discount.Kind.SLEEPY_VIEWER);
            assertThat(discount.reason()).contains("item 1").contains("went on past 2 items");
        });
    }

    @Test
    void aConfiguredDecayCountsTheChainLessAndLess() {
        SignalSettings s = SETTINGS;
        ledger = new InteractionLedger(new SignalSettings(s.completeFraction(), s.skipFraction(), s.skipSeconds(),
                s.movieWeight(), s.episodeWeight(), s.trackWeight(), s.otherWeight(), s.rewatchBonus(),
                s.seekBackSeconds(), s.seekBackBonus(), s.seekAheadRatio(), s.favouriteWeight(), s.likeWeight(),
                s.importWeight(), s.autoplayGap(), s.lateNightStart(), s.lateNightEnd(), s.sleepyFreeItems(), 0.5,
                s.mutedFactor(), s.zone(), s.evidenceLimit()));
        Instant at = LATE;
        for (int episode = 1; episode <= 5; episode++) {
            at = playThrough("ep" + episode, at, 2400, false).plusSeconds(8);
        }
        double full = SETTINGS.episodeWeight();
        assertThat(weights("ep1", "ep2", "ep3", "ep4", "ep5"))
                .containsExactly(full * 0.5, full * 0.5, full * 0.5, full * 0.25, full * 0.125);
    }

    @Test
    void aChainBegunLateAtNightStaysDiscountedWhenAutoplayCarriesItPastTheWindow() {
        Instant at = LATE.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1).atTime(3, 0).toInstant(ZoneOffset.UTC);
        for (int episode = 1; episode <= 4; episode++) {
            at = playThrough("ep" + episode, at, 2400, false).plusSeconds(8);
        }
        assertThat(at).as("the chain ended after 05:00").isAfter(at.atZone(ZoneOffset.UTC).toLocalDate().atTime(5, 0)
                .toInstant(ZoneOffset.UTC));
        assertThat(weights("ep1", "ep2", "ep3", "ep4")).containsOnly(0.0);
    }

    @Test
    void aLateNightChainThatStopsWithinTheFreeItemsCountsInFull() {
        Instant at = LATE;
        for (int episode = 1; episode <= 2; episode++) {
            at = playThrough("ep" + episode, at, 2400, false).plusSeconds(8);
        }
        playThrough("later", at.plus(Duration.ofMinutes(10)), 2400, false);
        double full = SETTINGS.episodeWeight();
        assertThat(weights("ep1", "ep2", "later")).as("two items and a new start: no evidence of sleep").containsOnly(full);
    }

    @Test
    void theSameChainInTheAfternoonIsNotDiscounted() {
        Instant at = AFTERNOON;
        for (int episode = 1; episode <= 5; episode++) {
            at = playThrough("ep" + episode, at, 2400, false).plusSeconds(8);
        }
        double full = SETTINGS.episodeWeight();
        assertThat(weights("ep1", "ep2", "ep3", "ep4", "ep5")).containsOnly(full);
    }

    @Test
    void aPauseProvesSomeoneIsAwakeAndRestartsTheChain() {
        Instant at = LATE;
        for (int episode = 1; episode <= 5; episode++) {
            at = playThrough("ep" + episode, at, 2400, episode == 3).plusSeconds(8);
        }
        double full = SETTINGS.episodeWeight();
        assertThat(weights("ep1", "ep2", "ep3", "ep4", "ep5"))
                .as("awake at the pause; the chain after it goes past two items, so it counts nothing, its first item too")
                .containsExactly(full, full, full, 0.0, 0.0);
    }

    @Test
    void aLongGapBetweenItemsIsNotAutoplay() {
        Instant at = LATE;
        for (int episode = 1; episode <= 4; episode++) {
            at = playThrough("ep" + episode, at, 1200, false).plus(Duration.ofMinutes(5));
        }
        assertThat(weights("ep1", "ep2", "ep3", "ep4")).containsOnly(SETTINGS.episodeWeight());
    }

    @Test
    void skippingAheadThroughMostOfAnItemIsDiscounted() {
        ItemFacts facts = episode(3000);
        apply(playback(EventType.PLAYBACK_START, EVENING, "ep", facts, 0, false, false, null, null));
        for (int second = 1; second <= 300; second++) {
            apply(playback(EventType.PLAYBACK_PROGRESS, EVENING.plusSeconds(second), "ep", facts, second, false, true,
                    null, null));
        }
        apply(playback(EventType.PLAYBACK_PROGRESS, EVENING.plusSeconds(301), "ep", facts, 2700, false, false, null,
                null));
        apply(playback(EventType.PLAYBACK_STOP, EVENING.plusSeconds(305), "ep", facts, 2704, false, false, false, null));

        Interaction interaction = ledger.snapshot(USER).get("ep");
        Evidence evidence = interaction.evidence().get(0);
        assertThat(evidence.discounts()).extracting(Discount::kind).containsExactly(Discount.Kind.SKIPPED_AHEAD);
        assertThat(interaction.weight()).isLessThan(evidence.baseWeight() * 0.2);
    }

    @Test
    void goingBackAndWatchingAgainCountMore() {
        ItemFacts facts = episode(600);
        apply(playback(EventType.PLAYBACK_START, EVENING, "ep", facts, 0, false, false, null, null));
        apply(playback(EventType.PLAYBACK_PROGRESS, EVENING.plusSeconds(300), "ep", facts, 300, false, false, null, null));
        apply(playback(EventType.PLAYBACK_PROGRESS, EVENING.plusSeconds(301), "ep", facts, 200, false, false, null, null));
        apply(playback(EventType.PLAYBACK_STOP, EVENING.plusSeconds(700), "ep", facts, 0, false, false, true, null));
        double full = SETTINGS.episodeWeight();
        assertThat(ledger.snapshot(USER).get("ep").weight()).isCloseTo(full * (1 + SETTINGS.seekBackBonus()), within(1e-9));

        playThrough("ep", EVENING.plus(Duration.ofDays(2)), 600, false);
        Interaction twice = ledger.snapshot(USER).get("ep");
        assertThat(twice.plays()).isEqualTo(2);
        assertThat(twice.evidence()).extracting(Evidence::kind)
                .containsExactly(Evidence.Kind.FINISHED, Evidence.Kind.REWATCHED);
        assertThat(twice.weight()).isCloseTo(full * (1 + SETTINGS.seekBackBonus()) + full * (1 + SETTINGS.rewatchBonus()),
                within(1e-9));
    }

    @Test
    void aMutedPlayCountsLittle() {
        ItemFacts facts = episode(600);
        apply(playback(EventType.PLAYBACK_START, EVENING, "ep", facts, 0, false, false, null, true));
        for (int second = 1; second <= 10; second++) {
            apply(playback(EventType.PLAYBACK_PROGRESS, EVENING.plusSeconds(second * 60L), "ep", facts, second * 60L,
                    false, true, null, true));
        }
        apply(playback(EventType.PLAYBACK_STOP, EVENING.plusSeconds(601), "ep", facts, 0, false, false, true, null));
        Interaction interaction = ledger.snapshot(USER).get("ep");
        assertThat(interaction.weight()).isCloseTo(SETTINGS.episodeWeight() * SETTINGS.mutedFactor(), within(1e-9));
        assertThat(interaction.evidence().get(0).discounts()).extracting(Discount::kind)
                .containsExactly(Discount.Kind.MUTED);
    }

    @Test
    void aFavouriteCountsWhileItLastsAndADislikeClearsTheItem() {
        userData("fav", new UserDataFacts("UpdateUserRating", true, null, null, null, null));
        userData("fav", new UserDataFacts("PlaybackProgress", true, null, null, null, null));
        assertThat(ledger.snapshot(USER).get("fav").weight()).isEqualTo(2.0);
        userData("fav", new UserDataFacts("UpdateUserRating", false, null, null, null, null));
        assertThat(ledger.snapshot(USER).get("fav").weight()).isZero();
        assertThat(ledger.snapshot(USER).get("fav").favourite()).isFalse();

        stop("meh", 0L, true);
        userData("meh", new UserDataFacts("UpdateUserRating", null, false, 1.0, null, null));
        assertThat(ledger.snapshot(USER).get("meh").weight()).isZero();
        assertThat(ledger.snapshot(USER).get("meh").disliked()).isTrue();
        assertThat(ledger.excluded(USER)).contains("meh");
    }

    @Test
    void aFavouriteOnAnUnratedItemIsNotADislike() {
        // Jellyfin sends Likes=false and Rating=0 when there is no rating at all (CONTRACT.md §2.2).
        stop("film", 0L, true);
        userData("film", new UserDataFacts("UpdateUserRating", true, false, 0.0, true, 1));
        Interaction interaction = ledger.snapshot(USER).get("film");
        assertThat(interaction.disliked()).isFalse();
        assertThat(interaction.favourite()).isTrue();
        assertThat(interaction.weight()).isEqualTo(1.0 + SETTINGS.favouriteWeight());

        userData("film", new UserDataFacts("UpdateUserRating", true, true, 10.0, true, 1));
        assertThat(ledger.snapshot(USER).get("film").liked()).isTrue();
        userData("film", new UserDataFacts("UpdateUserRating", true, false, 0.0, true, 1));
        assertThat(ledger.snapshot(USER).get("film").liked()).isFalse();
        assertThat(ledger.snapshot(USER).get("film").evidence()).extracting(Evidence::kind)
                .containsExactly(Evidence.Kind.FINISHED, Evidence.Kind.FAVOURITE, Evidence.Kind.LIKED,
                        Evidence.Kind.RATING_CLEARED);
    }

    @Test
    void importedHistoryCountsPlaysAndFavourites() {
        userData("old", new UserDataFacts("Import", true, false, 0.0, true, 3));
        Interaction interaction = ledger.snapshot(USER).get("old");
        assertThat(interaction.finished()).isTrue();
        assertThat(interaction.plays()).isEqualTo(3);
        assertThat(interaction.weight()).isCloseTo(
                SETTINGS.importWeight() * (1 + 2 * SETTINGS.rewatchBonus()) + SETTINGS.favouriteWeight(), within(1e-9));
        userData("old", new UserDataFacts("Import", true, false, 0.0, true, 3));
        assertThat(ledger.snapshot(USER).get("old").plays()).as("an import counts once").isEqualTo(3);
    }

    @Test
    void replayingTheSameEventsGivesTheSameLedger() {
        Instant at = LATE;
        for (int episode = 1; episode <= 3; episode++) {
            at = playThrough("ep" + episode, at, 1200, false).plusSeconds(5);
        }
        userData("ep2", new UserDataFacts("UpdateUserRating", true, true, 10.0, true, 1));
        InteractionLedger again = new InteractionLedger(SETTINGS);
        applied.forEach(again::apply);
        assertThat(again.snapshot(USER)).isEqualTo(ledger.snapshot(USER));
        assertThat(again.lastSeq()).isEqualTo(ledger.lastSeq());
    }

    @Test
    void libraryEventsMoveTheSequenceButConcernNobody() {
        apply(new PlaybackEvent(EventType.ITEM_ADDED, Instant.now(), null, null, "new", movie(), null, null, null,
                null, null, null, null, null));
        assertThat(ledger.users()).isEmpty();
        assertThat(ledger.lastSeq()).isEqualTo(1);
    }

    private List<Double> weights(String... items) {
        List<Double> weights = new ArrayList<>();
        for (String item : items) {
            weights.add(ledger.snapshot(USER).get(item).weight());
        }
        return weights;
    }
}
