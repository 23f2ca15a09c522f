/**
 * Exploration: offering some items because we would learn from them, not only because they score best.
 * {@link dev.setlist.scorer.explore.Exploration} reads a fold-in as a Bayesian posterior and gives each
 * (person, item) a standard deviation for UCB, or a posterior draw for Thompson sampling;
 * {@link dev.setlist.scorer.explore.WildcardPicker} picks good items far from a person's usual taste that few
 * people have played (never the person's own history),
 * deterministically for a seed. It depends on the ALS package and the data types only; how many wildcards
 * a playlist gets and where they go is for the rules and the sequencer to decide.
 */
package dev.setlist.scorer.explore;
