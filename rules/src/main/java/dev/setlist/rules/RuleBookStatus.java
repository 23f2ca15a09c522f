package dev.setlist.rules;

import java.time.Instant;
import java.util.List;

/**
 * The live book's state, for the health endpoint and the rule editor.
 *
 * <p>Immutable; share freely.
 *
 * @param version       the label of the book serving now ({@code v12}, or {@code defaults})
 * @param servingSince  when it went live
 * @param releaseId     the KIE release id it was built under
 * @param lastAttempt   when a new book was last checked (equal to {@code servingSince} when that check went live)
 * @param lastProblems  why the last check was refused; empty when it went live
 * @param rebuilds      how many books went live since start
 * @param refusals      how many were refused since start
 */
public record RuleBookStatus(String version, Instant servingSince, String releaseId, Instant lastAttempt,
                             List<RuleProblem> lastProblems, long rebuilds, long refusals) {

    public RuleBookStatus {
        lastProblems = List.copyOf(lastProblems);
    }

    /** Whether the last check went live (the book serving is the newest one submitted). */
    public boolean upToDate() {
        return lastProblems.isEmpty();
    }
}
