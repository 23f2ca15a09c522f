package dev.setlist.plugin.server;

/** The port Setlist was told to listen on is taken by another program. */
public final class PortInUseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int port;

    public PortInUseException(String host, int port, Throwable cause) {
        super("port " + port + " on " + host + " is already in use (choose another with --port or SETLIST_PORT)", cause);
        this.port = port;
    }

    public int port() {
        return port;
    }
}
