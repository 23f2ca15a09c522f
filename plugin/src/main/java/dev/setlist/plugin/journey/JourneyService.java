package dev.setlist.plugin.journey;

import dev.setlist.plugin.library.Library;
import dev.setlist.plugin.playlist.Occasion;
import dev.setlist.plugin.playlist.PersonTaste;
import dev.setlist.plugin.playlist.Playlist;
import dev.setlist.plugin.playlist.PlaylistRequest;
import dev.setlist.plugin.playlist.UnknownItemException;
import dev.setlist.plugin.playlist.UnknownUserException;
import dev.setlist.plugin.profile.Person;
import dev.setlist.plugin.profile.ProfileService;
import dev.setlist.plugin.signals.PlayTimeline;
import dev.setlist.plugin.store.PersonStore;
import dev.setlist.plugin.taste.ModelTrainer;
import dev.setlist.plugin.taste.PersonHistory;
import dev.setlist.plugin.taste.TasteModel;
import dev.setlist.rules.CompiledRuleBook;
import dev.setlist.rules.RuleBook;
import dev.setlist.rules.RuleOutcome;
import dev.setlist.rules.model.Curation;
import dev.setlist.rules.model.Exclusion;
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
import dev.setlist.scorer.path.TastePath;
import dev.setlist.scorer.sequencing.Constraint;
import dev.setlist.scorer.sequencing.Offer;
import dev.setlist.scorer.sequencing.PlaylistEntry;
import dev.setlist.scorer.sequencing.Reason;
import dev.setlist.scorer.sequencing.Relaxation;
import dev.setlist.scorer.sequencing.SequenceRequest;
import dev.setlist.scorer.sequencing.Sequencer;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds journeys: sessions that travel from one item to another through taste space.
 *
 * <p>The path is the straight line between the two items' iALS vectors ({@link TastePath}). A journey of
 * {@code n} items aims step {@code k} at the point {@code k / (n - 1)} of it; the items that fit each
 * point best (near the line there, and near the person's taste, by the request's pull) are that step's
 * candidates. Every candidate goes through the rule book in one evaluation, exactly as a playlist's do
 * (mode, parental ceiling, repeat window, boosts and buries, constraints). Then the sequencer fills the
 * steps in path order, one at a time: each run pins the steps already chosen to their positions and
 * chooses the next among that step's candidates only, so caps and spacing see the whole journey so far
 * while the order stays the path's. A step none of whose candidates survives is left out, and said so.
 *
 * <p>The two ends are the person's choice: they play first and last whatever the rules would have said
 * of them as candidates (played recently, say), except that an end above the person's parental ceiling
 * refuses the journey. Journeys have no wildcards: the path is the adventure.
 *
 * <p>Thread-safe; stateless between requests.
 */
public final class JourneyService {

    /**
     * Items near each step's point handed to the rules: three times what a step chooses from, because the
     * rules may exclude many of them (near the person's taste lie the items they played this week).
     * Neighbouring steps share most of theirs, so the rules see a few hundred candidates for a long journey.
     */
    static final int NEAR_EACH_STEP = 36;
    /** The survivors of the rules a step chooses from: its best by fit, so the sequencer keeps to the path. */
    static final int PER_STEP = 12;
    private static final String SOURCE = "journey";

    private final Library library;
    private final ProfileService persons;
    private final PersonStore people;
    private final PersonHistory histories;
    private final PlayTimeline timeline;
    private final ModelTrainer trainer;
    private final RuleBook rules;
    private final Sequencer sequencer;
    private final Clock clock;
    private final ZoneId zone;
    private final Occasion.Factory occasions;

    public JourneyService(Library library, ProfileService persons, PersonStore people, PersonHistory histories,
                          PlayTimeline timeline, ModelTrainer trainer, RuleBook rules, Sequencer sequencer,
                          Clock clock, ZoneId zone) {
        this.library = library;
        this.persons = persons;
        this.people = people;
        this.histories = histories;
        this.timeline = timeline;
        this.trainer = trainer;
        this.rules = rules;
        this.sequencer = sequencer;
        this.clock = clock;
        this.zone = zone;
        this.occasions = new Occasion.Factory(library, people, histories, timeline, clock, zone);
    }

