package dev.setlist.rules.scenario;

import dev.setlist.rules.model.Adjustment;
import dev.setlist.rules.model.Exclusion;
import dev.setlist.rules.model.Mode;
import dev.setlist.scorer.catalog.ItemProfile;
import dev.setlist.scorer.catalog.ItemProfile.ItemKind;
import dev.setlist.scorer.sequencing.PlaylistEntry;
import dev.setlist.scorer.sequencing.Relaxation;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * One thing a scenario expects. Each kind is one key in a scenario file's {@code expect} list.
 *
 * <p>All implementations are immutable records.
 */
public sealed interface Expectation {

    /** Checks this expectation against a run. */
    Check check(ScenarioRun run);

    private static String where(ScenarioRun run, String itemId) {
        List<String> ids = run.playlist().itemIds();
        int position = ids.indexOf(itemId);
        if (position >= 0) {
            return "it is at position " + (position + 1) + " of the playlist";
        }
        for (Exclusion exclusion : run.outcome().exclusions()) {
            if (exclusion.itemId().equals(itemId)) {
                return "it was excluded by '" + exclusion.rule() + "': " + exclusion.reason();
            }
        }
        return "it is not in the playlist (not excluded; it did not make the cut)";
    }

    /** {@code excluded: "42"}: the rules (or the always-on filters) excluded the item. */
    record Excluded(String itemId) implements Expectation {
        @Override
        public Check check(ScenarioRun run) {
            String text = "item " + itemId + " is excluded";
            for (Exclusion exclusion : run.outcome().exclusions()) {
                if (exclusion.itemId().equals(itemId)) {
                    return new Check(true, text, "by '" + exclusion.rule() + "': " + exclusion.reason());
                }
            }
            return new Check(false, text, where(run, itemId));
        }
    }

    /** {@code notExcluded: "42"}. */
    record NotExcluded(String itemId) implements Expectation {
        @Override
        public Check check(ScenarioRun run) {
            String text = "item " + itemId + " is not excluded";
            return new Check(!run.outcome().excluded(itemId), text, where(run, itemId));
        }
    }

    /** {@code offered: "42"}: the item is in the playlist. */
    record Offered(String itemId) implements Expectation {
        @Override
        public Check check(ScenarioRun run) {
            return new Check(run.playlist().itemIds().contains(itemId), "item " + itemId + " is in the playlist",
                    where(run, itemId));
        }
    }

    /** {@code notOffered: "42"}. */
    record NotOffered(String itemId) implements Expectation {
        @Override
        public Check check(ScenarioRun run) {
            return new Check(!run.playlist().itemIds().contains(itemId), "item " + itemId + " is not in the playlist",
                    where(run, itemId));
        }
    }

    /** {@code boosted: "42"} or {@code buried: "42"}: the combined factor is above or below 1. */
    record Adjusted(String itemId, boolean up) implements Expectation {
        @Override
        public Check check(ScenarioRun run) {
            double factor = run.outcome().factorOf(itemId);
            List<String> by = run.outcome().adjustments().stream().filter(a -> a.itemId().equals(itemId))
                    .map(a -> "'" + a.rule() + "' ×" + String.format(Locale.ROOT, "%.2f", a.factor())).toList();
            boolean passed = up ? factor > 1 : factor < 1;
            return new Check(passed, "item " + itemId + " is " + (up ? "boosted" : "buried"),
                    String.format(Locale.ROOT, "combined factor ×%.2f", factor) + (by.isEmpty() ? "" : " from " + by));
        }
    }

    /** {@code mode: kids}: the evaluation ran in this mode. */
    record InMode(Mode mode) implements Expectation {
        @Override
        public Check check(ScenarioRun run) {
            var decision = run.outcome().mode();
            return new Check(decision.mode() == mode, "the mode is " + mode.key(), "the mode is " + decision.mode().key()
                    + (decision.explicit() ? " (chosen by the request)" : " (" + decision.reason() + ")"));
        }
    }

    /** {@code fired: "rule name"} or {@code notFired: "rule name"}. */
    record Fired(String rule, boolean expected) implements Expectation {
        @Override
        public Check check(ScenarioRun run) {
            boolean fired = run.outcome().firedRules().contains(rule);
            return new Check(fired == expected, "rule '" + rule + "' " + (expected ? "fires" : "does not fire"),
                    fired ? "it fired" : "it did not fire; fired: " + run.outcome().firedRules());
        }
    }

    /**
     * {@code first: {kind: movie, maxMinutes: 130, minMinutes: 75, genre: Drama}}: the first playlist
     * item has these properties (each optional).
     */
    record First(ItemKind kind, Integer minMinutes, Integer maxMinutes, String genre) implements Expectation {
        @Override
        public Check check(ScenarioRun run) {
            StringBuilder text = new StringBuilder("the first item is a ");
            text.append(kind == null ? "item" : kind.name().toLowerCase(Locale.ROOT));
            if (genre != null) {
                text.append(" of genre ").append(genre);
            }
            if (minMinutes != null) {
                text.append(", at least ").append(minMinutes).append(" minutes");
            }
            if (maxMinutes != null) {
                text.append(", under ").append(maxMinutes).append(" minutes");
            }
            if (run.playlist().entries().isEmpty()) {
                return new Check(false, text.toString(), "the playlist is empty");
            }
            ItemProfile item = run.playlist().entries().get(0).candidate().item();
            boolean passed = (kind == null || item.kind() == kind)
                    && (genre == null || item.genres().stream().anyMatch(g -> g.equalsIgnoreCase(genre)))
                    && (minMinutes == null || item.runtimeMinutes() >= minMinutes)
                    && (maxMinutes == null || item.runtimeMinutes() < maxMinutes);
            return new Check(passed, text.toString(), "it is " + item.id() + " (" + item.kind().name().toLowerCase(Locale.ROOT)
                    + ", " + item.runtimeMinutes() + " min, " + item.genres() + ")");
        }
    }

