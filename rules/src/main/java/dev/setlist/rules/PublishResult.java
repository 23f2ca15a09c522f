package dev.setlist.rules;

import java.util.List;

/**
 * The answer to a publish or rollback: the version that went live, or the problems that kept the
 * previous one serving.
 *
 * @param version  the version now live, or {@code null} when refused
 * @param problems why it was refused; empty on success
 */
public record PublishResult(RuleVersion version, List<RuleProblem> problems) {

    public PublishResult {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
