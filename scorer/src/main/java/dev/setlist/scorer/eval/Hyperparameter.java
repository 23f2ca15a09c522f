package dev.setlist.scorer.eval;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One named hyperparameter value of a configured recommender, for reports: {@code k = 100},
 * {@code lambda = 200}.
 *
 * <p>Immutable; share freely.
 */
public record Hyperparameter(String name, double value) {

    public Hyperparameter {
        Objects.requireNonNull(name, "name");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, was " + value);
        }
    }

    /** The value as a person would write it: integers without a decimal point, others with up to 4 significant digits. */
    public String formattedValue() {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        String text = String.format(Locale.ROOT, "%.4g", value);
        if (text.contains("e")) {
            return text.replaceFirst("\\.?0+e", "e");
        }
        return text.contains(".") ? text.replaceFirst("\\.?0+$", "") : text;
    }

    @Override
    public String toString() {
        return name + "=" + formattedValue();
    }

    /** {@code name=value} pairs separated by spaces, or {@code -} for none. */
    public static String describe(List<Hyperparameter> hyperparameters) {
        if (hyperparameters.isEmpty()) {
            return "-";
        }
        return hyperparameters.stream().map(Hyperparameter::toString).collect(Collectors.joining(" "));
    }
}
