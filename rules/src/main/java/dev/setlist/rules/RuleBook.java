package dev.setlist.rules;

import dev.setlist.rules.model.Curation;
import dev.setlist.rules.model.ListeningContext;
import dev.setlist.rules.model.Tuning;
import dev.setlist.scorer.candidates.Candidate;

import java.util.List;

/**
 * The rules stage as the server sees it: one evaluation turns a context, the request's tuning and
 * the scorer's candidates into a {@link RuleOutcome} (adjusted candidates with reasons, exclusions,
 * playlist constraints, the mode used, the rules that fired).
 *
 * <p>Implementations are thread-safe: evaluations may run concurrently. An evaluation never throws
 * because of a rule; a rule that fails is reported in {@link RuleOutcome#failure()}.
 */
public interface RuleBook {

    /** Evaluates with library curation flags (featured and hidden items). */
    RuleOutcome evaluate(ListeningContext context, Tuning tuning, List<Candidate> candidates, Curation curation);

    /** Evaluates without curation flags. */
    default RuleOutcome evaluate(ListeningContext context, Tuning tuning, List<Candidate> candidates) {
        return evaluate(context, tuning, candidates, Curation.NONE);
    }

    /** A label of the book that answers, for example {@code v12} or {@code defaults}. */
    String version();
}
