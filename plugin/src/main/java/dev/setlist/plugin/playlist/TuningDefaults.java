package dev.setlist.plugin.playlist;

import dev.setlist.scorer.sequencing.Calibration;

/**
 * The tuning a person gets until a power user sets theirs.
 *
 * @param explorationMin lowest exploration rate the adaptive rate may fall to (default 0.05)
 * @param explorationMax highest it may rise to (default 0.30; the rules accept at most 0.5)
 * @param wildcardSlots  wildcards offered per playlist while exploring (default 1)
 * @param diversity      diversity strength of the sequencer, 0 (score only) to 1 (novelty only) (default 0.3)
 * @param calibration    how strongly a playlist's genres are kept to the spread of the person's history, 0 (not
 *                       at all) to 1 (nothing else counts) (default {@value Calibration#DEFAULT_STRENGTH}; see
 *                       {@link Calibration})
 * @param seriesInOrder  whether a video playlist offers a series only through the episode the person is up to
 *                       (see {@link dev.setlist.scorer.catalog.SeriesOrder}); default false, as measured in
 *                       docs/behaviours.md
 */
public record TuningDefaults(double explorationMin, double explorationMax, int wildcardSlots, double diversity,
                             double calibration, boolean seriesInOrder) {

    public static final TuningDefaults STANDARD = new TuningDefaults(0.05, 0.30, 1, 0.3, Calibration.DEFAULT_STRENGTH,
            false);

    /** These defaults, with series offered in any order (as {@link #STANDARD} has it). */
    public TuningDefaults(double explorationMin, double explorationMax, int wildcardSlots, double diversity,
                          double calibration) {
        this(explorationMin, explorationMax, wildcardSlots, diversity, calibration, false);
    }

    /** These defaults with series kept in order, or not. */
    public TuningDefaults withSeriesInOrder(boolean inOrder) {
        return new TuningDefaults(explorationMin, explorationMax, wildcardSlots, diversity, calibration, inOrder);
    }

    public TuningDefaults {
        if (!(explorationMin >= 0 && explorationMin <= explorationMax && explorationMax <= 0.5)) {
            throw new IllegalArgumentException("need 0 <= explorationMin <= explorationMax <= 0.5, was "
                    + explorationMin + " and " + explorationMax);
        }
        if (wildcardSlots < 0 || wildcardSlots > 10) {
            throw new IllegalArgumentException("wildcardSlots must be between 0 and 10, was " + wildcardSlots);
        }
        if (!(diversity >= 0 && diversity <= 1)) {
            throw new IllegalArgumentException("diversity must be between 0 and 1, was " + diversity);
        }
        if (!(calibration >= 0 && calibration <= 1)) {
            throw new IllegalArgumentException("calibration must be between 0 and 1, was " + calibration);
        }
    }
}
