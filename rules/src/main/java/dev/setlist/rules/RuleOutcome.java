package dev.setlist.rules;

import dev.setlist.rules.model.Adjustment;
import dev.setlist.rules.model.Exclusion;
import dev.setlist.rules.model.Tuning;
import dev.setlist.scorer.sequencing.Constraint;
import dev.setlist.scorer.sequencing.ConstraintKind;
import dev.setlist.scorer.sequencing.Offer;
import dev.setlist.scorer.sequencing.SequenceRequest;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one evaluation decided.
 *
 * <p>Immutable; share freely.
 *
 * @param bookVersion     the book that evaluated
 * @param mode            the mode used and why
 * @param offers          the candidates that survive, best adjusted score first, each with its reasons
 * @param exclusions      the candidates removed, with rule and reason (always-on filters included)
 * @param adjustments     every boost and bury applied, with rule and reason
 * @param constraints     the playlist constraints for the sequencer
 * @param relaxationOrder the order in which the sequencer may relax constraints
 * @param firedRules      names of the rules that fired, each once, in first-firing order
 * @param firings         how many times rules fired in all
 * @param failure         why the evaluation stopped early (a firing or time limit, an exception in a
 *                        rule), or {@code null}; on failure only the always-on filters were applied
 * @param notes           minor issues worth showing a curator (for example an unknown relaxation kind)
 * @param tuning          the tuning the evaluation used
 * @param elapsed         wall-clock time of the evaluation
 */
public record RuleOutcome(String bookVersion, ModeDecision mode, List<Offer> offers, List<Exclusion> exclusions,
                          List<Adjustment> adjustments, List<Constraint> constraints,
                          List<ConstraintKind> relaxationOrder, List<String> firedRules, int firings, String failure,
                          List<String> notes, Tuning tuning, Duration elapsed) {

    public RuleOutcome {
        Objects.requireNonNull(bookVersion, "bookVersion");
        Objects.requireNonNull(mode, "mode");
        offers = List.copyOf(offers);
        exclusions = List.copyOf(exclusions);
        adjustments = List.copyOf(adjustments);
        constraints = List.copyOf(constraints);
        relaxationOrder = List.copyOf(relaxationOrder);
        firedRules = List.copyOf(firedRules);
        notes = List.copyOf(notes);
        Objects.requireNonNull(tuning, "tuning");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    public boolean failed() {
        return failure != null;
    }

    /** Whether {@code itemId} was excluded. */
    public boolean excluded(String itemId) {
        return exclusions.stream().anyMatch(exclusion -> exclusion.itemId().equals(itemId));
    }

    /** The combined adjustment factor of {@code itemId} (1 when no rule touched it). */
    public double factorOf(String itemId) {
        double factor = 1;
        for (Adjustment adjustment : adjustments) {
            if (adjustment.itemId().equals(itemId)) {
                factor *= adjustment.factor();
            }
        }
        return factor;
    }

    /** The sequencing request this outcome implies, with the tuning's length and diversity. */
    public SequenceRequest toSequenceRequest() {
        return new SequenceRequest(offers, constraints, relaxationOrder, tuning.length(), tuning.diversityStrength());
    }
}
