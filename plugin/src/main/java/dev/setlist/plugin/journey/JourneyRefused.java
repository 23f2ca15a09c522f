package dev.setlist.plugin.journey;

/** A journey that cannot be made, and why; the message says it in words a person can act on. */
public final class JourneyRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why a journey was refused. */
    public enum Why {
        /** One end is music and the other video: a playlist holds one media. */
        MIXED_MEDIA,
        /** Both ends are the same item. */
        SAME_ITEM,
        /** An end is above the person's parental ceiling. */
        NOT_ALLOWED,
        /** An end has no place in taste space yet (new, with no plays and no features). */
        NO_PLACE,
        /** No taste model has been trained yet. */
        NO_MODEL
    }

    private final Why why;

    public JourneyRefused(Why why, String message) {
        super(message);
        this.why = why;
    }

    public Why why() {
        return why;
    }
}