    /**
     * The journey of {@code personId} from {@code request.fromId()} to {@code request.toId()}.
     *
     * @throws UnknownUserException when nobody has that id
     * @throws UnknownItemException when the catalog has no such item
     * @throws JourneyRefused       when the journey cannot be made (mixed media, one item twice, an end
     *                              above the parental ceiling or without a place in taste space, no model yet)
     */
    public Journey journey(String personId, JourneyRequest request) {
        Person person = persons.person(personId).orElseThrow(() -> new UnknownUserException(personId));
        ItemProfile from = library.find(request.fromId()).orElseThrow(() -> new UnknownItemException(request.fromId()));
        ItemProfile to = library.find(request.toId()).orElseThrow(() -> new UnknownItemException(request.toId()));
        if (from.id().equals(to.id())) {
            throw new JourneyRefused(JourneyRefused.Why.SAME_ITEM, "from and to are the same item; a journey needs two");
        }
        PlaylistRequest.Media media = PlaylistRequest.Media.of(from.kind());
        if (PlaylistRequest.Media.of(to.kind()) != media) {
            throw new JourneyRefused(JourneyRefused.Why.MIXED_MEDIA, "from is " + describe(from) + " and to is "
                    + describe(to) + ": a journey stays within one media, music or video, as a playlist does");
        }
        TasteModel taste = trainer.current();
        if (taste == null) {
            throw new JourneyRefused(JourneyRefused.Why.NO_MODEL,
                    "no taste model has been trained yet (no plays recorded), so taste space has no map");
        }
        int start = placeOf(taste, from);
        int end = placeOf(taste, to);

        Occasion occasion = occasions.of(person, request.mode(), request.localTime(), request.device(), request.client(),
                Map.of());
        PersonTaste personTaste = occasion.taste();
        UserHistory history = personTaste.history(taste);
        TastePath path = TastePath.between(taste.model(), start, end, taste.model().foldIn(history));
        ListeningContext context = occasion.context();
        double diversity = request.diversity() != null ? request.diversity() : 0;
        Tuning defaultsOfRules = Tuning.DEFAULTS;
        Tuning tuning = new Tuning(request.length(), 0, diversity, 0, defaultsOfRules.bingeRun(),
                defaultsOfRules.genreRun(), defaultsOfRules.newArrivalDays(), defaultsOfRules.repeatWindowDays(),
                defaultsOfRules.allowRepeats(), defaultsOfRules.featuredMax(), defaultsOfRules.genreCap(),
                defaultsOfRules.kidsCeiling());

        int length = request.length();
        double[] targets = new double[length];
        for (int k = 0; k < length; k++) {
            targets[k] = k / (double) (length - 1);
        }
        List<int[]> pools = new ArrayList<>(length);
        Map<Integer, Candidate> candidates = new LinkedHashMap<>();
        candidates.put(start, candidate(taste, path, start, 1, history));
        candidates.put(end, candidate(taste, path, end, 1, history));
        for (int k = 0; k < length; k++) {
            if (k == 0 || k == length - 1) {
                pools.add(new int[0]);
                continue;
            }
            double target = targets[k];
            int[] pool = path.nearest(target, NEAR_EACH_STEP, request.tastePull(), index -> {
                ItemProfile item = taste.catalog().get(index);
                return media.holds(item.kind()) && !personTaste.offeredNoMore(item);
            });
            pools.add(pool);
            for (int index : pool) {
                double score = path.stepScore(index, target, request.tastePull());
                candidates.merge(index, candidate(taste, path, index, score, history),
                        (kept, other) -> other.score() > kept.score() ? other : kept);
            }
        }

        RuleOutcome outcome = rules.evaluate(context, tuning, List.copyOf(candidates.values()), Curation.NONE);
        refuseForbiddenEnd(outcome, context, tuning, from);
        refuseForbiddenEnd(outcome, context, tuning, to);
        Map<String, Offer> offers = new HashMap<>();
        outcome.offers().forEach(offer -> offers.put(offer.itemId(), offer));

        List<Constraint> constraints = outcome.constraints().stream()
                .filter(constraint -> !(constraint instanceof Constraint.Pin) && !(constraint instanceof Constraint.WildcardSlots))
                .toList();
        List<Step> steps = new ArrayList<>();
        List<Playlist.Relaxed> relaxed = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        steps.add(endStep(candidates.get(start), 0, offers, outcome, "you chose to start here"));
        for (int k = 1; k < length - 1; k++) {
            List<Offer> pool = new ArrayList<>();
            for (int index : pools.get(k)) {
                Offer offer = offers.get(taste.items().idAt(index));
                if (pool.size() < PER_STEP && offer != null
                        && steps.stream().noneMatch(step -> step.offer.itemId().equals(offer.itemId()))) {
                    double score = path.stepScore(index, targets[k], request.tastePull())
                            * outcome.factorOf(offer.itemId());
                    pool.add(new Offer(offer.candidate().withScore(score), offer.reasons()));
                }
            }
            Optional<PlaylistEntry> chosen = next(steps, pool, constraints, outcome, diversity, relaxed);
            if (chosen.isEmpty()) {
                notes.add(String.format(Locale.ROOT, "no item near the point %.0f%% of the way survived the rules "
                        + "and constraints; that step is left out", 100 * targets[k]));
                continue;
            }
            PlaylistEntry entry = chosen.get();
            steps.add(new Step(new Offer(entry.candidate(), entry.reasons()), k, null));
        }
        steps.add(endStep(candidates.get(end), length - 1, offers, outcome, "where you chose to arrive"));

        List<Playlist.Entry> items = new ArrayList<>(steps.size());
        List<Journey.Waypoint> waypoints = new ArrayList<>(steps.size());
        String way = "on the way from " + title(from) + " to " + title(to);
        for (int position = 0; position < steps.size(); position++) {
            Step step = steps.get(position);
            List<Playlist.Reason> reasons = new ArrayList<>();
            reasons.add(new Playlist.Reason(SOURCE, "step " + (position + 1) + " of " + steps.size() + " " + way
                    + (step.endReason == null ? "" : ": " + step.endReason)));
            for (Reason reason : step.offer.reasons()) {
                reasons.add(new Playlist.Reason(reason.source(), reason.text()));
            }
            items.add(Playlist.Entry.of(position + 1, step.offer.candidate(), reasons));
            int index = taste.items().indexOf(step.offer.itemId());
            double target = targets[step.target];
            waypoints.add(new Journey.Waypoint(position + 1, step.offer.itemId(), target, path.progress(index),
                    path.closeness(index, target), path.taste(index)));
        }
        return new Journey(person.id(), person.name(), occasion.now(), media.name().toLowerCase(Locale.ROOT), end(from), end(to),
                path.endsSimilarity(), request.tastePull(),
                new Playlist.ModeUsed(outcome.mode().mode().key(), outcome.mode().explicit(), outcome.mode().rule(),
                        outcome.mode().reason()),
                new Playlist.RulesUsed(outcome.bookVersion(), outcome.firedRules(), outcome.failure()),
                relaxed, "iALS trained " + taste.trainedAt(), history.size(), items, waypoints, notes);
    }

