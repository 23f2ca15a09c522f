package dev.setlist.plugin.config;

/** Configuration that cannot be used; the message names the source (file, variable or flag) and the key. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
