package dev.setlist.plugin.store;

import dev.setlist.plugin.events.EventType;
import dev.setlist.plugin.events.PlaybackEvent;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The append-only log of every accepted event, in arrival order: the source of truth from which
 * interactions and models are rebuilt. An append returns only once the event is durable.
 *
 * <p>Implementations are thread-safe.
 */
public interface EventLog {

    /**
     * Appends an event unless a delivery with the same key is already stored.
     *
     * @param source      where it came from: {@code webhook}, {@code demo}, {@code import}...
     * @param deliveryKey identifies the delivery (for webhooks the SHA-256 of the raw body), so that a
     *                    re-delivery is recognised
     * @param rawBody     the body as received, or {@code null} when there was none
     */
    Appended append(PlaybackEvent event, String source, String deliveryKey, String rawBody);

    /**
     * Appends an event of an account while one of its profiles was watching: the stored event stays as
     * delivered (the account's), and {@code personId} is recorded beside it, so that {@link #replay}
     * hands it on as the profile's ({@link PlaybackEvent#attributedTo}), exactly as it was handed on live.
     * A re-delivery keeps the attribution of the first delivery.
     *
     * @param personId the profile's person id, or {@code null} for the account itself (a plain append)
     */
    Appended appendAttributed(PlaybackEvent event, String personId, String source, String deliveryKey, String rawBody);

    /**
     * Appends many deliveries in one transaction (imports, the demo history, and the group commits of
     * {@code events.EventWriter}): those whose key is already stored, or appears earlier in the list, are
     * skipped and reported as duplicates (with the first one's sequence number). Results are in the order
     * given. Either every new delivery is stored, or none is (the transaction is rolled back).
     */
    List<Appended> appendAll(List<Delivery> deliveries);

    /** The sequence number of the stored event with this delivery key, or empty when there is none. */
    OptionalLong find(String deliveryKey);

    /** Number of stored events. */
    long count();

    /**
     * Feeds every stored event with a sequence number above {@code afterSeq}, in order; an event that
     * was attributed to a profile comes as the profile's.
     */
    void replay(long afterSeq, Consumer<StoredEvent> consumer);

    /** Every event an account sent, in order, those its profiles watched included (as the profiles'). */
    List<StoredEvent> forUser(String userId);

    /**
     * The events of one type of one person (an account's own, or one profile's) that occurred at or after
     * {@code since}, in order.
     */
    List<StoredEvent> forPerson(String personId, Instant since, EventType type);

    /**
     * Deletes every event of one person (they asked for their data to be deleted): the only time the
     * log is not append-only. An account's events include those its profiles watched; a profile's are
     * those attributed to it. Returns how many were deleted.
     */
    long deleteUser(String userId);

    /**
     * Deletes one person's own events (they reset their taste and chose to delete their history): an
     * account's events that no profile watched, or a profile's. Returns how many were deleted.
     */
    long deletePerson(String personId);

    /**
     * One event as delivered, for {@link #appendAll}.
     *
     * @param personId the profile it is attributed to (see {@link #appendAttributed}), or {@code null}
     */
    record Delivery(PlaybackEvent event, String source, String deliveryKey, String rawBody, String personId) {

        /** A delivery of the account itself, attributed to no profile. */
        public Delivery(PlaybackEvent event, String source, String deliveryKey, String rawBody) {
            this(event, source, deliveryKey, rawBody, null);
        }
    }

    /** The result of an append: the event's sequence number, and whether it was already there. */
    record Appended(long seq, boolean duplicate) {
    }

    /** An event as stored. */
    record StoredEvent(long seq, Instant receivedAt, String source, PlaybackEvent event) {
    }
}
