package dev.setlist.plugin.playlist;

import dev.setlist.plugin.library.Library;
import dev.setlist.plugin.signals.InteractionLedger;
import dev.setlist.plugin.signals.PlayTimeline;
import dev.setlist.plugin.profile.Person;
import dev.setlist.plugin.profile.ProfileService;
import dev.setlist.plugin.store.PersonStore;
import dev.setlist.plugin.taste.ExplorationPosterior;
import dev.setlist.plugin.taste.ModelTrainer;
import dev.setlist.plugin.taste.PersonHistory;
import dev.setlist.plugin.taste.TasteModel;
import dev.setlist.rules.RuleBook;
import dev.setlist.rules.RuleOutcome;
import dev.setlist.rules.model.Curation;
import dev.setlist.rules.model.ListeningContext;
import dev.setlist.rules.model.Mode;
import dev.setlist.rules.model.SessionSoFar;
import dev.setlist.rules.model.Tuning;
import dev.setlist.scorer.candidates.Candidate;
import dev.setlist.scorer.candidates.CandidateGenerator;
import dev.setlist.scorer.candidates.CandidateRequest;
import dev.setlist.scorer.candidates.ScoreParts;
import dev.setlist.scorer.catalog.ItemProfile;
import dev.setlist.scorer.catalog.ItemProfile.ItemKind;
import dev.setlist.scorer.catalog.SeriesOrder;
import dev.setlist.scorer.data.UserHistory;
import dev.setlist.scorer.explore.WildcardPicker;
import dev.setlist.scorer.sequencing.Calibration;
import dev.setlist.scorer.sequencing.PlaylistEntry;
import dev.setlist.scorer.sequencing.Sequencer;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Builds a person's playlist, end to end: their current history folded into the taste model, the
 * best candidates of the whole catalog with their score parts (and wildcards, as many as their
 * adaptive exploration rate asks for), every candidate through the rule book (mode, diversity,
 * fatigue, business rules), and the survivors ordered by the constraint-aware sequencer. Every item
 * keeps its reasons, and the answer says which mode was used and which constraints had to give way.
 *
 * <p>Thread-safe; stateless between requests.
 */
public final class PlaylistService {

    /** The most candidates handed to the rules (each costs the rule engine a few microseconds). */
    static final int CANDIDATES = 300;

    /**
     * Candidates handed to the rules for a playlist of {@code length}: eight per place, which leaves room for
     * what the rules exclude, the caps and the diversity of the order; at least 100, at most {@value #CANDIDATES}.
     */
    static int candidatesFor(int length) {
        return Math.max(100, Math.min(CANDIDATES, 8 * length));
    }

    private final Library library;
    private final ProfileService persons;
    private final PersonStore people;
    private final PersonHistory histories;
    private final PlayTimeline timeline;
    private final ModelTrainer trainer;
    private final SessionMood mood;
    private final OfferLog offers;
    private final RuleBook rules;
    private final Sequencer sequencer;
    private final TuningDefaults defaults;
    private final Clock clock;
    private final ZoneId zone;
    private final Occasion.Factory occasions;

    public PlaylistService(Library library, ProfileService persons, PersonStore people, PersonHistory histories,
                           PlayTimeline timeline, ModelTrainer trainer, SessionMood mood, OfferLog offers, RuleBook rules,
                           Sequencer sequencer,
                           TuningDefaults defaults, Clock clock, ZoneId zone) {
        this.library = library;
        this.persons = persons;
        this.people = people;
        this.histories = histories;
        this.timeline = timeline;
        this.trainer = trainer;
        this.mood = mood;
        this.offers = offers;
        this.rules = rules;
        this.sequencer = sequencer;
        this.defaults = defaults;
        this.clock = clock;
        this.zone = zone;
        this.occasions = new Occasion.Factory(library, people, histories, timeline, clock, zone);
    }

    /**
     * The playlist of {@code userId}: an account, or a profile inside one ({@code <account>~<profile>}),
     * whose profile name and parental ceiling the rules see.
     *
     * @throws UnknownUserException when nobody has that id
     */
    public Playlist playlistFor(String userId, PlaylistRequest request) {
        return playlistFor(person(userId), request);
    }

