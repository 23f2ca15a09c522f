package dev.setlist.plugin.playlist;

import dev.setlist.plugin.signals.PlayTimeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The skips of each person's current session. A skip says "not this", and a few skips of one kind
 * say "not in this mood": the rest of the session moves away from what was skipped. Skips older than
 * a session ({@link PlayTimeline#SESSION_GAP}) are forgotten; the last {@value #KEEP} count.
 *
 * <p>Thread-safe; in memory only (the skips themselves are in the event log).
 */
public final class SessionMood {

    static final int KEEP = 5;

    /** One skip. */
    public record Skip(String itemId, Instant at) {
    }

    private final Map<String, Deque<Skip>> skips = new ConcurrentHashMap<>();

    public void skipped(String userId, String itemId, Instant at) {
        Deque<Skip> recent = skips.computeIfAbsent(userId, id -> new ArrayDeque<>());
        synchronized (recent) {
            recent.addLast(new Skip(itemId, at));
            while (recent.size() > KEEP) {
                recent.removeFirst();
            }
        }
    }

    /** The skips that still shape the session at {@code now}, oldest first. */
    public List<Skip> current(String userId, Instant now) {
        Deque<Skip> recent = skips.get(userId);
        if (recent == null) {
            return List.of();
        }
        synchronized (recent) {
            return recent.stream()
                    .filter(skip -> Duration.between(skip.at(), now).compareTo(PlayTimeline.SESSION_GAP) <= 0)
                    .toList();
        }
    }

    /** Forgets a person's skips (a reset). */
    public void forget(String userId) {
        skips.remove(userId);
    }
}
