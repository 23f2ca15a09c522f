/**
 * The candidates handed to the rules: {@link dev.setlist.scorer.candidates.CandidateGenerator} scores the
 * whole catalog for one {@link dev.setlist.scorer.candidates.CandidateRequest}, adding taste (iALS
 * fold-in), content, session and popularity with {@link dev.setlist.scorer.candidates.CandidateWeights}
 * and an optional exploration bonus, keeps the exact top k with a bounded heap, and appends wildcards.
 * Each {@link dev.setlist.scorer.candidates.Candidate} carries its {@link dev.setlist.scorer.candidates.ScoreParts}
 * so that later stages can weigh and explain it. This package composes the model packages; nothing in
 * the scorer's model packages may depend on it.
 */
package dev.setlist.scorer.candidates;
