package dev.setlist.plugin.jellyfin;

/** A webhook body that cannot be turned into an event; the message says why, for the 400 answer. */
public final class MalformedEventException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedEventException(String reason) {
        super(reason);
    }
}
