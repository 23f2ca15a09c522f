package dev.setlist.rules;

import dev.setlist.rules.model.ListeningContext;
import dev.setlist.rules.model.Mode;
import dev.setlist.rules.model.SessionSoFar;
import dev.setlist.scorer.candidates.Candidate;
import dev.setlist.scorer.candidates.ScoreParts;
import dev.setlist.scorer.catalog.ItemProfile;
import dev.setlist.scorer.catalog.ItemProfile.ItemKind;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * Small builders shared by the rules tests, and the shipped book compiled once per test JVM (it is
 * immutable, so sharing it across tests is safe and saves a build per test).
 */
final class Fixtures {

    static final LocalDateTime TUESDAY_EVENING = LocalDateTime.of(2025, 3, 4, 19, 0);

    private static CompiledRuleBook defaults;

    private Fixtures() {
    }

    /**
     * The system property that makes {@link #defaultBook()} the classic build of the shipped packs
     * instead of their precompiled model (rules/pom.xml runs the tests of the shipped book both ways).
     */
    static final String BUILD_PROPERTY = "setlist.test.rulesBuild";

    /** The shipped book, built as the server builds it, or by the classic build when {@link #BUILD_PROPERTY} says so. */
    static synchronized CompiledRuleBook defaultBook() {
        if (defaults == null) {
            boolean classic = "classic".equals(System.getProperty(BUILD_PROPERTY));
            RuleCompiler compiler = classic ? new RuleCompiler(RuleLimits.DEFAULTS, ShippedModel.NONE) : new RuleCompiler();
            CompileResult result = compiler.compile(RuleSources.defaults(), "defaults");
            if (!result.ok()) {
                throw new AssertionError(result.report());
            }
            boolean precompiled = result.book().releaseId().startsWith(ShippedModel.RELEASE_PREFIX);
            if (precompiled == classic) {
                throw new AssertionError("the shipped book was meant to come from the " + (classic ? "classic build"
                        : "precompiled model") + " but its release id is " + result.book().releaseId());
            }
            defaults = result.book();
        }
        return defaults;
    }

    static ListeningContext context(Mode mode) {
        return new ListeningContext("u1", null, mode, TUESDAY_EVENING, null, null, SessionSoFar.EMPTY, null,
                Map.of(), Map.of());
    }

    static Candidate movie(String id, double score, String rating, int minutes, String... genres) {
        return new Candidate(new ItemProfile(id, ItemKind.MOVIE, "Movie " + id, List.of(genres), List.of(), List.of(),
                null, 2020, minutes * 60, null, null, 0, 0, null, null, rating, Instant.EPOCH), score,
                ScoreParts.NONE, false);
    }

    static Candidate titled(String id, String title, double score) {
        return new Candidate(new ItemProfile(id, ItemKind.MOVIE, title, List.of("Drama"), List.of(), List.of(), null,
                2020, 90 * 60, null, null, 0, 0, null, null, "PG", Instant.EPOCH), score, ScoreParts.NONE, false);
    }
}