    /** {@link #playlistFor(String, PlaylistRequest)} for a person the caller has already looked up. */
    public Playlist playlistFor(Person user, PlaylistRequest request) {
        String userId = user.id();
        Plan plan = plan(user, request, null);
        List<Playlist.Entry> entries = new ArrayList<>();
        for (PlaylistEntry entry : plan.ordered().entries()) {
            offers.offered(userId, entry.itemId(), entry.candidate().wildcard());
            entries.add(entry(entry, plan));
        }
        List<Playlist.Relaxed> relaxed = plan.ordered().relaxations().stream()
                .map(r -> new Playlist.Relaxed(r.constraint().toString(), r.position(), r.why())).toList();
        RuleOutcome outcome = plan.outcome();
        Playlist.ModeUsed modeUsed = new Playlist.ModeUsed(outcome.mode().mode().key(), outcome.mode().explicit(),
                outcome.mode().rule(), outcome.mode().reason());
        Playlist.RulesUsed rulesUsed = new Playlist.RulesUsed(outcome.bookVersion(), outcome.firedRules(), outcome.failure());
        String model = plan.taste() == null ? "none yet (no plays)" : "iALS trained " + plan.taste().trainedAt();
        return new Playlist(plan.user().id(), plan.user().name(), plan.now(), plan.media().name().toLowerCase(Locale.ROOT),
                modeUsed, plan.tuning(), rulesUsed, relaxed, model, plan.history().size(), entries);
    }

    /**
     * Why {@code itemId} is, or is not, in the person's playlist: its score parts and rank among all
     * candidates, whether something keeps it out (finished, disliked, another media, a rule), every
     * adjustment rules made to it, and its place and reasons when it is in.
     *
     * @throws UnknownUserException when nobody has that id
     * @throws UnknownItemException when the catalog has no such item
     */
    public Explanation explain(String userId, String itemId, PlaylistRequest request) {
        ItemProfile item = library.find(itemId).orElseThrow(() -> new UnknownItemException(itemId));
        PlaylistRequest sameMedia = request.media() != null ? request
                : new PlaylistRequest(PlaylistRequest.Media.of(item.kind()), request.length(), request.budgetMinutes(),
                request.mode(), request.exploration(), request.diversity(), request.localTime(), request.device(),
                request.client(), request.signals());
        Plan plan = plan(person(userId), sameMedia, itemId);
        List<String> notes = new ArrayList<>();
        InteractionLedger.Interaction interaction = plan.interactions().get(itemId);
        if (interaction != null && interaction.disliked()) {
            notes.add("you disliked it: it is not offered again unless you ask for it");
        } else if (plan.excluded().contains(itemId)) {
            notes.add("you finished it: films and episodes are not offered again unasked");
        }
        seriesNote(item, plan).ifPresent(notes::add);
        if (!plan.media().holds(item.kind())) {
            notes.add("it is " + item.kind().name().toLowerCase(Locale.ROOT) + ", and this playlist holds "
                    + plan.media().name().toLowerCase(Locale.ROOT));
        }
        Candidate candidate = null;
        int rank = 0;
        for (int i = 0; i < plan.candidates().size(); i++) {
            if (plan.candidates().get(i).itemId().equals(itemId)) {
                candidate = plan.candidates().get(i);
                rank = i + 1;
            }
        }
        List<Explanation.RuleEffect> effects = new ArrayList<>();
        plan.outcome().exclusions().stream().filter(e -> e.itemId().equals(itemId))
                .forEach(e -> effects.add(new Explanation.RuleEffect(e.rule(), "excluded", 0, e.reason())));
        plan.outcome().adjustments().stream().filter(a -> a.itemId().equals(itemId))
                .forEach(a -> effects.add(new Explanation.RuleEffect(a.rule(), a.factor() >= 1 ? "boosted" : "buried",
                        a.factor(), a.reason())));
        Playlist.Entry placed = null;
        for (PlaylistEntry entry : plan.ordered().entries()) {
            if (entry.itemId().equals(itemId)) {
                placed = entry(entry, plan);
            }
        }
        if (placed == null && candidate != null && effects.stream().noneMatch(e -> e.effect().equals("excluded"))) {
            notes.add("other items scored higher or fitted the playlist's constraints better");
        }
        Playlist.Reason because = candidate == null ? null : because(candidate, plan).orElse(null);
        return new Explanation(itemId, item.title(), placed != null, placed, rank, plan.candidates().size(),
                candidate == null ? null : candidate.score(), candidate == null ? null : candidate.parts(),
                because, effects, notes, plan.outcome().mode().mode().key());
    }

