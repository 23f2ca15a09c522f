package dev.setlist.plugin.sim.bench;

import java.util.List;
import java.util.Objects;

/**
 * The figures of one benchmark row, ready to draw: named series over shared categories, as grouped bars
 * or as lines (for values that move day by day).
 *
 * <p>Immutable; share freely.
 *
 * @param file       the file name to write it to, without extension
 * @param title      the title above the plot
 * @param yLabel     what the values are
 * @param categories the x positions (days, people, modes...)
 * @param series     one value per category each
 * @param lines      lines rather than grouped bars
 */
public record Chart(String file, String title, String yLabel, List<String> categories, List<Series> series,
                    boolean lines) {

    /** One named series of values, one per category. */
    public record Series(String name, List<Double> values) {
        public Series {
            values = List.copyOf(values);
        }
    }

    public Chart {
        Objects.requireNonNull(file, "file");
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        for (Series one : series) {
            if (one.values().size() != categories.size()) {
                throw new IllegalArgumentException(one.name() + " has " + one.values().size() + " values for "
                        + categories.size() + " categories");
            }
        }
    }
}
