package dev.setlist.plugin;

/** Setlist cannot start with what it was given; the message says what to change. */
public final class StartupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StartupException(String message) {
        super(message);
    }
}