    /**
     * "Surprise me": one wildcard, good for this person but far from their usual taste, that passes the
     * rules of their mode. Empty when the catalog has nothing left to surprise with.
     *
     * @throws UnknownUserException when nobody has that id
     */
    public Optional<Playlist.Entry> surprise(String userId, PlaylistRequest.Media media) {
        PlaylistRequest request = new PlaylistRequest(media, 10, 0, null, 0.5, null, null, null, null, Map.of());
        Plan plan = plan(person(userId), request, null);
        for (PlaylistEntry entry : plan.ordered().entries()) {
            if (entry.candidate().wildcard()) {
                offers.offered(userId, entry.itemId(), true);
                return Optional.of(entry(entry, plan));
            }
        }
        return plan.outcome().offers().stream()
                .filter(offer -> offer.candidate().wildcard())
                .findFirst()
                .map(offer -> {
                    offers.offered(userId, offer.itemId(), true);
                    return entry(new PlaylistEntry(0, offer.candidate(), offer.reasons()), plan);
                });
    }

    /** Everything one request decided, from history to order. */
    private record Plan(Person user, Instant now, PlaylistRequest.Media media, TasteModel taste, UserHistory history,
                        Map<String, InteractionLedger.Interaction> interactions, Set<String> excluded,
                        List<Candidate> candidates, Map<String, Playlist.Reason> moodReasons, RuleOutcome outcome,
                        dev.setlist.scorer.sequencing.Playlist ordered, Playlist.TuningUsed tuning) {
    }

    /**
     * Runs the pipeline. With {@code focus} set (an explanation), every item is ranked, and the focused
     * item goes to the rules even when it ranks below the usual candidates.
     */
    private Person person(String userId) {
        return persons.person(userId).orElseThrow(() -> new UnknownUserException(userId));
    }

