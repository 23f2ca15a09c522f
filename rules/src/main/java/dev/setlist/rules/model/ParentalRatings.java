package dev.setlist.rules.model;

import java.util.Locale;
import java.util.Map;

/**
 * Maps the rating strings media servers report to a minimum age, so that one number can be compared
 * with a ceiling whatever the rating system: US film (G, PG, PG-13, R, NC-17), US TV (TV-Y ... TV-MA),
 * UK (U, 12A, 15, 18), German FSK and plain ages. Matching ignores case, spaces and a country prefix
 * such as {@code US-} or {@code DE-}.
 *
 * <p>Stateless; share freely.
 */
public final class ParentalRatings {

    /** Returned for a missing or unknown rating. */
    public static final int UNKNOWN = -1;

    private static final Map<String, Integer> AGES = Map.ofEntries(
            Map.entry("G", 0), Map.entry("TV-Y", 0), Map.entry("TV-G", 0), Map.entry("U", 0), Map.entry("ALL", 0),
            Map.entry("APPROVED", 0), Map.entry("FSK-0", 0), Map.entry("TV-Y7", 7), Map.entry("TV-Y7-FV", 7),
            Map.entry("FSK-6", 6), Map.entry("PG", 10), Map.entry("TV-PG", 10), Map.entry("12A", 12),
            Map.entry("FSK-12", 12), Map.entry("PG-13", 13), Map.entry("TV-14", 14), Map.entry("FSK-16", 16),
            Map.entry("R", 17), Map.entry("TV-MA", 17), Map.entry("NC-17", 18), Map.entry("X", 18),
            Map.entry("XXX", 18), Map.entry("FSK-18", 18));

    private ParentalRatings() {
    }

    /** The minimum age for {@code rating}, or {@link #UNKNOWN}. */
    public static int minimumAge(String rating) {
        if (rating == null || rating.isBlank()) {
            return UNKNOWN;
        }
        Integer known = AGES.get(rating);
        return known != null ? known : parse(rating);
    }

    private static int parse(String rating) {
        String normal = rating.trim().toUpperCase(Locale.ROOT).replace(' ', '-');
        Integer age = AGES.get(normal);
        if (age == null && normal.length() > 3 && normal.charAt(2) == '-' && Character.isLetter(normal.charAt(0))
                && Character.isLetter(normal.charAt(1))) {
            age = AGES.get(normal.substring(3));
            normal = normal.substring(3);
        }
        if (age != null) {
            return age;
        }
        if (normal.startsWith("FSK")) {
            normal = normal.substring(3).replace("-", "");
        }
        if (normal.endsWith("+")) {
            normal = normal.substring(0, normal.length() - 1);
        }
        if (!normal.isEmpty() && normal.length() <= 2 && Character.isDigit(normal.charAt(0))
                && Character.isDigit(normal.charAt(normal.length() - 1))) {
            return Integer.parseInt(normal);
        }
        return UNKNOWN;
    }
}
