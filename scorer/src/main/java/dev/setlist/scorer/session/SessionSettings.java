package dev.setlist.scorer.session;

/**
 * Settings of the session next-item signal.
 *
 * <p>Immutable; share freely.
 *
 * @param window        how many following items each play counts as "followed by"; default 3
 * @param gapDecay      weight of an item {@code g} places later is {@code gapDecay^(g-1)}; default 0.5
 * @param recencyDecay  at query time, the item played {@code r} places before the last one counts
 *                      {@code recencyDecay^r}; default 0.5
 * @param recentItems   how many of the session's last items a query looks at; default 3
 * @param maxSuccessors successors kept per item (the strongest); default 100
 */
public record SessionSettings(int window, double gapDecay, double recencyDecay, int recentItems, int maxSuccessors) {

    public SessionSettings {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1, was " + window);
        }
        if (!(gapDecay > 0 && gapDecay <= 1)) {
            throw new IllegalArgumentException("gapDecay must be in (0, 1], was " + gapDecay);
        }
        if (!(recencyDecay > 0 && recencyDecay <= 1)) {
            throw new IllegalArgumentException("recencyDecay must be in (0, 1], was " + recencyDecay);
        }
        if (recentItems < 1) {
            throw new IllegalArgumentException("recentItems must be at least 1, was " + recentItems);
        }
        if (maxSuccessors < 1) {
            throw new IllegalArgumentException("maxSuccessors must be at least 1, was " + maxSuccessors);
        }
    }

    /** The documented defaults. */
    public static SessionSettings defaults() {
        return new SessionSettings(3, 0.5, 0.5, 3, 100);
    }

    public SessionSettings withWindow(int value) {
        return new SessionSettings(value, gapDecay, recencyDecay, recentItems, maxSuccessors);
    }

    public SessionSettings withGapDecay(double value) {
        return new SessionSettings(window, value, recencyDecay, recentItems, maxSuccessors);
    }

    public SessionSettings withRecencyDecay(double value) {
        return new SessionSettings(window, gapDecay, value, recentItems, maxSuccessors);
    }

    public SessionSettings withRecentItems(int value) {
        return new SessionSettings(window, gapDecay, recencyDecay, value, maxSuccessors);
    }

    public SessionSettings withMaxSuccessors(int value) {
        return new SessionSettings(window, gapDecay, recencyDecay, recentItems, value);
    }
}
