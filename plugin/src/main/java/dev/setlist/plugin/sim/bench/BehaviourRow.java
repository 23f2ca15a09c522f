package dev.setlist.plugin.sim.bench;

import java.util.Locale;
import java.util.Objects;

/**
 * One behaviour benchmark's result: the same measure for Setlist and for the naive baseline on the same
 * simulated household, which way is better, and whether Setlist is.
 *
 * <p>Immutable; share freely.
 *
 * @param behaviour the failure mode, for example {@code Sleepy viewer}
 * @param measure   what the numbers are
 * @param better    which way is better
 * @param setlist   Setlist's value
 * @param baseline  the baseline's value
 * @param detail    the figures behind the two values, in a sentence
 * @param chart     the row's figures for a plot
 */
public record BehaviourRow(String behaviour, String measure, Better better, double setlist, double baseline,
                           String detail, Chart chart) {

    /** Which way is better. */
    public enum Better {
        /** Lower is better. */
        LOWER,
        /** Higher is better. */
        HIGHER,
        /** Setlist must be exactly 0 (and the baseline is not). */
        ZERO
    }

    public BehaviourRow {
        Objects.requireNonNull(behaviour, "behaviour");
        Objects.requireNonNull(better, "better");
        if (!Double.isFinite(setlist) || !Double.isFinite(baseline)) {
            throw new IllegalArgumentException(behaviour + ": values must be finite, were " + setlist + " and " + baseline);
        }
    }

    /** Whether Setlist beats the baseline on this row. */
    public boolean setlistBetter() {
        return switch (better) {
            case LOWER -> setlist < baseline;
            case HIGHER -> setlist > baseline;
            case ZERO -> setlist == 0 && baseline > 0;
        };
    }

    /** By how much Setlist is better (negative when worse), in the measure's units. */
    public double margin() {
        return better == Better.HIGHER ? setlist - baseline : baseline - setlist;
    }

    /** The row as a Markdown table row. */
    public String markdown() {
        return String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |", behaviour, measure, format(setlist),
                format(baseline), (margin() >= 0 ? "+" : "") + format(margin()), setlistBetter() ? "yes" : "**no**");
    }

    static String format(double value) {
        return String.format(Locale.ROOT, Math.abs(value) >= 10 || value == Math.rint(value) ? "%.1f" : "%.3f", value);
    }
}
