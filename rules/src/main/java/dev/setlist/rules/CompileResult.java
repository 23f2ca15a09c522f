package dev.setlist.rules;

import java.time.Duration;
import java.util.List;

/**
 * The result of compiling rule sources: a book, or the problems that refused it.
 *
 * <p>Immutable; share freely.
 *
 * @param book     the compiled book, or {@code null} when refused
 * @param problems why it was refused, each at {@code file:line:column}; empty when {@code book} is set
 * @param elapsed  how long checking and building took
 */
public record CompileResult(CompiledRuleBook book, List<RuleProblem> problems, Duration elapsed) {

    public CompileResult {
        problems = List.copyOf(problems);
        if ((book == null) == problems.isEmpty()) {
            throw new IllegalArgumentException("a compile result has a book or problems, not both or neither");
        }
    }

    public boolean ok() {
        return book != null;
    }

    /** The problems, one per line, as {@code file:line:column: message}. */
    public String report() {
        StringBuilder text = new StringBuilder();
        for (RuleProblem problem : problems) {
            text.append(problem).append('\n');
        }
        return text.toString();
    }
}
