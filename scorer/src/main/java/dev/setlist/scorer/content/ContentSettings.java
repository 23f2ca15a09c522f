package dev.setlist.scorer.content;

/**
 * Settings of the content side: which item attributes become features, how much each kind counts, and
 * the ridge regression from features to latent vectors.
 *
 * <p>Immutable; share freely.
 *
 * @param ridge         L2 weight of the regression from features to item vectors; larger pulls a cold item
 *                      towards the average item. Default 1.0 (features are unit-normalized per item, so
 *                      this is about one item's worth of evidence).
 * @param maxPeople     how many of an item's people (most prominent first) become features; default 8
 * @param yearBandYears width of the release-year bands, in years; default 10 (decades)
 * @param maxIterations conjugate-gradient iterations for the ridge solve; default 200
 * @param tolerance     relative residual at which the ridge solve stops; default 1e-6
 */
public record ContentSettings(double ridge, int maxPeople, int yearBandYears, int maxIterations, double tolerance) {

    public ContentSettings {
        if (!(ridge > 0) || !Double.isFinite(ridge)) {
            throw new IllegalArgumentException("ridge must be finite and positive, was " + ridge);
        }
        if (maxPeople < 0) {
            throw new IllegalArgumentException("maxPeople must not be negative, was " + maxPeople);
        }
        if (yearBandYears < 1) {
            throw new IllegalArgumentException("yearBandYears must be at least 1, was " + yearBandYears);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1, was " + maxIterations);
        }
        if (!(tolerance > 0) || !(tolerance < 1)) {
            throw new IllegalArgumentException("tolerance must be in (0, 1), was " + tolerance);
        }
    }

    /** The documented defaults. */
    public static ContentSettings defaults() {
        return new ContentSettings(1.0, 8, 10, 200, 1e-6);
    }

    public ContentSettings withRidge(double value) {
        return new ContentSettings(value, maxPeople, yearBandYears, maxIterations, tolerance);
    }

    public ContentSettings withMaxPeople(int value) {
        return new ContentSettings(ridge, value, yearBandYears, maxIterations, tolerance);
    }

    public ContentSettings withYearBandYears(int value) {
        return new ContentSettings(ridge, maxPeople, value, maxIterations, tolerance);
    }

    public ContentSettings withMaxIterations(int value) {
        return new ContentSettings(ridge, maxPeople, yearBandYears, value, tolerance);
    }

    public ContentSettings withTolerance(double value) {
        return new ContentSettings(ridge, maxPeople, yearBandYears, maxIterations, value);
    }
}
