package dev.setlist.rules.scenario;

import dev.setlist.rules.RuleOutcome;
import dev.setlist.scorer.sequencing.Playlist;

/**
 * What a scenario produced: the rules' outcome and the sequenced playlist.
 *
 * @param outcome  the rule book's outcome
 * @param playlist the sequencer's playlist from that outcome
 */
public record ScenarioRun(RuleOutcome outcome, Playlist playlist) {
}
