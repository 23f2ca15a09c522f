package dev.setlist.plugin.together;

import dev.setlist.plugin.playlist.PersonTaste;
import dev.setlist.plugin.playlist.Playlist;
import dev.setlist.plugin.playlist.TuningDefaults;
import dev.setlist.plugin.playlist.UnknownUserException;
import dev.setlist.plugin.profile.Person;
import dev.setlist.plugin.profile.ProfileService;
import dev.setlist.plugin.store.PersonStore;
import dev.setlist.plugin.taste.ModelTrainer;
import dev.setlist.plugin.taste.PersonHistory;
import dev.setlist.plugin.taste.TasteModel;
import dev.setlist.rules.RuleBook;
import dev.setlist.rules.RuleOutcome;
import dev.setlist.rules.model.Curation;
import dev.setlist.rules.model.ListeningContext;
import dev.setlist.rules.model.Mode;
import dev.setlist.rules.model.ParentalRatings;
import dev.setlist.rules.model.SessionSoFar;
import dev.setlist.rules.model.Tuning;
import dev.setlist.scorer.candidates.Candidate;
import dev.setlist.scorer.candidates.ScoreParts;
import dev.setlist.scorer.catalog.ItemProfile;
import dev.setlist.scorer.catalog.ItemProfile.ItemKind;
import dev.setlist.scorer.data.UserHistory;
import dev.setlist.scorer.sequencing.PlaylistEntry;
import dev.setlist.scorer.sequencing.Reason;
import dev.setlist.scorer.sequencing.Sequencer;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Builds one playlist for people watching together.
 *
 * <p>Each member's taste is folded in from their own history, and every item the group can watch is
 * scored for each of them; their scores become percentiles over those items (so a heavy viewer, whose
 * vector is longer, does not outvote a light one), and the {@link GroupStrategy} turns the percentiles
 * into one group score. The best items go through the rule book once, in the strictest mode among the
 * members, and the sequencer orders them as it orders a personal playlist.
 *
 * <p>The strictest mode: anyone whose chosen mode is kids, or who has a parental ceiling (a child's
 * profile), makes it kids mode for everyone, and the lowest parental ceiling among them holds. Otherwise
 * a mode the request names, else the mode every member who chose one agrees on, else what the rules
 * infer from the context. Items above the ceiling are left out before the percentiles are taken, so that
 * a grown-up's percentiles rank what can actually be watched.
 *
 * <p>Left out as well: whatever any member disliked (a dislike is misery), and films and episodes every
 * member has finished. No wildcards: a group's evening is not the moment to gamble with one person's
 * patience.
 *
 * <p>Thread-safe; stateless between requests.
 */
public final class GroupPlaylistService {

    /** Candidates handed to the rules, as for a personal playlist. */
    static final int CANDIDATES = 300;
    /** How far the fair blend's floor drops at a time when too few items clear it. */
    static final double FLOOR_STEP = 0.1;
    private static final String SOURCE = "together";

    private final ProfileService persons;
    private final PersonStore people;
    private final PersonHistory histories;
    private final ModelTrainer trainer;
    private final RuleBook rules;
    private final Sequencer sequencer;
    private final TuningDefaults defaults;
    private final Clock clock;
    private final ZoneId zone;

    public GroupPlaylistService(ProfileService persons, PersonStore people, PersonHistory histories,
                                ModelTrainer trainer, RuleBook rules, Sequencer sequencer,
                                TuningDefaults defaults, Clock clock, ZoneId zone) {
        this.persons = persons;
        this.people = people;
        this.histories = histories;
        this.trainer = trainer;
        this.rules = rules;
        this.sequencer = sequencer;
        this.defaults = defaults;
        this.clock = clock;
        this.zone = zone;
    }