    /** One placed step: the offer as placed, the index of the point it aimed at, and for an end why it is there. */
    private record Step(Offer offer, int target, String endReason) {
    }

    /**
     * Runs the sequencer for the next position: the steps so far pinned where they are, this step's pool
     * to choose from. A constraint that none of the pool can meet is relaxed for this step only (the
     * pool is a handful of items near one point of the path, so one crowded point must not lift a cap for
     * the whole journey), and every relaxation is reported with its position.
     */
    private Optional<PlaylistEntry> next(List<Step> steps, List<Offer> pool, List<Constraint> constraintsOfRules,
                                         RuleOutcome outcome, double diversity, List<Playlist.Relaxed> relaxed) {
        if (pool.isEmpty()) {
            return Optional.empty();
        }
        int position = steps.size();
        List<Offer> offers = new ArrayList<>(position + pool.size());
        List<Constraint> constraints = new ArrayList<>(constraintsOfRules);
        // The pinned steps take the pool's best score, so they do not stretch the range the sequencer rescales.
        double best = pool.stream().mapToDouble(offer -> offer.candidate().score()).max().orElse(0);
        for (int placed = 0; placed < position; placed++) {
            Offer offer = steps.get(placed).offer;
            offers.add(new Offer(offer.candidate().withScore(best), offer.reasons()));
            constraints.add(new Constraint.Pin(offer.itemId(), placed, SOURCE));
        }
        offers.addAll(pool);
        dev.setlist.scorer.sequencing.Playlist result = sequencer.sequence(
                new SequenceRequest(offers, constraints, outcome.relaxationOrder(), position + 1, diversity));
        for (Relaxation relaxation : result.relaxations()) {
            if (relaxation.position() == position) {
                relaxed.add(new Playlist.Relaxed(relaxation.constraint().toString(), position + 1, relaxation.why()));
            }
        }
        return result.entries().stream().filter(entry -> entry.position() == position).findFirst();
    }

