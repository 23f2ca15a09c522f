package dev.setlist.scorer.sequencing;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The lower-case form of the genre, tag, series and artist names one sequencing run compares, each
 * computed once. Items of a catalog repeat a few dozen such names hundreds of times; lower-casing each
 * occurrence made a new string, whose hash was then computed again for every map it went into. Here the
 * lookup uses the item's own string (whose hash the string keeps) and every occurrence of a name gets
 * the same lower-case instance.
 *
 * <p>Not thread-safe; one per run.
 */
final class LowerCaseMemo {

    private final Map<String, String> lowerCase = new HashMap<>();

    /** {@code value.toLowerCase(Locale.ROOT)}, the same instance for equal values. */
    String of(String value) {
        String known = lowerCase.get(value);
        if (known == null) {
            known = value.toLowerCase(Locale.ROOT);
            lowerCase.put(value, known);
        }
        return known;
    }
}
