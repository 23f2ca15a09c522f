package dev.setlist.plugin.sim;

import dev.setlist.plugin.events.PlaybackEvent;
import dev.setlist.scorer.catalog.ItemProfile;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What a simulated household talks to: the recommender under test (Setlist in process, or a naive
 * baseline), which takes the media server's events and offers playlists back. Without a system the
 * household browses on its own ({@link #NONE}).
 *
 * <p>Implementations need not be thread-safe: the simulator calls them from one thread, in simulated
 * time order per account.
 */
public interface SimulatedSystem {

    /** A system that offers nothing and forgets every event: the household browses by itself. */
    SimulatedSystem NONE = new SimulatedSystem() {
        @Override
        public void deliver(PlaybackEvent event) {
            // Nobody listens.
        }

        @Override
        public List<Offer> offer(Persona persona, OfferRequest request) {
            return List.of();
        }
    };

    /** What a playlist holds. */
    enum Media { VIDEO, MUSIC }

    /**
     * A request for a playlist, as a client would make it.
     *
     * @param media     video or music
     * @param length    how many items
     * @param device    where it will play
     * @param at        when (the simulated instant)
     * @param localTime the person's local time then
     */
    record OfferRequest(Media media, int length, Device device, Instant at, LocalDateTime localTime) {
    }

    /** One offered item, and whether it was offered as a wildcard. */
    record Offer(ItemProfile item, boolean wildcard) {
    }

    /** One event, as the media server sends it (for a shared account: as the account's). */
    void deliver(PlaybackEvent event);

    /** The playlist the system offers the person now, best first; empty when it offers none. */
    List<Offer> offer(Persona persona, OfferRequest request);

    /**
     * The person took or passed on a wildcard. A system with a feedback path records the answer there (for
     * Setlist, the feedback API: a play or a skip, and the wildcard posterior) and returns {@code true};
     * by default it returns {@code false}, and the simulator sends the play or skip as ordinary events.
     */
    default boolean wildcardAnswer(Persona persona, ItemProfile item, boolean taken, Instant at) {
        return false;
    }

    /** The person sits down to watch (a system with profiles can be told who is watching the account). */
    default void sittingDown(Persona persona, Instant at) {
    }

    /** The person got up. */
    default void gettingUp(Persona persona, Instant at) {
    }

    /** A simulated day ended at {@code at}: the time for a nightly retraining. */
    default void endOfDay(Instant at) {
    }
}
