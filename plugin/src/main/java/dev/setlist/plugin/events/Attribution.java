package dev.setlist.plugin.events;

/**
 * Who was watching when an account's event arrived: a profile inside the account ("the kid is
 * watching"), or the account itself. Asked once per event as it is ingested; the answer is stored with
 * the event, so that a replay of the log attributes every event as it was attributed live, whatever
 * the profiles are by then.
 *
 * <p>Implementations are thread-safe and fast (a map lookup): every event, progress ticks included,
 * asks.
 */
@FunctionalInterface
public interface Attribution {

    /** Every event is its account's. */
    Attribution NONE = event -> null;

    /**
     * The person id {@code event} is attributed to (a profile's, for example {@code <account>~kid}), or
     * {@code null} when it stays the account's. Only asked for events that carry a user id.
     */
    String personFor(PlaybackEvent event);
}