    private Plan plan(Person user, PlaylistRequest request, String focus) {
        String userId = user.id();
        Occasion occasion = occasions.of(user, request.mode(), request.localTime(), request.device(), request.client(),
                request.signals());
        Instant now = occasion.now();
        Map<String, InteractionLedger.Interaction> interactions = occasion.taste().interactions();
        Map<String, Double> weights = occasion.taste().weights();
        Set<String> excluded = offeredNoMore(interactions);

        PersonStore.PersonTuning stored = people.tuning(userId);
        PersonStore.TuningOverrides overrides = stored.overrides();
        ExplorationPosterior posterior = stored.posterior();
        double min = orDefault(overrides.explorationMin(), defaults.explorationMin());
        double max = Math.max(min, orDefault(overrides.explorationMax(), defaults.explorationMax()));
        long seed = seed(userId, now);
        double exploration = request.exploration() != null ? request.exploration()
                : posterior.sampleRate(min, max, new SplittableRandom(seed));
        double diversity = request.diversity() != null ? request.diversity()
                : orDefault(overrides.diversity(), defaults.diversity());
        int slots = overrides.wildcardSlots() != null ? overrides.wildcardSlots() : defaults.wildcardSlots();
        int wildcards = exploration <= 0 ? 0 : Math.max(slots, (int) Math.round(request.length() * exploration / 2));
        Tuning tuning = new Tuning(request.length(), request.budgetMinutes(), diversity, exploration,
                Tuning.DEFAULTS.bingeRun(), Tuning.DEFAULTS.genreRun(), Tuning.DEFAULTS.newArrivalDays(),
                Tuning.DEFAULTS.repeatWindowDays(), Tuning.DEFAULTS.allowRepeats(), Tuning.DEFAULTS.featuredMax(),
                Tuning.DEFAULTS.genreCap(), Tuning.DEFAULTS.kidsCeiling());

        List<PlayTimeline.Play> session = occasion.session();
        ListeningContext context = occasion.context();

        PlaylistRequest.Media media = request.media() != null ? request.media() : latestMedia(interactions);
        TasteModel taste = trainer.current();
        List<Candidate> candidates = new ArrayList<>();
        UserHistory history = UserHistory.EMPTY;
        if (taste != null) {
            history = taste.history(weights);
            // The other media and what is offered no more are left out inside the scorer, before ranking, so
            // that the top k are all eligible and no candidate is built only to be dropped here.
            BitSet ineligible = taste.otherMedia(media == PlaylistRequest.Media.MUSIC);
            for (String itemId : excluded) {
                int index = taste.items().indexOf(itemId);
                if (index >= 0) {
                    ineligible.set(index);
                }
            }
            if (seriesInOrder(media)) {
                taste.series().holdBack(finishedIndices(interactions, taste.items()::indexOf), ineligible);
            }
            int k = focus != null ? taste.catalog().size() : candidatesFor(request.length());
            CandidateRequest candidateRequest = new CandidateRequest(history,
                    taste.indicesOf(session.stream().map(PlayTimeline.Play::itemId).toList()), k, true, exploration, 0,
                    seed, ineligible);
            CandidateGenerator.Ranking ranking = taste.candidates().rank(candidateRequest);
            candidates = withWildcards(ranking, wildcards, request.length(), history, taste, seed);
        } else {
            List<ItemProfile> all = library.all();
            BitSet heldBack = new BitSet(all.size());
            if (seriesInOrder(media)) {
                Map<String, Integer> positions = new HashMap<>();
                for (int index = 0; index < all.size(); index++) {
                    positions.put(all.get(index).id(), index);
                }
                SeriesOrder.of(all).holdBack(finishedIndices(interactions, id -> positions.getOrDefault(id, -1)),
                        heldBack);
            }
            for (int index = 0; index < all.size(); index++) {
                ItemProfile item = all.get(index);
                if (!excluded.contains(item.id()) && media.holds(item.kind()) && !heldBack.get(index)) {
                    candidates.add(new Candidate(item, 0, ScoreParts.NONE, false));
                }
            }
        }
        Map<String, Playlist.Reason> moodReasons = new HashMap<>();
        if (taste != null) {
            candidates = awayFromSkips(candidates, mood.current(userId, now), taste, moodReasons);
        }
        List<Candidate> toRules = candidates;
        int limit = candidatesFor(request.length());
        if (focus != null && candidates.size() > limit) {
            toRules = new ArrayList<>(candidates.subList(0, limit));
            candidates.stream().skip(limit).filter(c -> c.itemId().equals(focus)).forEach(toRules::add);
        }
        RuleOutcome outcome = rules.evaluate(context, tuning, toRules, Curation.NONE);
        dev.setlist.scorer.sequencing.Playlist ordered = sequencer.sequence(outcome.toSequenceRequest()
                .withCalibration(calibration(weights, media)));
        Playlist.TuningUsed tuningUsed = new Playlist.TuningUsed(exploration, posterior.rate(min, max), diversity,
                wildcards, request.budgetMinutes());
        return new Plan(user, now, media, taste, history, interactions, excluded, candidates, moodReasons, outcome,
                ordered, tuningUsed);
    }

    /**
     * The genres the person's playlist of {@code media} is calibrated to: those of what they played of it,
     * each item weighted as the ledger weighs it (the sleepy viewer's discounted plays count as little here
     * as in training).
     */
    private Calibration calibration(Map<String, Double> weights, PlaylistRequest.Media media) {
        if (defaults.calibration() <= 0) {
            return Calibration.NONE;
        }
        Map<ItemProfile, Double> played = new HashMap<>();
        weights.forEach((itemId, weight) -> library.find(itemId)
                .filter(item -> media.holds(item.kind()))
                .ifPresent(item -> played.put(item, weight)));
        return Calibration.of(played, defaults.calibration());
    }

    /**
     * Marks {@code count} wildcards among the candidates: good items (below the best {@code 2 * length},
     * so they would rarely make the list on score alone) far from the person's usual taste, drawn by the
     * scorer's {@link WildcardPicker}. Picking here, after the media filter, keeps wildcards of the
     * playlist's own media.
     */
    private static List<Candidate> withWildcards(CandidateGenerator.Ranking ranking, int count, int length,
                                                 UserHistory history, TasteModel taste, long seed) {
        List<Candidate> ranked = ranking.candidates();
        int from = Math.min(ranked.size(), 2 * length);
        if (count == 0 || from >= ranked.size()) {
            return new ArrayList<>(ranked);
        }
        int[] pool = Arrays.copyOfRange(ranking.items(), from, ranked.size());
        int[] picked = new WildcardPicker(taste.model()).pick(history, pool, count, seed);
        Arrays.sort(picked);
        List<Candidate> marked = new ArrayList<>(ranked.size());
        for (int position = 0; position < ranked.size(); position++) {
            Candidate candidate = ranked.get(position);
            marked.add(Arrays.binarySearch(picked, ranking.item(position)) >= 0
                    ? new Candidate(candidate.item(), candidate.score(), candidate.parts(), true) : candidate);
        }
        return marked;
    }

