package dev.setlist.plugin.signals;

import dev.setlist.plugin.events.EventType;
import dev.setlist.plugin.events.PlaybackEvent;
import dev.setlist.plugin.events.PlaybackEvent.ItemFacts;
import dev.setlist.plugin.events.PlaybackEvent.UserDataFacts;
import dev.setlist.plugin.store.EventLog;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class InteractionLedgerTest {

    private static final String USER = "u1";
    private static final long HOUR_TICKS = 3600 * PlaybackEvent.TICKS_PER_SECOND;
    private final InteractionLedger ledger = new InteractionLedger();
    private long seq;

    private void stop(String item, Long position, Boolean completed) {
        apply(new PlaybackEvent(EventType.PLAYBACK_STOP, Instant.parse("2026-11-28T20:00:00Z").plusSeconds(seq), USER,
                null, item, facts(), position, false, false, completed, null, null, null, null));
    }

    private void userData(String item, UserDataFacts data) {
        apply(new PlaybackEvent(EventType.USER_DATA_SAVED, Instant.parse("2026-11-28T20:00:00Z"), USER, null, item,
                facts(), null, null, null, null, null, null, null, data));
    }

    private void apply(PlaybackEvent event) {
        ledger.apply(new EventLog.StoredEvent(++seq, event.occurredAt(), "test", event));
    }

    private static ItemFacts facts() {
        return new ItemFacts("x", "Movie", HOUR_TICKS, null, List.of(), null, null, null, null, null, null);
    }

    @Test
    void aFinishedItemWeighsOneAndIsExcluded() {
        stop("a", 0L, true);
        assertThat(ledger.snapshot(USER).get("a").weight()).isEqualTo(1.0);
        assertThat(ledger.excluded(USER)).containsExactly("a");
    }

    @Test
    void aPartialWatchWeighsItsFractionAndASkipNothing() {
        stop("half", HOUR_TICKS / 2, false);
        stop("skip", HOUR_TICKS / 20, false);
        stop("unknown", null, false);
        assertThat(ledger.snapshot(USER).get("half").weight()).isCloseTo(0.5, within(1e-9));
        assertThat(ledger.snapshot(USER).get("skip").weight()).isZero();
        assertThat(ledger.snapshot(USER)).doesNotContainKey("unknown");
        assertThat(ledger.positives(USER)).extracting(InteractionLedger.Interaction::itemId).containsExactly("half");
        assertThat(ledger.excluded(USER)).isEmpty();
    }

    @Test
    void aFavouriteCountsOnceAndADislikeClearsTheItem() {
        userData("fav", new UserDataFacts("UpdateUserRating", true, null, null, null, null));
        userData("fav", new UserDataFacts("PlaybackProgress", true, null, null, null, null));
        assertThat(ledger.snapshot(USER).get("fav").weight()).isEqualTo(2.0);

        stop("meh", 0L, true);
        userData("meh", new UserDataFacts("UpdateUserRating", null, false, 1.0, null, null));
        assertThat(ledger.snapshot(USER).get("meh").weight()).isZero();
        assertThat(ledger.snapshot(USER).get("meh").disliked()).isTrue();
        assertThat(ledger.excluded(USER)).contains("meh");
    }

    @Test
    void libraryEventsMoveTheSequenceButConcernNobody() {
        apply(new PlaybackEvent(EventType.ITEM_ADDED, Instant.now(), null, null, "new", facts(), null, null, null,
                null, null, null, null, null));
        assertThat(ledger.users()).isEmpty();
        assertThat(ledger.lastSeq()).isEqualTo(1);
    }
}
