package dev.setlist.plugin.events;

/**
 * The kinds of event Setlist records. Names match the Jellyfin Webhook plugin's notification types
 * so that the log reads like the wire; the codes are stable and stored.
 */
public enum EventType {
    PLAYBACK_START("PlaybackStart"),
    PLAYBACK_PROGRESS("PlaybackProgress"),
    PLAYBACK_STOP("PlaybackStop"),
    USER_DATA_SAVED("UserDataSaved"),
    ITEM_ADDED("ItemAdded"),
    ITEM_DELETED("ItemDeleted");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    /** The name as the Webhook plugin writes it in {@code NotificationType}. */
    public String wireName() {
        return wireName;
    }

    /** The type for a wire name, or {@code null} when Setlist does not record that notification. */
    public static EventType fromWireName(String name) {
        for (EventType type : values()) {
            if (type.wireName.equals(name)) {
                return type;
            }
        }
        return null;
    }

    /** Whether events of this type concern one person (and so carry a user id). */
    public boolean isPersonal() {
        return this != ITEM_ADDED && this != ITEM_DELETED;
    }
}
