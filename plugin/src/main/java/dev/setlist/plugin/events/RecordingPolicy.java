package dev.setlist.plugin.events;

/**
 * Decides whether a person's events are recorded at all: someone who paused their history has their
 * events counted, never stored.
 *
 * <p>Implementations are thread-safe and fast: they are asked once per event.
 */
public interface RecordingPolicy {

    /** Records everyone. */
    RecordingPolicy EVERYONE = new RecordingPolicy() {
        @Override
        public boolean records(String userId) {
            return true;
        }

        @Override
        public void unrecorded(String userId) {
            // Nothing is ever left out.
        }
    };

    /** Whether this person's events are recorded now. */
    boolean records(String userId);

    /** Counts one event of this person that was left out. */
    void unrecorded(String userId);
}