    /** {@code top: {n: 5, atLeastGenres: 3, maxPerGenre: 2}}: the first n entries are varied enough. */
    record Top(int n, Integer atLeastGenres, Integer maxPerGenre) implements Expectation {
        @Override
        public Check check(ScenarioRun run) {
            List<PlaylistEntry> top = run.playlist().entries().subList(0, Math.min(n, run.playlist().size()));
            Set<String> genres = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            java.util.Map<String, Integer> counts = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (PlaylistEntry entry : top) {
                for (String genre : entry.candidate().item().genres()) {
                    genres.add(genre);
                    counts.merge(genre, 1, Integer::sum);
                }
            }
            int most = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            boolean passed = top.size() == n && (atLeastGenres == null || genres.size() >= atLeastGenres)
                    && (maxPerGenre == null || most <= maxPerGenre);
            String text = "the top " + n + (atLeastGenres == null ? "" : " span at least " + atLeastGenres + " genres")
                    + (maxPerGenre == null ? "" : (atLeastGenres == null ? "" : " and") + " have at most " + maxPerGenre
                    + " of any genre");
            return new Check(passed, text, top.size() + " items, genres " + counts);
        }
    }

    /** {@code length: {min: 5, max: 10}}: the playlist's length is within bounds. */
    record Length(Integer min, Integer max) implements Expectation {
        @Override
        public Check check(ScenarioRun run) {
            int size = run.playlist().size();
            boolean passed = (min == null || size >= min) && (max == null || size <= max);
            return new Check(passed, "the playlist has " + (min == null ? "" : "at least " + min)
                    + (min != null && max != null ? " and " : "") + (max == null ? "" : "at most " + max) + " items",
                    "it has " + size + ": " + run.playlist().itemIds());
        }
    }

    /** {@code maxTotalMinutes: 180}: the playlist runs no longer. */
    record MaxTotalMinutes(int minutes) implements Expectation {
        @Override
        public Check check(ScenarioRun run) {
            int total = run.playlist().totalMinutes();
            return new Check(total <= minutes, "the playlist runs at most " + minutes + " minutes", "it runs " + total);
        }
    }

    /** {@code position: {item: "9", at: 1}}: an item is at a 1-based position. */
    record Position(String itemId, int at) implements Expectation {
        @Override
        public Check check(ScenarioRun run) {
            List<String> ids = run.playlist().itemIds();
            boolean passed = at >= 1 && at <= ids.size() && ids.get(at - 1).equals(itemId);
            return new Check(passed, "item " + itemId + " is at position " + at, where(run, itemId));
        }
    }

    /** {@code relaxed: "genre cap"}: the sequencer had to relax a constraint of this kind. */
    record Relaxed(String kind) implements Expectation {
        @Override
        public Check check(ScenarioRun run) {
            List<String> relaxed = run.playlist().relaxations().stream().map(Relaxation::constraint)
                    .map(c -> c.kind().label()).toList();
            String normal = kind.toLowerCase(Locale.ROOT).replace('_', ' ').strip();
            return new Check(relaxed.contains(normal), "a " + normal + " is relaxed",
                    relaxed.isEmpty() ? "nothing was relaxed" : "relaxed: " + relaxed);
        }
    }

    /** {@code noRelaxations: true}: every constraint held. */
    record NoRelaxations() implements Expectation {
        @Override
        public Check check(ScenarioRun run) {
            return new Check(run.playlist().relaxations().isEmpty(), "every constraint holds",
                    run.playlist().relaxations().isEmpty() ? "none relaxed" : run.playlist().relaxations().toString());
        }
    }

    /** {@code failure: true}: the evaluation is expected to stop early (for testing limits). */
    record Fails() implements Expectation {
        @Override
        public Check check(ScenarioRun run) {
            return new Check(run.outcome().failed(), "the rules stop early",
                    run.outcome().failed() ? run.outcome().failure() : "they ran to the end");
        }
    }

    /** {@code adjustedBy: {item: "7", rule: "Business: featured"}}: a given rule adjusted an item. */
    record AdjustedBy(String itemId, String rule) implements Expectation {
        @Override
        public Check check(ScenarioRun run) {
            List<Adjustment> own = run.outcome().adjustments().stream().filter(a -> a.itemId().equals(itemId)).toList();
            boolean passed = own.stream().anyMatch(a -> a.rule().equals(rule));
            return new Check(passed, "rule '" + rule + "' adjusts item " + itemId,
                    own.isEmpty() ? "no rule adjusted it" : "adjusted by " + own.stream().map(Adjustment::rule).toList());
        }
    }
}
