package dev.setlist.scorer.sequencing;

import java.util.List;
import java.util.Objects;

/**
 * Everything one sequencing needs.
 *
 * <p>Immutable; share freely.
 *
 * @param offers            the candidates, adjusted by the rules, with their reasons; exclusions already removed
 * @param constraints       the playlist constraints
 * @param relaxationOrder   which kinds of constraint may be relaxed, first to last; kinds absent here are never relaxed
 * @param length            the most entries to return (default {@value #DEFAULT_LENGTH})
 * @param diversityStrength 0 orders by score alone, 1 by novelty alone (default {@value #DEFAULT_DIVERSITY})
 * @param calibration       the genres the list should be spread over, and how strongly (default {@link Calibration#NONE})
 */
public record SequenceRequest(List<Offer> offers, List<Constraint> constraints,
                              List<ConstraintKind> relaxationOrder, int length, double diversityStrength,
                              Calibration calibration) {

    public static final int DEFAULT_LENGTH = 20;
    public static final double DEFAULT_DIVERSITY = 0.3;

    public SequenceRequest {
        offers = List.copyOf(offers);
        constraints = List.copyOf(constraints);
        relaxationOrder = relaxationOrder == null ? ConstraintKind.DEFAULT_RELAXATION_ORDER : List.copyOf(relaxationOrder);
        if (length < 0) {
            throw new IllegalArgumentException("length must not be negative: " + length);
        }
        if (!(diversityStrength >= 0 && diversityStrength <= 1)) {
            throw new IllegalArgumentException("diversityStrength must be in [0, 1], was " + diversityStrength);
        }
        Objects.requireNonNull(relaxationOrder);
        calibration = calibration == null ? Calibration.NONE : calibration;
    }

    /** A request without calibration. */
    public SequenceRequest(List<Offer> offers, List<Constraint> constraints, List<ConstraintKind> relaxationOrder,
                           int length, double diversityStrength) {
        this(offers, constraints, relaxationOrder, length, diversityStrength, Calibration.NONE);
    }

    /** A request with the default length, diversity and relaxation order. */
    public static SequenceRequest of(List<Offer> offers, List<Constraint> constraints) {
        return new SequenceRequest(offers, constraints, ConstraintKind.DEFAULT_RELAXATION_ORDER,
                DEFAULT_LENGTH, DEFAULT_DIVERSITY);
    }

    public SequenceRequest withLength(int newLength) {
        return new SequenceRequest(offers, constraints, relaxationOrder, newLength, diversityStrength, calibration);
    }

    public SequenceRequest withDiversity(double newStrength) {
        return new SequenceRequest(offers, constraints, relaxationOrder, length, newStrength, calibration);
    }

    public SequenceRequest withCalibration(Calibration newCalibration) {
        return new SequenceRequest(offers, constraints, relaxationOrder, length, diversityStrength, newCalibration);
    }
}