    /** The kind of the person's latest play: music after a track, video otherwise (and for newcomers). */
    private PlaylistRequest.Media latestMedia(Map<String, InteractionLedger.Interaction> interactions) {
        return interactions.values().stream()
                .filter(interaction -> interaction.lastPlayed() != null)
                .max(java.util.Comparator.comparing(InteractionLedger.Interaction::lastPlayed))
                .flatMap(latest -> library.find(latest.itemId()))
                .map(item -> item.kind() == ItemKind.TRACK ? PlaylistRequest.Media.MUSIC : PlaylistRequest.Media.VIDEO)
                .orElse(PlaylistRequest.Media.VIDEO);
    }


    /** Whether a playlist of {@code media} offers each series only through the episode the person is up to. */
    private boolean seriesInOrder(PlaylistRequest.Media media) {
        return defaults.seriesInOrder() && media == PlaylistRequest.Media.VIDEO;
    }

    /** The catalog indices ({@code indexOf}; -1 for none) of what the person finished. */
    private static int[] finishedIndices(Map<String, InteractionLedger.Interaction> interactions,
                                         java.util.function.ToIntFunction<String> indexOf) {
        return interactions.values().stream().filter(InteractionLedger.Interaction::finished)
                .mapToInt(interaction -> indexOf.applyAsInt(interaction.itemId())).filter(index -> index >= 0)
                .toArray();
    }

    private static boolean finished(Map<String, InteractionLedger.Interaction> interactions, String itemId) {
        InteractionLedger.Interaction interaction = interactions.get(itemId);
        return interaction != null && interaction.finished();
    }

    /**
     * With series kept in order, why {@code item} waits: the episode of its series the person is up to, or that
     * they finished its last; empty when it is not held back.
     */
    private Optional<String> seriesNote(ItemProfile item, Plan plan) {
        if (!seriesInOrder(plan.media()) || item.kind() != ItemKind.EPISODE) {
            return Optional.empty();
        }
        List<ItemProfile> catalog = plan.taste() != null ? plan.taste().catalog() : library.all();
        SeriesOrder order = plan.taste() != null ? plan.taste().series() : SeriesOrder.of(catalog);
        int index = plan.taste() != null ? plan.taste().items().indexOf(item.id()) : catalog.indexOf(item);
        if (index < 0 || !order.inOrder(index)) {
            return Optional.empty();
        }
        OptionalInt next = order.nextUp(index, k -> finished(plan.interactions(), catalog.get(k).id()));
        if (next.isEmpty()) {
            return Optional.of("you have watched " + item.seriesName() + " to its last episode");
        }
        return next.getAsInt() == index ? Optional.empty()
                : Optional.of("series are kept in order: of " + item.seriesName() + " you are up to "
                + displayTitle(catalog.get(next.getAsInt())));
    }

    /** Finished films and episodes, and anything disliked; music may come back (the rules space repeats). */
    private Set<String> offeredNoMore(Map<String, InteractionLedger.Interaction> interactions) {
        Set<String> excluded = new java.util.HashSet<>();
        interactions.forEach((itemId, interaction) -> {
            boolean track = library.find(itemId).map(item -> item.kind() == ItemKind.TRACK).orElse(false);
            if (interaction.disliked() || (interaction.finished() && !track)) {
                excluded.add(itemId);
            }
        });
        return excluded;
    }

    private Playlist.Entry entry(PlaylistEntry entry, Plan plan) {
        Candidate candidate = entry.candidate();
        ItemProfile item = candidate.item();
        List<Playlist.Reason> reasons = new ArrayList<>();
        because(candidate, plan).ifPresent(reasons::add);
        Playlist.Reason moodReason = plan.moodReasons().get(item.id());
        if (moodReason != null) {
            reasons.add(moodReason);
        }
        for (dev.setlist.scorer.sequencing.Reason reason : entry.reasons()) {
            reasons.add(new Playlist.Reason(reason.source(), reason.text()));
        }
        return new Playlist.Entry(entry.position() + 1, item.id(), item.title(), item.kind().name().toLowerCase(Locale.ROOT),
                item.seriesName(), item.artist(), item.year(), item.runtimeMinutes(), item.genres(), item.tags(),
                item.parentalRating(), candidate.score(), candidate.parts(), reasons, candidate.wildcard());
    }

