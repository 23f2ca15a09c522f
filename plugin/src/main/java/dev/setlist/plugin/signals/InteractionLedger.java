package dev.setlist.plugin.signals;

import dev.setlist.plugin.events.EventType;
import dev.setlist.plugin.events.PlaybackEvent;
import dev.setlist.plugin.store.EventLog;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Turns the event log into interactions: for each person and item, a confidence weight and whether
 * the item was finished or disliked. Built by replaying the log at start, then kept current by every
 * new event. The rules, in this first version:
 * <ul>
 *   <li>a stop at 90% or more of the running time, or one the server counts as played to completion,
 *       adds {@value #FINISHED_WEIGHT} and marks the item finished;</li>
 *   <li>a stop between {@value #SKIP_BELOW} and 90% adds the fraction watched;</li>
 *   <li>a stop before {@value #SKIP_BELOW} of the running time is a skip: no weight;</li>
 *   <li>becoming a favourite adds {@value #FAVOURITE_WEIGHT} once, a like adds {@value #LIKE_WEIGHT} once,
 *       a dislike clears the item's weight and keeps it out of playlists.</li>
 * </ul>
 *
 * <p>Thread-safe: one writer at a time per person, readers see a consistent snapshot of a person.
 */
public final class InteractionLedger {

    static final double FINISHED_WEIGHT = 1.0;
    static final double SKIP_BELOW = 0.2;
    static final double FAVOURITE_WEIGHT = 2.0;
    static final double LIKE_WEIGHT = 1.0;

    /** What one person did with one item. Immutable. */
    public record Interaction(String itemId, double weight, boolean finished, boolean disliked, boolean favourite,
                              boolean liked, int plays, Instant lastPlayed) {
        public Interaction {
            if (!Double.isFinite(weight) || weight < 0) {
                throw new IllegalArgumentException("weight must be finite and not negative: " + weight);
            }
        }
    }

    private final Map<String, Map<String, Interaction>> byUser = new ConcurrentHashMap<>();
    private final AtomicLong applied = new AtomicLong();
    private volatile long lastSeq;

    /** Replays the whole log into a new ledger. */
    public static InteractionLedger replay(EventLog log) {
        InteractionLedger ledger = new InteractionLedger();
        log.replay(0, ledger::apply);
        return ledger;
    }

    /** Applies one stored event. */
    public void apply(EventLog.StoredEvent stored) {
        PlaybackEvent event = stored.event();
        lastSeq = Math.max(lastSeq, stored.seq());
        if (event.userId() == null) {
            return;
        }
        Map<String, Interaction> items = byUser.computeIfAbsent(event.userId(), id -> new HashMap<>());
        synchronized (items) {
            Interaction before = items.get(event.itemId());
            Interaction after = next(before, event);
            if (after != null && after != before) {
                items.put(event.itemId(), after);
            }
        }
        applied.incrementAndGet();
    }

    private static Interaction next(Interaction before, PlaybackEvent event) {
        Interaction current = before != null ? before
                : new Interaction(event.itemId(), 0, false, false, false, false, 0, null);
        if (event.type() == EventType.PLAYBACK_STOP) {
            double fraction = watchedFraction(event);
            if (fraction < 0) {
                return before;
            }
            boolean finished = fraction >= 0.9;
            double added = finished ? FINISHED_WEIGHT : fraction >= SKIP_BELOW ? fraction : 0;
            return new Interaction(current.itemId(), current.disliked() ? 0 : current.weight() + added,
                    current.finished() || finished, current.disliked(), current.favourite(), current.liked(),
                    current.plays() + 1, event.occurredAt());
        }
        if (event.type() == EventType.USER_DATA_SAVED && event.userData() != null) {
            PlaybackEvent.UserDataFacts data = event.userData();
            double weight = current.weight();
            boolean favourite = current.favourite();
            boolean liked = current.liked();
            boolean disliked = current.disliked();
            if (Boolean.TRUE.equals(data.favorite()) && !favourite) {
                weight += FAVOURITE_WEIGHT;
                favourite = true;
            } else if (Boolean.FALSE.equals(data.favorite())) {
                favourite = false;
            }
            if (Boolean.TRUE.equals(data.likes()) && !liked) {
                weight += LIKE_WEIGHT;
                liked = true;
                disliked = false;
            } else if (Boolean.FALSE.equals(data.likes()) && "UpdateUserRating".equals(data.saveReason())) {
                liked = false;
                disliked = true;
                weight = 0;
            }
            return new Interaction(current.itemId(), weight, current.finished(), disliked, favourite, liked,
                    current.plays(), current.lastPlayed());
        }
        return before;
    }

    /** The fraction of the item watched at a stop, or -1 when it cannot be told. */
    static double watchedFraction(PlaybackEvent stop) {
        if (Boolean.TRUE.equals(stop.playedToCompletion())) {
            return 1.0;
        }
        Long runtime = stop.item().runtimeTicks();
        Long position = stop.positionTicks();
        if (runtime == null || runtime <= 0 || position == null || position < 0) {
            return -1;
        }
        return Math.min(1.0, position / (double) runtime);
    }

    /** One person's interactions with a positive weight, most recent first. */
    public List<Interaction> positives(String userId) {
        return snapshot(userId).values().stream()
                .filter(interaction -> interaction.weight() > 0)
                .sorted(Comparator.comparing(Interaction::lastPlayed, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    /** Items never to offer this person again unasked: finished ones and disliked ones. */
    public Set<String> excluded(String userId) {
        return snapshot(userId).values().stream()
                .filter(interaction -> interaction.finished() || interaction.disliked())
                .map(Interaction::itemId)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** A copy of one person's interactions by item id. */
    public Map<String, Interaction> snapshot(String userId) {
        Map<String, Interaction> items = byUser.get(userId);
        if (items == null) {
            return Map.of();
        }
        synchronized (items) {
            return Map.copyOf(items);
        }
    }

    /** Every person with at least one interaction. */
    public Set<String> users() {
        return Set.copyOf(byUser.keySet());
    }

    /** Number of events applied since this ledger was made. */
    public long appliedEvents() {
        return applied.get();
    }

    /** The highest log sequence number applied. */
    public long lastSeq() {
        return lastSeq;
    }
}
