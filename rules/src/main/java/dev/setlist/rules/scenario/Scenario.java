package dev.setlist.rules.scenario;

import dev.setlist.rules.model.Curation;
import dev.setlist.rules.model.ListeningContext;
import dev.setlist.rules.model.Tuning;
import dev.setlist.scorer.candidates.Candidate;

import java.util.List;

/**
 * One curator scenario, parsed.
 *
 * <p>Immutable; share freely.
 *
 * @param name         what the scenario is about
 * @param file         the file it came from
 * @param context      the listening context
 * @param tuning       the tuning (defaults with the file's overrides)
 * @param curation     featured and hidden items
 * @param candidates   the candidates, as the scorer would send them
 * @param expectations what must hold
 */
public record Scenario(String name, String file, ListeningContext context, Tuning tuning, Curation curation,
                       List<Candidate> candidates, List<Expectation> expectations) {

    public Scenario {
        candidates = List.copyOf(candidates);
        expectations = List.copyOf(expectations);
    }
}