    /**
     * Moves the session away from what was just skipped: each candidate loses score in proportion to
     * its similarity (content features and taste space, whichever is higher) to each recent skip, so
     * one skip nudges and two skips of calm tracks turn the rest of the session towards what differs.
     */
    private List<Candidate> awayFromSkips(List<Candidate> candidates, List<SessionMood.Skip> skips, TasteModel taste,
                                          Map<String, Playlist.Reason> reasons) {
        int[] skipped = taste.indicesOf(skips.stream().map(SessionMood.Skip::itemId).toList());
        if (skipped.length == 0 || candidates.isEmpty()) {
            return candidates;
        }
        double highest = candidates.stream().mapToDouble(Candidate::score).max().orElse(0);
        double lowest = candidates.stream().mapToDouble(Candidate::score).min().orElse(0);
        double spread = Math.max(highest - lowest, 1e-6);
        List<Candidate> adjusted = new ArrayList<>(candidates.size());
        for (Candidate candidate : candidates) {
            int index = taste.items().indexOf(candidate.itemId());
            double penalty = 0;
            int closest = -1;
            double closestSimilarity = 0;
            for (int skip : skipped) {
                double similarity = Math.max(taste.content().similarity(index, skip), taste.similarity(index, skip));
                if (similarity > 0.2) {
                    penalty += 0.5 * similarity;
                    if (similarity > closestSimilarity) {
                        closestSimilarity = similarity;
                        closest = skip;
                    }
                }
            }
            if (penalty > 0) {
                penalty = Math.min(penalty, 0.9);
                String title = library.find(taste.items().idAt(closest)).map(PlaylistService::displayTitle).orElse("it");
                reasons.put(candidate.itemId(), new Playlist.Reason("session", String.format(java.util.Locale.ROOT,
                        "less like %s, which you skipped (%.0f%% down)", title, 100 * penalty)));
                adjusted.add(candidate.withScore(candidate.score() - penalty * spread));
            } else {
                adjusted.add(candidate);
            }
        }
        return adjusted;
    }

    /** "Because you finished X": the item of the person's history closest to this one in taste space. */
    private Optional<Playlist.Reason> because(Candidate candidate, Plan plan) {
        TasteModel taste = plan.taste();
        UserHistory history = plan.history();
        Map<String, InteractionLedger.Interaction> interactions = plan.interactions();
        if (taste == null || history.isEmpty() || candidate.parts().taste() <= 0) {
            return Optional.empty();
        }
        int index = taste.items().indexOf(candidate.itemId());
        if (index < 0) {
            return Optional.empty();
        }
        int best = -1;
        double bestSimilarity = 0.3;
        for (int k = 0; k < history.size(); k++) {
            int other = history.items()[k];
            if (other == index) {
                continue;
            }
            double similarity = taste.similarity(index, other);
            if (similarity > bestSimilarity) {
                bestSimilarity = similarity;
                best = other;
            }
        }
        if (best < 0) {
            return Optional.empty();
        }
        String otherId = taste.items().idAt(best);
        String title = library.find(otherId).map(PlaylistService::displayTitle).orElse(otherId);
        InteractionLedger.Interaction what = interactions.get(otherId);
        String verb = what == null ? "chose" : what.favourite() ? "love" : what.liked() ? "liked"
                : what.finished() ? "finished" : "played";
        return Optional.of(new Playlist.Reason("taste", "because you " + verb + " " + title));
    }

    private static String displayTitle(ItemProfile item) {
        return item.kind() == ItemKind.EPISODE && item.seriesName() != null ? item.seriesName() : item.title();
    }

    private static double orDefault(Double value, double fallback) {
        return value == null ? fallback : value;
    }

    /** The same person in the same minute gets the same draws: a playlist can be reloaded without reshuffling. */
    private static long seed(String userId, Instant now) {
        return userId.hashCode() * 31L + now.getEpochSecond() / 60;
    }
}
