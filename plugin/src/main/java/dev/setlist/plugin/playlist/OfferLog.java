package dev.setlist.plugin.playlist;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What Setlist offered each person lately, and which offers were wildcards, so that feedback can tell
 * an answer to an offer from a play of something else. Keeps the last {@value #KEEP} offers per person.
 *
 * <p>Thread-safe; in memory only.
 */
public final class OfferLog {

    static final int KEEP = 500;

    private final Map<String, Map<String, Boolean>> offers = new ConcurrentHashMap<>();

    /** Remembers that {@code itemId} was offered to {@code userId}, as a wildcard or not. */
    public void offered(String userId, String itemId, boolean wildcard) {
        Map<String, Boolean> recent = offers.computeIfAbsent(userId, id -> new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > KEEP;
            }
        });
        synchronized (recent) {
            // Offered as a wildcard once, it stays one: a re-planned remainder may offer it again plainly.
            recent.merge(itemId, wildcard, Boolean::logicalOr);
        }
    }

    /** Whether the item was offered to the person lately. */
    public boolean wasOffered(String userId, String itemId) {
        Map<String, Boolean> recent = offers.get(userId);
        if (recent == null) {
            return false;
        }
        synchronized (recent) {
            return recent.containsKey(itemId);
        }
    }

    /** Whether the item was offered to the person lately as a wildcard. */
    public boolean wasWildcard(String userId, String itemId) {
        Map<String, Boolean> recent = offers.get(userId);
        if (recent == null) {
            return false;
        }
        synchronized (recent) {
            return Boolean.TRUE.equals(recent.get(itemId));
        }
    }

    /** Forgets a person's offers. */
    public void forget(String userId) {
        offers.remove(userId);
    }
}
