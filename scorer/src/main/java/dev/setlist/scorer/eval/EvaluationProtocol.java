package dev.setlist.scorer.eval;

import java.util.Locale;

/**
 * How explicit ratings become an implicit-feedback benchmark, and how it is split in time. The
 * defaults are the scorer's reference protocol (the one {@code REFERENCE.md}'s figures use):
 * ratings of 4 stars or more are positives, the rest are dropped; people with fewer than 5
 * positives are dropped; each person's positives are sorted by time (equal times by item id), the
 * most recent {@code ceil(20%)} (at least one) are TEST, and the most recent {@code ceil(20%)} (at
 * least one) of the rest are VALIDATION; the remainder is TRAIN. Every positive has confidence
 * weight 1.
 *
 * <p>Immutable; share freely.
 *
 * @param positiveThreshold  the lowest rating that counts as a positive (default {@code 4.0})
 * @param minimumPositives   people with fewer positives are dropped (default {@code 5}; at least 3, so
 *                           that everyone keeps a training item)
 * @param testFraction       the share of each person's positives held out as TEST (default {@code 0.2})
 * @param validationFraction the share of the remaining positives held out as VALIDATION (default {@code 0.2})
 */
public record EvaluationProtocol(double positiveThreshold, int minimumPositives, double testFraction,
                                 double validationFraction) {

    public EvaluationProtocol {
        if (!Double.isFinite(positiveThreshold)) {
            throw new IllegalArgumentException("positiveThreshold must be finite, was " + positiveThreshold);
        }
        if (minimumPositives < 3) {
            throw new IllegalArgumentException("minimumPositives must be at least 3 (one each for train, "
                    + "validation and test), was " + minimumPositives);
        }
        checkFraction("testFraction", testFraction);
        checkFraction("validationFraction", validationFraction);
    }

    private static void checkFraction(String name, double value) {
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be strictly between 0 and 1, was " + value);
        }
    }

    public static EvaluationProtocol defaults() {
        return new EvaluationProtocol(4.0, 5, 0.2, 0.2);
    }

    /** How many of {@code positives} are held out at {@code fraction}: {@code max(1, ceil(fraction * positives))}. */
    static int heldOutCount(int positives, double fraction) {
        // The small tolerance keeps, say, 0.3 * 10 = 3.0000000000000004 at 3.
        return Math.max(1, (int) Math.ceil(positives * fraction - 1e-9));
    }

    /** The protocol in words, for reports. */
    public String describe() {
        return String.format(Locale.ROOT,
                "ratings >= %s are positives (weight 1), others dropped; people with < %d positives dropped; "
                        + "per person, positives sorted by time (ties by item id): the most recent ceil(%s) "
                        + "(at least 1) are TEST, of the rest the most recent ceil(%s) (at least 1) VALIDATION, "
                        + "the remainder TRAIN; hyperparameters are chosen on VALIDATION (fitted on TRAIN), "
                        + "TEST figures come from models fitted on TRAIN + VALIDATION; every item of the "
                        + "positive data is ranked except the person's training items",
                trim(positiveThreshold), minimumPositives, percent(testFraction), percent(validationFraction));
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static String percent(double fraction) {
        return trim(Math.round(fraction * 1e6) / 1e4) + "%";
    }
}
