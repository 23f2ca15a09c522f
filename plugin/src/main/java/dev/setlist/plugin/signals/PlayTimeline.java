package dev.setlist.plugin.signals;

import dev.setlist.plugin.events.EventType;
import dev.setlist.plugin.store.EventLog;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each person started playing, in order, as sessions: plays further apart than
 * {@link #SESSION_GAP} begin a new session. The raw material of the next-item signal, of binge
 * fatigue and of the "session so far" the rules see. Keeps the last {@value #KEEP} plays per person.
 *
 * <p>Thread-safe.
 */
public final class PlayTimeline {

    /** A pause longer than this ends a session. */
    public static final Duration SESSION_GAP = Duration.ofHours(2);
    static final int KEEP = 2_000;

    /** One play: which item and when it started. */
    public record Play(String itemId, Instant startedAt) {
    }

    private final Map<String, Deque<Play>> byUser = new ConcurrentHashMap<>();

    /** Replays the whole log into a new timeline. */
    public static PlayTimeline replay(EventLog log) {
        PlayTimeline timeline = new PlayTimeline();
        log.replay(0, timeline::apply);
        return timeline;
    }

    /** Records a play start; other events are ignored. */
    public void apply(EventLog.StoredEvent stored) {
        if (stored.event().type() != EventType.PLAYBACK_START || stored.event().userId() == null) {
            return;
        }
        Deque<Play> plays = byUser.computeIfAbsent(stored.event().userId(), id -> new ArrayDeque<>());
        synchronized (plays) {
            Play last = plays.peekLast();
            Play play = new Play(stored.event().itemId(), stored.event().occurredAt());
            if (last != null && last.equals(play)) {
                return;
            }
            plays.addLast(play);
            while (plays.size() > KEEP) {
                plays.removeFirst();
            }
        }
    }

    /** Forgets a person's plays (they deleted their history). */
    public void forget(String userId) {
        byUser.remove(userId);
    }

    /** The person's current session at {@code now}: the trailing plays without a long gap, oldest first. */
    public List<Play> currentSession(String userId, Instant now) {
        List<Play> past = plays(userId).stream().filter(play -> !play.startedAt().isAfter(now)).toList();
        int start = past.size();
        Instant after = now;
        while (start > 0 && Duration.between(past.get(start - 1).startedAt(), after).compareTo(SESSION_GAP) <= 0) {
            start--;
            after = past.get(start).startedAt();
        }
        return past.subList(start, past.size());
    }

    /** Every person's plays split into sessions, oldest first: the training data of the next-item model. */
    public List<List<Play>> sessions() {
        List<List<Play>> sessions = new ArrayList<>();
        for (String userId : byUser.keySet()) {
            List<Play> current = new ArrayList<>();
            Instant previous = null;
            for (Play play : plays(userId)) {
                if (previous != null && Duration.between(previous, play.startedAt()).compareTo(SESSION_GAP) > 0) {
                    sessions.add(current);
                    current = new ArrayList<>();
                }
                current.add(play);
                previous = play.startedAt();
            }
            if (!current.isEmpty()) {
                sessions.add(current);
            }
        }
        return sessions;
    }

    private List<Play> plays(String userId) {
        Deque<Play> plays = byUser.get(userId);
        if (plays == null) {
            return List.of();
        }
        synchronized (plays) {
            return List.copyOf(plays);
        }
    }
}
