package dev.setlist.plugin.playlist;

/** A request named a person Setlist does not know. */
public final class UnknownUserException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnknownUserException(String userId) {
        super("no user with id " + userId);
    }
}
