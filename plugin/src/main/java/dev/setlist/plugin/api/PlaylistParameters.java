package dev.setlist.plugin.api;

import dev.setlist.plugin.playlist.PlaylistRequest;
import dev.setlist.rules.model.Mode;
import jakarta.ws.rs.core.MultivaluedMap;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a playlist request's query parameters; every refusal names the parameter. */
final class PlaylistParameters {

    private static final Set<String> KNOWN = Set.of("media", "length", "minutes", "mode", "exploration", "diversity", "time",
            "device", "client", "profile");
    private static final String SIGNAL = "signal.";

    private PlaylistParameters() {
    }

    /** A parameter that cannot be used; the message names it and says why. */
    static final class InvalidParameter extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidParameter(String message) {
            super(message);
        }
    }

    static PlaylistRequest parse(MultivaluedMap<String, String> query) throws InvalidParameter {
        requireKnown(query, KNOWN, true);
        PlaylistRequest.Media media = null;
        String mediaText = single(query, "media");
        if (mediaText != null && !mediaText.isBlank()) {
            try {
                media = PlaylistRequest.Media.valueOf(mediaText.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidParameter("media must be video or music, was '" + mediaText + "'");
            }
        }
        int length = integer(query, "length", PlaylistRequest.DEFAULT_LENGTH, 1, PlaylistRequest.MAX_LENGTH);
        int minutes = integer(query, "minutes", 0, 0, 24 * 60);
        Mode mode = mode(query);
        Double exploration = decimal(query, "exploration", 0, 0.5);
        Double diversity = decimal(query, "diversity", 0, 1);
        LocalDateTime time = time(query);
        Map<String, Double> signals = new HashMap<>();
        for (String name : query.keySet()) {
            if (name.startsWith(SIGNAL)) {
                String signal = name.substring(SIGNAL.length());
                if (!signal.matches("[A-Za-z][A-Za-z0-9_]{0,40}")) {
                    throw new InvalidParameter(name + ": a signal name is letters, digits and _");
                }
                signals.put(signal, decimal(query, name, -1e9, 1e9));
            }
        }
        return new PlaylistRequest(media, length, minutes, mode, exploration, diversity, time, single(query, "device"),
                single(query, "client"), signals);
    }

    /** Refuses a parameter not in {@code known} (nor a {@code signal.<name>} when signals are taken). */
    static void requireKnown(MultivaluedMap<String, String> query, Set<String> known, boolean signals)
            throws InvalidParameter {
        for (String name : query.keySet()) {
            if (!known.contains(name) && !(signals && name.startsWith(SIGNAL))) {
                throw new InvalidParameter("unknown parameter '" + name + "' (known: " + known.stream().sorted().toList()
                        + (signals ? " and signal.<name>)" : ")"));
            }
        }
    }

    /** The {@code mode} parameter, or {@code null} when absent. */
    static Mode mode(MultivaluedMap<String, String> query) throws InvalidParameter {
        String modeText = single(query, "mode");
        if (modeText == null || modeText.isBlank()) {
            return null;
        }
        try {
            return Mode.parse(modeText);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter("mode: " + e.getMessage());
        }
    }

    /** The {@code time} parameter (the listener's local time), or {@code null} when absent. */
    static LocalDateTime time(MultivaluedMap<String, String> query) throws InvalidParameter {
        String timeText = single(query, "time");
        if (timeText == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(timeText);
        } catch (DateTimeParseException e) {
            throw new InvalidParameter("time must be a local ISO time such as 2026-11-28T22:30, was '" + timeText + "'");
        }
    }

    /** The single value of {@code name}, trimmed, or {@code null} when absent; given twice is refused. */
    static String single(MultivaluedMap<String, String> query, String name) throws InvalidParameter {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new InvalidParameter(name + " is given " + values.size() + " times");
        }
        return values.get(0).trim();
    }

    static int integer(MultivaluedMap<String, String> query, String name, int fallback, int min, int max)
            throws InvalidParameter {
        String text = single(query, name);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw new InvalidParameter(name + " must be between " + min + " and " + max + ", was " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidParameter(name + " must be a whole number, was '" + text + "'");
        }
    }

    static Double decimal(MultivaluedMap<String, String> query, String name, double min, double max)
            throws InvalidParameter {
        String text = single(query, name);
        if (text == null) {
            return null;
        }
        try {
            double value = Double.parseDouble(text);
            if (!(value >= min && value <= max)) {
                throw new InvalidParameter(name + " must be between " + min + " and " + max + ", was " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidParameter(name + " must be a number, was '" + text + "'");
        }
    }
}
