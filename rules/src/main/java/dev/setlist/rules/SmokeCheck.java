package dev.setlist.rules;

import dev.setlist.rules.model.Curation;
import dev.setlist.rules.model.ListeningContext;
import dev.setlist.rules.model.Mode;
import dev.setlist.rules.model.SessionSoFar;
import dev.setlist.rules.model.Tuning;
import dev.setlist.scorer.candidates.Candidate;
import dev.setlist.scorer.candidates.ScoreParts;
import dev.setlist.scorer.catalog.ItemProfile;
import dev.setlist.scorer.catalog.ItemProfile.ItemKind;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a freshly built book on a small fixed probe (every mode, explicit and inferred, a binge in
 * the session, films, episodes and tracks of several ratings) before it may go live, so that a rule
 * that loops or throws on ordinary input is refused at publish time rather than found by a listener.
 * It also warms the new knowledge base, so the first requests after a swap are not the slow ones.
 *
 * <p>Stateless; share freely.
 */
final class SmokeCheck {

    private static final LocalDateTime[] TIMES = {
        LocalDateTime.of(2025, 3, 4, 8, 15),   // Tuesday morning
        LocalDateTime.of(2025, 3, 7, 20, 30),  // Friday evening
        LocalDateTime.of(2025, 3, 8, 23, 45),  // Saturday late night
    };

    private SmokeCheck() {
    }

    /** The first failure of {@code book} on the probe, or null when every probe evaluation succeeds. */
    static String firstFailure(CompiledRuleBook book) {
        List<Candidate> candidates = candidates();
        Curation curation = new Curation(Set.of("m1", "e1"), Set.of("m4"));
        SessionSoFar binge = SessionSoFar.of(List.of(
                episode("p1", "S9", "Comedy"), episode("p2", "S9", "Comedy"), episode("p3", "S9", "Comedy"),
                episode("p4", "S9", "Comedy")));
        List<Mode> modes = new ArrayList<>();
        modes.add(null);
        modes.addAll(List.of(Mode.values()));
        for (Mode mode : modes) {
            // Inference depends on the time; an explicit mode does not, so one late-night probe suffices.
            LocalDateTime[] times = mode == null ? TIMES : new LocalDateTime[] {TIMES[TIMES.length - 1]};
            for (LocalDateTime time : times) {
                ListeningContext context = new ListeningContext("probe", mode == Mode.KIDS ? "kids" : null, mode, time,
                        "Living Room TV", "Jellyfin Android TV", binge, null,
                        Map.of("m2", time.toInstant(java.time.ZoneOffset.UTC).minusSeconds(86_400)),
                        Map.of("heart_rate", 130.0));
                RuleOutcome outcome = book.evaluate(context, Tuning.DEFAULTS.withBudgetMinutes(180), candidates, curation);
                if (outcome.failed()) {
                    return outcome.failure() + " (smoke check, mode " + (mode == null ? "inferred" : mode.key())
                            + ", " + time + ")";
                }
            }
        }
        return null;
    }

    private static List<Candidate> candidates() {
        Instant added = LocalDateTime.of(2025, 3, 1, 0, 0).toInstant(java.time.ZoneOffset.UTC);
        List<ItemProfile> items = List.of(
                new ItemProfile("m1", ItemKind.MOVIE, "Feature", List.of("Drama"), List.of("calm"), List.of(), null,
                        2020, 110 * 60, null, null, 0, 0, null, null, "PG", added),
                new ItemProfile("m2", ItemKind.MOVIE, "Action", List.of("Action"), List.of("high-energy"), List.of(),
                        null, 2019, 130 * 60, null, null, 0, 0, null, null, "R", Instant.EPOCH),
                new ItemProfile("m3", ItemKind.MOVIE, "Cartoon", List.of("Animation", "Family"), List.of(), List.of(),
                        null, 2018, 85 * 60, null, null, 0, 0, null, null, "G", Instant.EPOCH),
                new ItemProfile("m4", ItemKind.MOVIE, "Unrated", List.of("Documentary"), List.of(), List.of(), null,
                        null, 0, null, null, 0, 0, null, null, null, Instant.EPOCH),
                episode("e1", "S1", "Comedy"), episode("e2", "S1", "Comedy"), episode("e3", "S9", "Comedy"),
                new ItemProfile("t1", ItemKind.TRACK, "Song", List.of("Rock"), List.of("high-energy"), List.of(), null,
                        2001, 200, null, null, 0, 0, "Band", "Album", null, Instant.EPOCH),
                new ItemProfile("t2", ItemKind.TRACK, "Quiet", List.of("Ambient"), List.of("instrumental", "calm"),
                        List.of(), null, 2001, 300, null, null, 0, 0, "Band", "Album", null, Instant.EPOCH));
        List<Candidate> candidates = new ArrayList<>();
        double score = 1;
        for (ItemProfile item : items) {
            candidates.add(new Candidate(item, score, ScoreParts.NONE, item.id().equals("m3")));
            score -= 0.05;
        }
        return candidates;
    }

    private static ItemProfile episode(String id, String series, String genre) {
        return new ItemProfile(id, ItemKind.EPISODE, "Episode " + id, List.of(genre), List.of("cliffhanger"), List.of(),
                null, 2021, 24 * 60, series, "Series " + series, 1, 1, null, null, "TV-PG", Instant.EPOCH);
    }
}
