package dev.setlist.plugin.media;

/**
 * A media server could not do what was asked: it was unreachable, or it answered with an error. The
 * message says which, with the server's status and reason, for logs and health.
 */
public final class MediaServerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    /** The server answered {@code status} (or 0: it could not be reached or its answer could not be read). */
    public MediaServerException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status the server answered, or 0 when it could not be reached. */
    public int status() {
        return status;
    }

    /** Whether trying again later may succeed: unreachable, overloaded or failing, not refusing. */
    public boolean retryable() {
        return status == 0 || status == 408 || status == 429 || status >= 500;
    }
}