    /** Thrown before the first taste model: there are no tastes to aggregate yet. */
    public static final class NoModelYet extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoModelYet() {
            super("no taste model has been trained yet (no plays recorded), so there are no tastes to aggregate");
        }
    }

    /** One member as this request sees them. */
    private record Viewer(Person person, PersonTaste taste, UserHistory history, Mode chosen) {
    }

    /**
     * The playlist for {@code request.personIds()} watching together.
     *
     * @throws UnknownUserException when one of the ids names nobody
     * @throws NoModelYet           before the first taste model
     */
    public GroupPlaylist playlistFor(GroupRequest request) {
        TasteModel taste = trainer.current();
        List<Viewer> viewers = new ArrayList<>();
        for (String id : request.personIds()) {
            Person person = persons.person(id).orElseThrow(() -> new UnknownUserException(id));
            PersonTaste personTaste = PersonTaste.of(id, histories);
            Mode chosen = people.mode(id).map(choice -> Mode.parse(choice.mode())).orElse(null);
            viewers.add(new Viewer(person, personTaste, personTaste.history(taste), chosen));
        }
        if (taste == null) {
            throw new NoModelYet();
        }
        Instant now = clock.instant();
        Playlist.ModeUsed modeUsed = strictestMode(viewers, request.mode());
        Mode mode = modeUsed == null ? null : Mode.parse(modeUsed.name());
        Integer ceiling = viewers.stream().map(viewer -> viewer.person().parentalCeiling())
                .filter(Objects::nonNull).min(Integer::compare).orElse(null);
        double diversity = request.diversity() != null ? request.diversity() : defaults.diversity();
        Tuning tuning = new Tuning(request.length(), request.budgetMinutes(), diversity, 0, Tuning.DEFAULTS.bingeRun(),
                Tuning.DEFAULTS.genreRun(), Tuning.DEFAULTS.newArrivalDays(), Tuning.DEFAULTS.repeatWindowDays(),
                Tuning.DEFAULTS.allowRepeats(), Tuning.DEFAULTS.featuredMax(), Tuning.DEFAULTS.genreCap(),
                Tuning.DEFAULTS.kidsCeiling());
        Integer effectiveCeiling = ceiling;
        if (mode == Mode.KIDS) {
            effectiveCeiling = ceiling == null ? tuning.kidsCeiling() : Math.min(ceiling, tuning.kidsCeiling());
        }
        Integer enforced = effectiveCeiling;

        int[] watchable = IntStream.range(0, taste.catalog().size())
                .filter(index -> watchable(taste.catalog().get(index), request, viewers, enforced, mode == Mode.KIDS))
                .toArray();
        double[][] percentiles = new double[viewers.size()][];
        for (int m = 0; m < viewers.size(); m++) {
            float[] scores = new float[taste.catalog().size()];
            taste.model().scoreVector(taste.model().foldIn(viewers.get(m).history()), scores);
            percentiles[m] = percentiles(scores, watchable);
        }

        List<String> notes = new ArrayList<>();
        double floorUsed = request.floor();
        int[] order;
        double[] groupScores = new double[watchable.length];
        while (true) {
            List<Integer> kept = new ArrayList<>();
            for (int w = 0; w < watchable.length; w++) {
                double lowest = lowest(percentiles, w);
                double mean = mean(percentiles, w);
                if (request.strategy() == GroupStrategy.LEAST_MISERY) {
                    // Among items equally good for the least happy member, the one the others like more.
                    groupScores[w] = lowest + 1e-3 * mean;
                    kept.add(w);
                } else if (lowest >= floorUsed - 1e-12) {
                    groupScores[w] = mean;
                    kept.add(w);
                }
            }
            boolean enough = kept.size() >= Math.min(watchable.length, 2 * request.length());
            if (enough || request.strategy() == GroupStrategy.LEAST_MISERY || floorUsed <= 0) {
                order = kept.stream().sorted(Comparator.comparingDouble((Integer w) -> -groupScores[w])
                        .thenComparing(w -> taste.items().idAt(watchable[w]))).mapToInt(Integer::intValue).toArray();
                break;
            }
            floorUsed = Math.max(0, Math.round((floorUsed - FLOOR_STEP) * 10) / 10.0);
        }
        if (request.strategy() == GroupStrategy.FAIR_BLEND && floorUsed < request.floor()) {
            notes.add(String.format(Locale.ROOT, "too few items cleared everyone's floor of %.0f%%; the floor was "
                    + "lowered to %.0f%%", 100 * request.floor(), 100 * floorUsed));
        }

        Map<String, Integer> position = new HashMap<>();
        List<Candidate> candidates = new ArrayList<>();
        for (int k = 0; k < order.length && k < CANDIDATES; k++) {
            int w = order[k];
            int index = watchable[w];
            position.put(taste.items().idAt(index), w);
            candidates.add(new Candidate(taste.catalog().get(index), groupScores[w],
                    new ScoreParts(mean(percentiles, w), 0, 0, 0, taste.candidates().popularity(index)), false));
        }

        Map<String, Instant> lastPlayed = new HashMap<>();
        for (Viewer viewer : viewers) {
            viewer.taste().lastPlayed().forEach((itemId, at) -> lastPlayed.merge(itemId, at,
                    (a, b) -> a.isAfter(b) ? a : b));
        }
        LocalDateTime localTime = request.localTime() != null ? request.localTime() : LocalDateTime.ofInstant(now, zone);
        String groupId = "together:" + String.join(",", request.personIds());
        String profile = viewers.stream().map(viewer -> viewer.person().profile()).filter(Objects::nonNull)
                .findFirst().orElse(null);
        ListeningContext context = new ListeningContext(groupId, profile, mode, localTime, request.device(),
                request.client(), SessionSoFar.EMPTY, ceiling, lastPlayed, Map.of());
        RuleOutcome outcome = rules.evaluate(context, tuning, candidates, Curation.NONE);
        dev.setlist.scorer.sequencing.Playlist ordered = sequencer.sequence(outcome.toSequenceRequest());

        List<Playlist.Entry> items = new ArrayList<>();
        List<GroupPlaylist.Fit> fairness = new ArrayList<>();
        double[] sums = new double[viewers.size()];
        double[] lows = new double[viewers.size()];
        Arrays.fill(lows, 1);
        for (PlaylistEntry entry : ordered.entries()) {
            int w = position.get(entry.itemId());
            Map<String, Double> byMember = new LinkedHashMap<>();
            List<String> parts = new ArrayList<>();
            for (int m = 0; m < viewers.size(); m++) {
                double fit = percentiles[m][w];
                byMember.put(viewers.get(m).person().id(), fit);
                parts.add(String.format(Locale.ROOT, "%s %.0f%%", viewers.get(m).person().name(), 100 * fit));
                sums[m] += fit;
                lows[m] = Math.min(lows[m], fit);
            }
            List<Playlist.Reason> reasons = new ArrayList<>();
            reasons.add(new Playlist.Reason(SOURCE, "for " + String.join(", ", parts) + String.format(Locale.ROOT,
                    ": nobody below %.0f%%", 100 * lowest(percentiles, w))));
            for (Reason reason : entry.reasons()) {
                reasons.add(new Playlist.Reason(reason.source(), reason.text()));
            }
            int place = items.size() + 1;
            items.add(Playlist.Entry.of(place, entry.candidate(), reasons));
            fairness.add(new GroupPlaylist.Fit(place, entry.itemId(), byMember, lowest(percentiles, w),
                    mean(percentiles, w)));
        }
        List<GroupPlaylist.Member> members = new ArrayList<>();
        for (int m = 0; m < viewers.size(); m++) {
            Viewer viewer = viewers.get(m);
            double meanFit = items.isEmpty() ? 0 : sums[m] / items.size();
            members.add(new GroupPlaylist.Member(viewer.person().id(), viewer.person().name(),
                    viewer.chosen() == null ? null : viewer.chosen().key(), viewer.person().parentalCeiling(),
                    viewer.history().size(), meanFit, items.isEmpty() ? 0 : lows[m]));
        }
        Playlist.ModeUsed used = modeUsed != null ? modeUsed : new Playlist.ModeUsed(outcome.mode().mode().key(),
                outcome.mode().explicit(), outcome.mode().rule(), outcome.mode().reason());
        boolean blend = request.strategy() == GroupStrategy.FAIR_BLEND;
        return new GroupPlaylist(members, request.strategy().key(), blend
                ? String.format(Locale.ROOT, "the best average for the group among items every member ranks at or "
                + "above %.0f%% of what you can watch", 100 * floorUsed)
                : "the items the least happy member minds least", blend ? request.floor() : null,
                blend ? floorUsed : null, now, request.media().name().toLowerCase(Locale.ROOT), used,
                new Playlist.RulesUsed(outcome.bookVersion(), outcome.firedRules(), outcome.failure()),
                ordered.relaxations().stream().map(r -> new Playlist.Relaxed(r.constraint().toString(), r.position(),
                        r.why())).toList(), "iALS trained " + taste.trainedAt(), items, fairness, notes);
    }

    /**
     * The strictest mode among the members, or {@code null} to let the rules infer one: kids when anyone
     * needs it, else the request's, else one the members who chose a mode all agree on.
     */
    private static Playlist.ModeUsed strictestMode(List<Viewer> viewers, Mode requested) {
        for (Viewer viewer : viewers) {
            if (viewer.chosen() == Mode.KIDS) {
                return new Playlist.ModeUsed(Mode.KIDS.key(), true, null,
                        "kids mode: " + viewer.person().name() + " is watching, in kids mode");
            }
            if (viewer.person().parentalCeiling() != null) {
                return new Playlist.ModeUsed(Mode.KIDS.key(), true, null, "kids mode: " + viewer.person().name()
                        + " is watching, with a parental ceiling of age " + viewer.person().parentalCeiling());
            }
        }
        if (requested != null) {
            return new Playlist.ModeUsed(requested.key(), true, null, "chosen by the request");
        }
        List<Mode> chosen = viewers.stream().map(Viewer::chosen).filter(Objects::nonNull).distinct().toList();
        if (chosen.size() == 1) {
            return new Playlist.ModeUsed(chosen.get(0).key(), true, null, "the mode every member who chose one chose");
        }
        return null;
    }

    /** Whether the group may be offered {@code item}: its media, under the ceiling, disliked by nobody, new to someone. */
    private static boolean watchable(ItemProfile item, GroupRequest request, List<Viewer> viewers, Integer ceiling,
                                     boolean kids) {
        if (!request.media().holds(item.kind())) {
            return false;
        }
        if (ceiling != null) {
            int age = ParentalRatings.minimumAge(item.parentalRating());
            if (age > ceiling || (age < 0 && kids && item.kind() != ItemKind.TRACK)) {
                return false;
            }
        }
        boolean newToSomeone = item.kind() == ItemKind.TRACK;
        for (Viewer viewer : viewers) {
            if (viewer.taste().disliked(item.id())) {
                return false;
            }
            newToSomeone |= !viewer.taste().finished(item.id());
        }
        return newToSomeone;
    }

    /**
     * Each watchable item's percentile among the watchable items by {@code scores}: 1 for the best, 0 for the
     * worst, ties sharing their average rank (so a member with no history yet, who scores everything 0,
     * ranks everything 0.5).
     */
    static double[] percentiles(float[] scores, int[] watchable) {
        int n = watchable.length;
        double[] result = new double[n];
        if (n == 1) {
            result[0] = 1;
            return result;
        }
        Integer[] order = new Integer[n];
        for (int w = 0; w < n; w++) {
            order[w] = w;
        }
        Arrays.sort(order, Comparator.comparingDouble(w -> scores[watchable[w]]));
        int start = 0;
        while (start < n) {
            int end = start;
            while (end + 1 < n && scores[watchable[order[end + 1]]] == scores[watchable[order[start]]]) {
                end++;
            }
            double rank = (start + end) / 2.0 / (n - 1);
            for (int k = start; k <= end; k++) {
                result[order[k]] = rank;
            }
            start = end + 1;
        }
        return result;
    }

    private static double lowest(double[][] percentiles, int w) {
        double lowest = 1;
        for (double[] member : percentiles) {
            lowest = Math.min(lowest, member[w]);
        }
        return lowest;
    }

    private static double mean(double[][] percentiles, int w) {
        double sum = 0;
        for (double[] member : percentiles) {
            sum += member[w];
        }
        return sum / percentiles.length;
    }
}