    /** An end as a step: its offer when the rules kept it, else the bare candidate, with why it is there anyway. */
    private static Step endStep(Candidate candidate, int target, Map<String, Offer> offers, RuleOutcome outcome,
                                String why) {
        Offer offer = offers.get(candidate.itemId());
        if (offer != null) {
            return new Step(offer, target, why);
        }
        String excluded = outcome.exclusions().stream().filter(exclusion -> exclusion.itemId().equals(candidate.itemId()))
                .map(Exclusion::reason).findFirst().orElse(null);
        return new Step(Offer.of(candidate), target, excluded == null ? why : why + ", though otherwise left out: " + excluded);
    }

    /** Refuses the journey when {@code item} is above the parental ceiling this evaluation enforced. */
    private static void refuseForbiddenEnd(RuleOutcome outcome, ListeningContext context, Tuning tuning,
                                           ItemProfile item) {
        boolean kids = outcome.mode().mode() == Mode.KIDS;
        Integer ceiling = context.parentalCeiling();
        if (kids) {
            ceiling = ceiling == null ? tuning.kidsCeiling() : Math.min(ceiling, tuning.kidsCeiling());
        }
        if (ceiling == null) {
            return;
        }
        int age = ParentalRatings.minimumAge(item.parentalRating());
        if (age > ceiling) {
            throw new JourneyRefused(JourneyRefused.Why.NOT_ALLOWED, title(item) + " is rated " + item.parentalRating()
                    + ", above the parental ceiling of age " + ceiling + (kids ? " (kids mode)" : "")
                    + ": a journey cannot pass through it");
        }
        boolean child = context.parentalCeiling() != null && context.parentalCeiling() <= CompiledRuleBook.CHILD_CEILING;
        if (age < 0 && (kids || child) && item.kind() != ItemKind.TRACK) {
            throw new JourneyRefused(JourneyRefused.Why.NOT_ALLOWED, title(item) + " has no known rating, and "
                    + (kids ? "kids mode" : "a child's profile") + " sees only rated films and episodes: a journey "
                    + "cannot pass through it");
        }
    }

    /** The model index of an end, refusing one that has no place in taste space. */
    private static int placeOf(TasteModel taste, ItemProfile item) {
        int index = taste.items().indexOf(item.id());
        if (index < 0) {
            throw new JourneyRefused(JourneyRefused.Why.NO_PLACE, title(item) + " joined the library after the taste "
                    + "model was trained; it has a place in taste space once the model is retrained");
        }
        if (taste.model().itemSquaredNorm(index) == 0f) {
            throw new JourneyRefused(JourneyRefused.Why.NO_PLACE, title(item) + " has no place in taste space yet: "
                    + "nobody has played it, and it has no genres or tags to place it by");
        }
        return index;
    }

    private static Candidate candidate(TasteModel taste, TastePath path, int index, double score, UserHistory history) {
        double affinity = history.isEmpty() ? 0 : path.taste(index);
        ScoreParts parts = new ScoreParts(affinity, 0, 0, 0, taste.candidates().popularity(index));
        return new Candidate(taste.catalog().get(index), score, parts, false);
    }

    private static String describe(ItemProfile item) {
        String kind = item.kind().name().toLowerCase(Locale.ROOT);
        return "a " + kind + " (" + PlaylistRequest.Media.of(item.kind()).name().toLowerCase(Locale.ROOT) + ")";
    }

    private static String title(ItemProfile item) {
        return item.kind() == ItemKind.EPISODE && item.seriesName() != null
                ? item.seriesName() + ": " + item.title() : item.title();
    }

    private static Journey.End end(ItemProfile item) {
        return new Journey.End(item.id(), title(item), item.kind().name().toLowerCase(Locale.ROOT));
    }
}
