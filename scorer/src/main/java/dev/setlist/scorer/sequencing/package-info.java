/**
 * Sequencing: turns a scored, rule-adjusted candidate list into an ordered session. A greedy,
 * constraint-aware selection (caps per genre, series or artist, spacing, a duration budget, pins,
 * an opener, wildcard slots) with an MMR-like diversity term and, when asked, a calibration term (the
 * divergence of the list's genres from the person's, after Steck); when the catalog cannot satisfy every
 * constraint, constraints are relaxed one at a time in a stated order and each relaxation is
 * reported, so a short catalog yields a playlist and an explanation rather than an empty answer.
 *
 * <p>Constraint types live here, not in the rules module: the rules module maps its output facts
 * onto them. This package depends on the scorer's candidate and catalog types only; it must not
 * depend on Drools, the rules module or the server.
 */
package dev.setlist.scorer.sequencing;
