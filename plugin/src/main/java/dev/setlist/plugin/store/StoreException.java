package dev.setlist.plugin.store;

/** A storage failure, with a message a self-hoster can act on. */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
