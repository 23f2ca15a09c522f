package dev.setlist.plugin.sim.bench;

import java.util.Locale;
import java.util.Objects;

/**
 * One behaviour benchmark's result: the same measure for Setlist and for the naive baseline on the same
 * simulated household, which way is better, whether Setlist is, and by the margin it must.
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
 * @param required  the margin Setlist must reach, in the measure's units (stated in docs/behaviours.md; 0: any)
 */
public record BehaviourRow(String behaviour, String measure, Better better, double setlist, double baseline,
                           String detail, Chart chart, double required) {

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
        if (!(required >= 0) || Double.isInfinite(required)) {
            throw new IllegalArgumentException(behaviour + ": the required margin must be finite and not negative, was "
                    + required);
        }
    }

    /** A row that Setlist must win by any margin. */
    public BehaviourRow(String behaviour, String measure, Better better, double setlist, double baseline, String detail,
                        Chart chart) {
        this(behaviour, measure, better, setlist, baseline, detail, chart, 0);
    }

    /** This row, which Setlist must win by at least {@code margin}. */
    public BehaviourRow requiring(double margin) {
        return new BehaviourRow(behaviour, measure, better, setlist, baseline, detail, chart, margin);
    }

    /**
     * Whether Setlist beats the baseline by at least the required margin (a margin equal to it in decimal, such
     * as 0.65/7 − 0.3/7 against 0.05, meets it whatever the rounding of the doubles).
     */
    public boolean marginMet() {
        return setlistBetter() && margin() >= required - 1e-9;
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
        return String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |", behaviour, measure, format(setlist),
                format(baseline), (margin() >= 0 ? "+" : "") + format(margin()),
                better == Better.ZERO ? "Setlist 0" : "+" + format(required), marginMet() ? "yes" : "**no**");
    }

    static String format(double value) {
        return String.format(Locale.ROOT, Math.abs(value) >= 10 || value == Math.rint(value) ? "%.1f" : "%.3f", value);
    }
}
