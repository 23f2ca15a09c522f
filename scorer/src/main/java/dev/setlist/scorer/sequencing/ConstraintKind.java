package dev.setlist.scorer.sequencing;

import java.util.List;

/**
 * The kinds of playlist constraint, as named in a relaxation order. Each {@link Constraint} has
 * exactly one kind; relaxing "genre caps" means relaxing constraints of kind {@link #GENRE_CAP}.
 */
public enum ConstraintKind {
    GENRE_CAP,
    SERIES_CAP,
    ARTIST_CAP,
    KIND_CAP,
    GENRE_SPACING,
    SERIES_SPACING,
    ARTIST_SPACING,
    KIND_SPACING,
    SET_CAP,
    OPENER,
    PIN,
    WILDCARD_SLOTS,
    DURATION_BUDGET;

    /**
     * The order used when a request states none: spacing goes first (a repeat a little early is the
     * mildest fault), then caps from the broadest group to the narrowest, then the opener and the
     * featured cap. Pins, wildcard slots and the duration budget are absent: a pin that cannot be
     * honoured is dropped on its own, wildcard slots fall back to ordinary items, and the duration
     * budget ends the playlist instead of being exceeded.
     */
    public static final List<ConstraintKind> DEFAULT_RELAXATION_ORDER = List.of(
            GENRE_SPACING, KIND_SPACING, ARTIST_SPACING, SERIES_SPACING,
            GENRE_CAP, KIND_CAP, ARTIST_CAP, SERIES_CAP,
            OPENER, SET_CAP);

    /** Lower-case words for messages, for example {@code genre cap}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    static ConstraintKind capOf(Facet facet) {
        return switch (facet) {
            case GENRE -> GENRE_CAP;
            case SERIES -> SERIES_CAP;
            case ARTIST -> ARTIST_CAP;
            case KIND -> KIND_CAP;
        };
    }

    static ConstraintKind spacingOf(Facet facet) {
        return switch (facet) {
            case GENRE -> GENRE_SPACING;
            case SERIES -> SERIES_SPACING;
            case ARTIST -> ARTIST_SPACING;
            case KIND -> KIND_SPACING;
        };
    }
}
