package dev.setlist.rules.model;

/**
 * The knobs of one request, read by the rules and the sequencer. Every field has a documented
 * default ({@link #DEFAULTS}); the server's tuning API and scenario files override single fields.
 *
 * <p>Immutable; share freely.
 *
 * @param length              playlist length in items (default 20)
 * @param budgetMinutes       total running time budget in minutes, {@code 0} for none (default 0)
 * @param diversityStrength   0 = by score only, 1 = by novelty only (default 0.3)
 * @param explorationRate     share of wildcard slots, 0 to 0.5 (default 0.1: one slot in ten)
 * @param bingeRun            items of one series in a row that count as a binge (default 3)
 * @param genreRun            items of one genre in a row that call for a palate cleanser (default 4)
 * @param newArrivalDays      an item added within this many days is a new arrival (default 14)
 * @param repeatWindowDays    an item played within this many days is not offered again (default 7)
 * @param allowRepeats        turns the repeat window off, for comfort viewing (default false)
 * @param featuredMax         at most this many featured items per playlist (default 2)
 * @param genreCap            at most this many items per genre (default 4)
 * @param kidsCeiling         the minimum-age ceiling of kids mode (default 10: G, PG, TV-Y7, TV-PG)
 */
public record Tuning(int length, int budgetMinutes, double diversityStrength, double explorationRate,
                     int bingeRun, int genreRun, int newArrivalDays, int repeatWindowDays, boolean allowRepeats,
                     int featuredMax, int genreCap, int kidsCeiling) {

    public static final Tuning DEFAULTS = new Tuning(20, 0, 0.3, 0.1, 3, 4, 14, 7, false, 2, 4, 10);

    public Tuning {
        positive("length", length);
        notNegative("budgetMinutes", budgetMinutes);
        if (!(diversityStrength >= 0 && diversityStrength <= 1)) {
            throw new IllegalArgumentException("diversityStrength must be in [0, 1], was " + diversityStrength);
        }
        if (!(explorationRate >= 0 && explorationRate <= 0.5)) {
            throw new IllegalArgumentException("explorationRate must be in [0, 0.5], was " + explorationRate);
        }
        positive("bingeRun", bingeRun);
        positive("genreRun", genreRun);
        notNegative("newArrivalDays", newArrivalDays);
        notNegative("repeatWindowDays", repeatWindowDays);
        notNegative("featuredMax", featuredMax);
        positive("genreCap", genreCap);
        notNegative("kidsCeiling", kidsCeiling);
    }

    private static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    private static void notNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
    }

    /** Wildcard slot spacing implied by the exploration rate: every n-th item, or 0 for none. */
    public int wildcardEvery() {
        return explorationRate <= 0 ? 0 : (int) Math.max(2, Math.round(1 / explorationRate));
    }

    /** The duration budget, or {@code fallback} minutes when the request set none. */
    public int budgetOr(int fallback) {
        return budgetMinutes > 0 ? budgetMinutes : fallback;
    }

    public Tuning withLength(int newLength) {
        return new Tuning(newLength, budgetMinutes, diversityStrength, explorationRate, bingeRun, genreRun,
                newArrivalDays, repeatWindowDays, allowRepeats, featuredMax, genreCap, kidsCeiling);
    }

    public Tuning withBudgetMinutes(int minutes) {
        return new Tuning(length, minutes, diversityStrength, explorationRate, bingeRun, genreRun,
                newArrivalDays, repeatWindowDays, allowRepeats, featuredMax, genreCap, kidsCeiling);
    }
}
