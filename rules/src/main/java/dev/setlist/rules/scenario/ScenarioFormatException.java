package dev.setlist.rules.scenario;

/** A scenario file that cannot be read as a scenario; the message names the file and the field. */
public final class ScenarioFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    public ScenarioFormatException(String message) {
        super(message);
    }

    public ScenarioFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
