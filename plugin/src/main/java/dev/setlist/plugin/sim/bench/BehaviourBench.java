package dev.setlist.plugin.sim.bench;

import dev.setlist.plugin.demo.DemoLibrary;
import dev.setlist.plugin.events.PlaybackEvent;
import dev.setlist.plugin.playlist.TuningDefaults;
import dev.setlist.plugin.signals.SignalSettings;
import dev.setlist.plugin.sim.Household;
import dev.setlist.plugin.sim.HouseholdSimulator;
import dev.setlist.plugin.sim.Persona;
import dev.setlist.plugin.sim.PlayRecord;
import dev.setlist.plugin.sim.SimulatedSystem;
import dev.setlist.plugin.sim.SimulatedSystem.Media;
import dev.setlist.plugin.sim.SimulatedSystem.Offer;
import dev.setlist.plugin.sim.SimulatedSystem.OfferRequest;
import dev.setlist.plugin.sim.Traits;
import dev.setlist.plugin.taste.ModelTrainer;
import dev.setlist.rules.CompileResult;
import dev.setlist.rules.RuleBook;
import dev.setlist.rules.RuleCompiler;
import dev.setlist.rules.RuleLimits;
import dev.setlist.rules.RuleSources;
import dev.setlist.rules.model.Mode;
import dev.setlist.rules.model.ParentalRatings;
import dev.setlist.scorer.als.AlsSettings;
import dev.setlist.scorer.catalog.ItemProfile;
import dev.setlist.scorer.catalog.ItemProfile.ItemKind;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The behaviour benchmarks: each failure mode of personalization Setlist exists for, measured on the
 * simulated household for Setlist (in process, default rules and settings) and for the naive baseline
 * ({@link NaiveRecommender}), on the same seed. Unless a row says otherwise both systems hear the same
 * events (the household browsing by itself for {@code warmupDays}, then the row's scripted behaviour);
 * the filter-bubble row closes the loop, so each system lives with the consequences of its own offers.
 * The household's local time is UTC. Deterministic for a seed.
 *
 * <p>Not thread-safe: run one at a time. Each row builds its own systems and drops them after.
 */
public final class BehaviourBench {

    /**
     * How big a run is.
     *
     * @param seed         the seed of the library, the household and every draw
     * @param warmupDays   days the household browses by itself before a row's behaviour
     * @param sleepyNights nights of falling asleep in the sleepy-viewer row
     * @param bubbleDays   days of closed loop in the filter-bubble row
     * @param fakePlays    plays in the manipulation burst
     */
    public record Settings(long seed, int warmupDays, int sleepyNights, int bubbleDays, int fakePlays) {

        public Settings {
            if (warmupDays < 3 || sleepyNights < 1 || bubbleDays < 2 || fakePlays < 1) {
                throw new IllegalArgumentException("need warmupDays >= 3, sleepyNights >= 1, bubbleDays >= 2, "
                        + "fakePlays >= 1");
            }
        }

        /** The full run of {@code setlist bench behaviours}: three weeks, a week of nights, 30 days, 1,000 plays. */
        public static Settings full(long seed) {
            return new Settings(seed, 21, 7, 30, 1000);
        }

        /** A reduced run for the test suite: the same rows, fewer days (about half a minute of CPU). */
        public static Settings quick(long seed) {
            return new Settings(seed, 6, 2, 5, 200);
        }
    }

    /** A Monday: the first simulated day. */
    static final LocalDate START = LocalDate.of(2026, 3, 2);
    static final int PLAYLIST = 10;

    private final Settings settings;
    private final RuleBook rules;
    private final List<ItemProfile> catalog;
    private final Household household = Household.standard();
    private final AlsSettings als;
    private final TuningDefaults tuning;
    private List<Week> sleepyWeeks;

    public BehaviourBench(Settings settings, RuleBook rules) {
        this(settings, rules, AlsSettings.defaults(), TuningDefaults.STANDARD);
    }

    /**
     * The benchmarks with the taste model trained with {@code als} (by both systems) and Setlist's playlists
     * made with the defaults {@code tuning}: to measure a setting before changing Setlist's.
     */
    public BehaviourBench(Settings settings, RuleBook rules, AlsSettings als, TuningDefaults tuning) {
        this.settings = settings;
        this.als = als;
        this.tuning = tuning;
        this.rules = rules;
        this.catalog = DemoLibrary.generate(settings.seed(), START.atStartOfDay().toInstant(ZoneOffset.UTC)).items();
    }

    /**
     * The shipped rule packs, compiled with the default firing limit and a time limit of a minute rather than
     * a second: the time limit guards a live server against a runaway rule, and here it would only let a
     * loaded machine change the figures (an evaluation that hits it goes on without its rules).
     */
    public static RuleBook defaultRules() {
        CompileResult result = new RuleCompiler(new RuleLimits(RuleLimits.DEFAULTS.maxFirings(), Duration.ofMinutes(1)))
                .compile(RuleSources.defaults(), "defaults");
        if (!result.ok()) {
            throw new IllegalStateException("the shipped rules do not compile:\n" + result.report());
        }
        return result.book();
    }

    /**
     * The margin each row must reach in the full run, in the row's units (docs/behaviours.md states them and
     * why): one documentary in 20, one more genre in five, a twentieth of NDCG, two points of the catalog,
     * two hundredths of a bit, one point of the catalog, five points of exploration rate, half the overlap, ten
     * places. The context row needs Setlist at 0 (and the baseline above).
     */
    static final Map<String, Double> REQUIRED_MARGINS = Map.ofEntries(
            Map.entry("Sleepy viewer", 0.05),
            Map.entry("Binge fatigue", 1.0),
            Map.entry("Cold start", 0.05),
            Map.entry("Context", 0.0),
            Map.entry("Filter bubble: coverage", 0.02),
            Map.entry("Filter bubble: genres", 0.02),
            Map.entry("Filter bubble: exploration", 0.02),
            Map.entry("Exploration widens coverage", 0.01),
            Map.entry("Exploration adapts", 0.05),
            Map.entry("Shared account", 0.5),
            Map.entry("Manipulation", 10.0));

    /**
     * Every row, in the order of docs/behaviours.md; in the full run each with the margin it must reach
     * ({@link #REQUIRED_MARGINS}), in a reduced run (and from the rows' own methods) with none: the margins are
     * the full run's.
     */
    public List<BehaviourRow> run() {
        List<BehaviourRow> rows = new ArrayList<>();
        rows.add(sleepyViewer());
        rows.add(bingeFatigue());
        rows.add(coldStart());
        rows.add(context());
        rows.addAll(filterBubble());
        rows.add(sharedAccount());
        rows.add(manipulation());
        if (!settings.equals(Settings.full(settings.seed()))) {
            return rows;
        }
        return rows.stream().map(row -> row.requiring(REQUIRED_MARGINS.getOrDefault(row.behaviour(), 0.0))).toList();
    }

    // ---------------------------------------------------------------------------------------------- rows

    /**
     * Sleepy viewer: Jordan puts documentaries on at bedtime and falls asleep while autoplay goes on, every
     * night for {@code sleepyNights}. After each night: the documentary share of Jordan's next 20-item video
     * playlist. Sleeping changes neither Jordan's taste nor what Jordan saw, so a system that sees through it
     * offers after each night what it offers after the same day without the night: the measure is the
     * distance between the two shares (the same week lived twice, with the nights and without), averaged over
     * the nights. It needs no assumption about Jordan's taste and leaves out each system's error before the
     * nights; the true top 20's share (what Jordan would choose awake, less what they finished awake) is
     * shown beside it.
     */
    public BehaviourRow sleepyViewer() {
        Week slept = sleepyWeeks().get(0);
        Week control = sleepyWeeks().get(1);
        List<Double> setlistMoved = new ArrayList<>();
        List<Double> naiveMoved = new ArrayList<>();
        List<Double> undiscountedMoved = new ArrayList<>();
        for (int night = 1; night <= settings.sleepyNights(); night++) {
            setlistMoved.add(Math.abs(slept.setlist().get(night) - control.setlist().get(night)));
            naiveMoved.add(Math.abs(slept.naive().get(night) - control.naive().get(night)));
            undiscountedMoved.add(Math.abs(slept.undiscounted().get(night) - control.undiscounted().get(night)));
        }
        List<String> nights = new ArrayList<>();
        nights.add("before");
        for (int night = 1; night <= settings.sleepyNights(); night++) {
            nights.add(String.valueOf(night));
        }
        Chart chart = new Chart("sleepy-viewer", "Documentary share of Jordan's playlist, night by night",
                "share of 20 items", nights, List.of(new Chart.Series("Setlist", slept.setlist()),
                new Chart.Series("Setlist, no nights", control.setlist()),
                new Chart.Series("naive baseline", slept.naive()),
                new Chart.Series("baseline, no nights", control.naive()),
                new Chart.Series("true taste", slept.truth())), true);
        return new BehaviourRow("Sleepy viewer", "documentary share of a 20-item playlist the nights move (against the "
                + "same week without them), mean over " + settings.sleepyNights() + " nights of falling asleep",
                BehaviourRow.Better.LOWER, mean(setlistMoved), mean(naiveMoved),
                "documentary share before the first night, then night by night: Setlist " + list(slept.setlist())
                        + " (without the nights " + list(control.setlist()) + "), baseline " + list(slept.naive())
                        + " (without the nights " + list(control.naive()) + "), true top 20 " + list(slept.truth())
                        + String.format(Locale.ROOT, "; Setlist without the sleepy-viewer discount %s (without the "
                                + "nights %s): the nights move it by %.3f. In the top 20 of the taste model's own "
                                + "ranking (before rules and sequencing) the nights move the share by %.3f for "
                                + "Setlist, %.3f without the discount, %.3f for the baseline",
                        list(slept.undiscounted()), list(control.undiscounted()), mean(undiscountedMoved),
                        moved(slept.setlistTaste(), control.setlistTaste()),
                        moved(slept.undiscountedTaste(), control.undiscountedTaste()),
                        moved(slept.naiveTaste(), control.naiveTaste())),
                chart);
    }

    /**
     * Documentary shares of Jordan's playlists before the first night and after each: Setlist's, the
     * baseline's, the truth's, and those of Setlist without the ledger's sleepy-viewer discount (the late-night
     * window closed), which shows what the discount itself does; and the same three in the top 20 of each
     * taste model's own ranking (before rules and sequencing, whose genre cap bounds a playlist's share).
     */
    record Week(List<Double> setlist, List<Double> naive, List<Double> truth, List<Double> undiscounted,
                List<Double> setlistTaste, List<Double> undiscountedTaste, List<Double> naiveTaste) {
    }

    /** The sleepy viewer's week with the nights, then without; lived once per bench. */
    List<Week> sleepyWeeks() {
        if (sleepyWeeks == null) {
            sleepyWeeks = List.of(sleepyWeek(true), sleepyWeek(false));
        }
        return sleepyWeeks;
    }

    /** The sleepy viewer's week: the warm-up, then a day and (if {@code nights}) a bedtime, {@code sleepyNights} times. */
    private Week sleepyWeek(boolean nights) {
        Persona jordan = household.person("jordan");
        try (InProcessSetlist setlist = setlist(household, true);
             InProcessSetlist undiscounted = new InProcessSetlist(household, catalog, rules, start(), true,
                     ModelTrainer.DEFAULT_MAX_TRAINING_WEIGHT, als, null, tuning,
                     withoutSleepyDiscount(SignalSettings.defaults(ZoneOffset.UTC)))) {
            NaiveRecommender naive = new NaiveRecommender(catalog, als);
            HouseholdSimulator simulator = simulator(household);
            simulator.bedtimes(false);
            warmUp(simulator, setlist, naive, undiscounted);
            List<Double> setlistShare = new ArrayList<>();
            List<Double> naiveShare = new ArrayList<>();
            List<Double> trueShare = new ArrayList<>();
            List<Double> undiscountedShare = new ArrayList<>();
            List<Double> setlistTaste = new ArrayList<>();
            List<Double> undiscountedTaste = new ArrayList<>();
            List<Double> naiveTaste = new ArrayList<>();
            Broadcast all = new Broadcast(List.of(setlist, naive, undiscounted));
            Instant asked = simulator.at(START.plusDays(settings.warmupDays()).atTime(13, 0));
            for (int night = 0; ; night++) {
                setlistShare.add(share(items(setlist.offer(jordan, request(Media.VIDEO, 20, jordan, asked))), BehaviourBench::documentary));
                naiveShare.add(share(items(naive.offer(jordan, request(Media.VIDEO, 20, jordan, asked))), BehaviourBench::documentary));
                undiscountedShare.add(share(items(undiscounted.offer(jordan, request(Media.VIDEO, 20, jordan, asked))), BehaviourBench::documentary));
                trueShare.add(share(trueTop(jordan, Media.VIDEO, 20, watched(simulator, jordan)), BehaviourBench::documentary));
                setlistTaste.add(share(top(setlist.ranking(jordan, Media.VIDEO), 20), BehaviourBench::documentary));
                undiscountedTaste.add(share(top(undiscounted.ranking(jordan, Media.VIDEO), 20), BehaviourBench::documentary));
                naiveTaste.add(share(top(naive.ranking(jordan, Media.VIDEO), 20), BehaviourBench::documentary));
                if (night == settings.sleepyNights()) {
                    return new Week(setlistShare, naiveShare, trueShare, undiscountedShare, setlistTaste,
                            undiscountedTaste, naiveTaste);
                }
                int day = settings.warmupDays() + night;
                LocalDate date = START.plusDays(day);
                simulator.day(all, date, day);
                if (nights) {
                    simulator.bedtime(all, jordan, simulator.at(date.atTime(23, 10)), settings.seed() + night);
                }
                all.train(simulator.at(date.plusDays(1).atTime(6, 0)));
                asked = simulator.at(date.plusDays(1).atTime(13, 0));
            }
        }
    }

    private static List<ItemProfile> top(List<ItemProfile> ranking, int n) {
        return ranking.subList(0, Math.min(n, ranking.size()));
    }

    /** The mean over the nights of how far {@code with} is from {@code without}. */
    static double moved(List<Double> with, List<Double> without) {
        double sum = 0;
        for (int night = 1; night < with.size(); night++) {
            sum += Math.abs(with.get(night) - without.get(night));
        }
        return with.size() < 2 ? 0 : sum / (with.size() - 1);
    }

    /** {@code signals} with the late-night window closed: no chain is a sleepy viewer's. */
    private static SignalSettings withoutSleepyDiscount(SignalSettings s) {
        return new SignalSettings(s.completeFraction(), s.skipFraction(), s.skipSeconds(), s.movieWeight(),
                s.episodeWeight(), s.trackWeight(), s.otherWeight(), s.rewatchBonus(), s.seekBackSeconds(),
                s.seekBackBonus(), s.seekAheadRatio(), s.favouriteWeight(), s.likeWeight(), s.importWeight(),
                s.autoplayGap(), s.lateNightStart(), s.lateNightStart(), s.sleepyFreeItems(), s.sleepyDecay(),
                s.mutedFactor(), s.zone(), s.evidenceLimit());
    }

    /**
     * Binge fatigue: each adult watches five episodes of their favourite series in a row; right after,
     * the number of distinct genres in the first five items offered. Mean over the adults.
     */
    public BehaviourRow bingeFatigue() {
        try (InProcessSetlist setlist = setlist(household, true)) {
            NaiveRecommender naive = new NaiveRecommender(catalog, als);
            HouseholdSimulator simulator = simulator(household);
            warmUp(simulator, setlist, naive);
            Broadcast both = new Broadcast(List.of(setlist, naive));
            List<String> people = new ArrayList<>();
            List<Double> setlistGenres = new ArrayList<>();
            List<Double> naiveGenres = new ArrayList<>();
            int hour = 19;
            for (Persona persona : adults()) {
                Set<String> finished = finished(simulator, persona);
                List<ItemProfile> series = simulator.series(persona).stream()
                        .map(episodes -> episodes.stream().filter(e -> !finished.contains(e.id())).toList())
                        .filter(episodes -> episodes.size() >= 7)
                        .max(Comparator.comparingDouble(episodes -> persona.taste().utility(episodes.get(0))))
                        .orElseThrow(() -> new IllegalStateException(persona.name() + " has no series left to binge"));
                LocalDateTime start = START.plusDays(settings.warmupDays()).atTime(hour++, 0);
                Instant end = simulator.binge(both, persona, series, 5, simulator.at(start), settings.seed());
                Instant asked = end.plusSeconds(60);
                people.add(persona.name());
                setlistGenres.add((double) distinctGenres(items(setlist.offer(persona, request(Media.VIDEO, PLAYLIST, persona, asked))), 5));
                naiveGenres.add((double) distinctGenres(items(naive.offer(persona, request(Media.VIDEO, PLAYLIST, persona, asked))), 5));
            }
            Chart chart = new Chart("binge-fatigue", "Distinct genres in the top 5 right after a five-episode run",
                    "genres", people, List.of(new Chart.Series("Setlist", setlistGenres),
                    new Chart.Series("naive baseline", naiveGenres)), false);
            return new BehaviourRow("Binge fatigue", "distinct genres in the top 5 after 5 episodes in a row",
                    BehaviourRow.Better.HIGHER, mean(setlistGenres), mean(naiveGenres),
                    "per person (" + String.join(", ", people) + "): Setlist " + list(setlistGenres) + ", baseline "
                            + list(naiveGenres), chart);
        }
    }

    /**
     * Cold start: a newcomer with an adult's taste who rates everything 8 to 10 of 10. With Setlist they
     * answer 10 pairwise questions; with the baseline they star-rate the 10 most played films. Then
     * NDCG@10 of their first video playlist against their true taste (relevance: true utility on 0 to 5,
     * rounded down; gain 2^rel − 1), mean over three newcomers.
     */
    public BehaviourRow coldStart() {
        try (InProcessSetlist setlist = setlist(household, true)) {
            NaiveRecommender naive = new NaiveRecommender(catalog, als);
            HouseholdSimulator simulator = simulator(household);
            warmUp(simulator, setlist, naive);
            List<ItemProfile> mostPlayed = mostPlayedFilms(simulator, 10);
            List<String> people = new ArrayList<>();
            List<Double> setlistNdcg = new ArrayList<>();
            List<Double> naiveNdcg = new ArrayList<>();
            Instant at = simulator.at(START.plusDays(settings.warmupDays()).atTime(13, 0));
            for (Persona adult : adults()) {
                Persona newcomer = adult.renamed("new-" + adult.key(), "New " + adult.name())
                        .with(ratesEverythingHigh(adult.traits()));
                setlist.join(newcomer);
                for (int answer = 0; answer < 10; answer++) {
                    setlist.answerPair(newcomer, (a, b) -> newcomer.taste().utility(a) >= newcomer.taste().utility(b)
                            ? a : b, at.plusSeconds(answer));
                }
                for (int k = 0; k < mostPlayed.size(); k++) {
                    ItemProfile film = mostPlayed.get(k);
                    double stars = 8 + Math.round(2 * newcomer.taste().utility(film));
                    naive.deliver(HouseholdSimulator.rating(newcomer, film, at.plusSeconds(k), stars));
                }
                Instant asked = at.plusSeconds(600);
                people.add(newcomer.name());
                setlistNdcg.add(ndcg(newcomer, items(setlist.offer(newcomer, request(Media.VIDEO, PLAYLIST, newcomer, asked),
                        null, 0.0))));
                naiveNdcg.add(ndcg(newcomer, items(naive.offer(newcomer, request(Media.VIDEO, PLAYLIST, newcomer, asked)))));
            }
            Chart chart = new Chart("cold-start", "NDCG@10 of a newcomer's first playlist", "NDCG@10", people,
                    List.of(new Chart.Series("Setlist: 10 pairwise answers", setlistNdcg),
                            new Chart.Series("baseline: 10 star ratings", naiveNdcg)), false);
            return new BehaviourRow("Cold start", "NDCG@10 vs true taste: 10 pairwise answers vs 10 star ratings",
                    BehaviourRow.Better.HIGHER, mean(setlistNdcg), mean(naiveNdcg),
                    "per newcomer: Setlist " + list(setlistNdcg) + ", baseline " + list(naiveNdcg)
                            + "; every star rating was 8 to 10", chart);
        }
    }

    /**
     * Context: every person asks for a playlist in kids mode (video), focus mode (video) and workout mode
     * (music). The share of offered items that break the mode: in kids mode rated above the kids ceiling
     * (10) or unrated; in focus mode a cliffhanger episode; in workout mode a calm or sleep item.
     */
    public BehaviourRow context() {
        try (InProcessSetlist setlist = setlist(household, true)) {
            NaiveRecommender naive = new NaiveRecommender(catalog, als);
            HouseholdSimulator simulator = simulator(household);
            warmUp(simulator, setlist, naive);
            Instant at = simulator.at(START.plusDays(settings.warmupDays()).atTime(13, 0));
            Map<Mode, Media> modes = new TreeMap<>(Map.of(Mode.KIDS, Media.VIDEO, Mode.FOCUS, Media.VIDEO,
                    Mode.WORKOUT, Media.MUSIC));
            List<String> labels = new ArrayList<>();
            List<Double> setlistShares = new ArrayList<>();
            List<Double> naiveShares = new ArrayList<>();
            int setlistBroken = 0;
            int setlistOffered = 0;
            int naiveBroken = 0;
            int naiveOffered = 0;
            for (Map.Entry<Mode, Media> mode : modes.entrySet()) {
                int sb = 0;
                int so = 0;
                int nb = 0;
                int no = 0;
                for (Persona persona : household.people()) {
                    OfferRequest request = request(mode.getValue(), PLAYLIST, persona, at);
                    List<ItemProfile> offered = items(setlist.offer(persona, request, mode.getKey(), null));
                    sb += (int) offered.stream().filter(item -> breaks(mode.getKey(), item)).count();
                    so += offered.size();
                    List<ItemProfile> naiveOffer = items(naive.offer(persona, request));
                    nb += (int) naiveOffer.stream().filter(item -> breaks(mode.getKey(), item)).count();
                    no += naiveOffer.size();
                }
                labels.add(mode.getKey().key());
                setlistShares.add(so == 0 ? 0 : sb / (double) so);
                naiveShares.add(no == 0 ? 0 : nb / (double) no);
                setlistBroken += sb;
                setlistOffered += so;
                naiveBroken += nb;
                naiveOffered += no;
            }
            Chart chart = new Chart("context", "Share of offered items that break the active mode", "share", labels,
                    List.of(new Chart.Series("Setlist", setlistShares), new Chart.Series("naive baseline", naiveShares)),
                    false);
            return new BehaviourRow("Context", "share of offered items breaking the mode (kids, focus, workout)",
                    BehaviourRow.Better.ZERO, setlistBroken / (double) Math.max(1, setlistOffered),
                    naiveBroken / (double) Math.max(1, naiveOffered), String.format(Locale.ROOT,
                    "by mode (%s): Setlist %s, baseline %s; %d of %d and %d of %d items", String.join(", ", labels),
                    list(setlistShares), list(naiveShares), setlistBroken, setlistOffered, naiveBroken, naiveOffered),
                    chart);
        }
    }

    /**
     * Filter bubble, closed loop: after the warm-up, {@code bubbleDays} days in which sessions start from the
     * system's playlist (as often as each person does), each system living with what its own offers led
     * people to play. A bubble is what a household ends up playing: catalog coverage (distinct items played,
     * awake and not skipped, over the catalog) and the entropy of the genres played, for Setlist with its
     * exploration, Setlist with exploration off and the baseline; the coverage with exploration against
     * without (what exploration adds to what is played). And, for Setlist, the exploration rate it learned
     * for Alex, who takes wildcards, and for Sam, who never does.
     */
    public List<BehaviourRow> filterBubble() {
        try (InProcessSetlist setlist = setlist(household, true);
             InProcessSetlist closed = new InProcessSetlist(household, catalog, rules, start(), true,
                     ModelTrainer.DEFAULT_MAX_TRAINING_WEIGHT, als, 0.0, tuning)) {
            NaiveRecommender naive = new NaiveRecommender(catalog, als);
            Loop setlistLoop = closedLoop(setlist);
            Loop closedLoop = closedLoop(closed);
            Loop naiveLoop = closedLoop(naive);
            List<String> days = new ArrayList<>();
            for (int day = 1; day <= settings.bubbleDays(); day++) {
                days.add(String.valueOf(day));
            }
            Chart coverage = new Chart("filter-bubble", "Catalog coverage of what the household played, day by day",
                    "share of the catalog", days, List.of(new Chart.Series("Setlist", setlistLoop.coverage()),
                    new Chart.Series("Setlist, exploration off", closedLoop.coverage()),
                    new Chart.Series("naive baseline", naiveLoop.coverage())), true);
            Chart entropy = new Chart("genre-entropy", "Entropy of the genres played (by time; household, mean per person) "
                    + "and offered", "bits", List.of("played, household", "played, per person", "offered"), List.of(
                    new Chart.Series("Setlist", List.of(setlistLoop.playedEntropy(), setlistLoop.meanPersonalEntropy(),
                            setlistLoop.offeredEntropy())),
                    new Chart.Series("Setlist, exploration off", List.of(closedLoop.playedEntropy(),
                            closedLoop.meanPersonalEntropy(), closedLoop.offeredEntropy())),
                    new Chart.Series("naive baseline", List.of(naiveLoop.playedEntropy(), naiveLoop.meanPersonalEntropy(),
                            naiveLoop.offeredEntropy()))),
                    false);
            Persona taker = household.person("alex");
            Persona neverTaker = household.person("sam");
            double takerRate = setlist.explorationRate(taker);
            double neverRate = setlist.explorationRate(neverTaker);
            double takerShare = setlistLoop.wildcardShare(taker);
            double neverShare = setlistLoop.wildcardShare(neverTaker);
            Chart rates = new Chart("exploration-rate", "Exploration rate learned from wildcard answers", "rate",
                    List.of("Alex (takes wildcards)", "Sam (never does)"), List.of(
                    new Chart.Series("Setlist", List.of(takerRate, neverRate)),
                    new Chart.Series("naive baseline", List.of(0.0, 0.0))), false);
            return List.of(
                    new BehaviourRow("Filter bubble: coverage", "share of the catalog played over "
                            + settings.bubbleDays() + " days, closed loop", BehaviourRow.Better.HIGHER,
                            last(setlistLoop.coverage()), last(naiveLoop.coverage()), String.format(Locale.ROOT,
                            "played (awake, not skipped) %d distinct items of %d with Setlist, %d with exploration "
                                    + "off (%.3f), %d with the baseline; %d, %d and %d plays; wildcards taken: %d; "
                                    + "offered %d, %d and %d distinct items", setlistLoop.distinct(), catalog.size(),
                            closedLoop.distinct(), last(closedLoop.coverage()), naiveLoop.distinct(),
                            setlistLoop.plays(), closedLoop.plays(), naiveLoop.plays(), setlistLoop.wildcardsTaken(),
                            setlistLoop.offered(), closedLoop.offered(), naiveLoop.offered()), coverage),
                    new BehaviourRow("Filter bubble: genres", "entropy (bits) of the genres the household played, "
                            + "by time played", BehaviourRow.Better.HIGHER, setlistLoop.playedEntropy(),
                            naiveLoop.playedEntropy(), String.format(Locale.ROOT, "Setlist with exploration off %.3f; "
                                    + "counting plays instead of time (Setlist, exploration off, baseline): %.3f, %.3f, "
                                    + "%.3f, of which videos %.3f, %.3f, %.3f (%d, %d, %d plays) and music %.3f, %.3f, "
                                    + "%.3f (%d, %d, %d plays); %d, %d and %d plays came from the systems' playlists; "
                                    + "genres offered: %.3f, %.3f, %.3f", closedLoop.playedEntropy(),
                                    setlistLoop.countEntropy(), closedLoop.countEntropy(), naiveLoop.countEntropy(),
                                    setlistLoop.videoEntropy(), closedLoop.videoEntropy(), naiveLoop.videoEntropy(),
                                    setlistLoop.videoPlays(), closedLoop.videoPlays(), naiveLoop.videoPlays(),
                                    setlistLoop.musicEntropy(), closedLoop.musicEntropy(), naiveLoop.musicEntropy(),
                                    setlistLoop.musicPlays(), closedLoop.musicPlays(), naiveLoop.musicPlays(),
                                    setlistLoop.fromOffers(), closedLoop.fromOffers(), naiveLoop.fromOffers(),
                                    setlistLoop.offeredEntropy(), closedLoop.offeredEntropy(), naiveLoop.offeredEntropy()),
                            entropy),
                    new BehaviourRow("Filter bubble: exploration", "entropy (bits) of the genres each person played, "
                            + "by time, mean; baseline column: Setlist with exploration off", BehaviourRow.Better.HIGHER,
                            setlistLoop.meanPersonalEntropy(), closedLoop.meanPersonalEntropy(),
                            String.format(Locale.ROOT, "per person (%s): with exploration %s, exploration off %s, "
                                    + "naive baseline %s (mean %.3f)", household.people().stream().map(Persona::name)
                                    .collect(Collectors.joining(", ")), setlistLoop.personal(household.people()),
                                    closedLoop.personal(household.people()), naiveLoop.personal(household.people()),
                                    naiveLoop.meanPersonalEntropy()), entropy),
                    new BehaviourRow("Exploration widens coverage", "share of the catalog played over "
                            + settings.bubbleDays() + " days, closed loop; baseline column: Setlist with exploration off",
                            BehaviourRow.Better.HIGHER, last(setlistLoop.coverage()), last(closedLoop.coverage()),
                            String.format(Locale.ROOT, "%d against %d distinct items; wildcards taken: %d, of which %d "
                                    + "nobody had played before", setlistLoop.distinct(), closedLoop.distinct(),
                                    setlistLoop.wildcardsTaken(), setlistLoop.freshWildcards()), coverage),
                    new BehaviourRow("Exploration adapts", "exploration rate: wildcard-taker minus never-taker",
                            BehaviourRow.Better.HIGHER, takerRate - neverRate, 0, String.format(Locale.ROOT,
                            "Setlist learned %.3f for Alex (takes 80%% of wildcards) and %.3f for Sam (takes none); "
                                    + "wildcards were %.2f of Alex's offers and %.2f of Sam's by the end; "
                                    + "the baseline never explores (0 for both)", takerRate, neverRate, takerShare,
                            neverShare), rates));
        }
    }

    /**
     * Shared account: Robin (a child) watches on Sam's account. With Setlist, Robin is a profile and says so
     * when sitting down; the baseline knows accounts only. The overlap (Jaccard) of the child's and the
     * parent's 10-item video playlists, and how many of the child's items are above the child's ceiling.
     */
    public BehaviourRow sharedAccount() {
        Household shared = household.sharing("robin", "sam");
        try (InProcessSetlist setlist = setlist(shared, true)) {
            NaiveRecommender naive = new NaiveRecommender(catalog, als);
            HouseholdSimulator simulator = simulator(shared);
            warmUp(simulator, setlist, naive);
            Persona sam = shared.person("sam");
            Persona robin = shared.person("robin");
            Instant at = simulator.at(START.plusDays(settings.warmupDays()).atTime(13, 0));
            List<ItemProfile> setlistParent = items(setlist.offer(sam, request(Media.VIDEO, PLAYLIST, sam, at)));
            List<ItemProfile> setlistChild = items(setlist.offer(robin, request(Media.VIDEO, PLAYLIST, robin, at)));
            List<ItemProfile> naiveParent = items(naive.offer(sam, request(Media.VIDEO, PLAYLIST, sam, at)));
            List<ItemProfile> naiveChild = items(naive.offer(robin, request(Media.VIDEO, PLAYLIST, robin, at)));
            double setlistOverlap = jaccard(setlistParent, setlistChild);
            double naiveOverlap = jaccard(naiveParent, naiveChild);
            long setlistAdult = setlistChild.stream().filter(item -> !HouseholdSimulator.allowed(robin, item)).count();
            long naiveAdult = naiveChild.stream().filter(item -> !HouseholdSimulator.allowed(robin, item)).count();
            Chart chart = new Chart("shared-account", "A parent and a child on one account", "value",
                    List.of("playlist overlap", "child's items above ceiling (share)"), List.of(
                    new Chart.Series("Setlist (profiles)", List.of(setlistOverlap, setlistAdult / (double) PLAYLIST)),
                    new Chart.Series("naive baseline (account)", List.of(naiveOverlap, naiveAdult / (double) PLAYLIST))),
                    false);
            return new BehaviourRow("Shared account", "overlap (Jaccard) of the child's and the parent's playlists",
                    BehaviourRow.Better.LOWER, setlistOverlap, naiveOverlap, String.format(Locale.ROOT,
                    "child's playlist above the child's ceiling: Setlist %d of %d, baseline %d of %d; mean true taste "
                            + "of the child's playlist for the child: Setlist %.2f, baseline %.2f; of the parent's "
                            + "for the parent: Setlist %.2f, baseline %.2f", setlistAdult, setlistChild.size(), naiveAdult,
                    naiveChild.size(), meanUtility(robin, setlistChild), meanUtility(robin, naiveChild),
                    meanUtility(sam, setlistParent), meanUtility(sam, naiveParent)), chart);
        }
    }

    /**
     * Manipulation: a new account plays one film nobody played, once; then {@code fakePlays} − 1 more times
     * in a burst. The largest number of places the film moved (up or down) in anyone else's ranking (the
     * taste model's ranking of the whole video catalog, retrained after each) between the single play and
     * the burst: what repeating plays buys one account beyond an honest play. (The first play alone moves a
     * film nobody played a long way in any system: it stops being cold.) Setlist also runs without its
     * influence cap, for comparison.
     */
    public BehaviourRow manipulation() {
        try (InProcessSetlist setlist = setlist(household, true);
             InProcessSetlist uncapped = new InProcessSetlist(household, catalog, rules, start(), true,
                     Double.POSITIVE_INFINITY, als, null, tuning)) {
            NaiveRecommender naive = new NaiveRecommender(catalog, als);
            HouseholdSimulator simulator = simulator(household);
            Broadcast all = new Broadcast(List.of(setlist, uncapped, naive));
            warmUp(simulator, all);
            Map<String, Long> plays = simulator.plays().stream()
                    .collect(Collectors.groupingBy(p -> p.item().id(), Collectors.counting()));
            ItemProfile target = catalog.stream().filter(item -> item.kind() == ItemKind.MOVIE)
                    .min(Comparator.comparingLong((ItemProfile item) -> plays.getOrDefault(item.id(), 0L))
                            .thenComparing(ItemProfile::id)).orElseThrow();
            Persona attacker = household.person("alex").renamed("mallory", "Mallory");
            setlist.join(attacker);
            uncapped.join(attacker);
            Instant at = simulator.at(START.plusDays(settings.warmupDays()).atTime(2, 0));
            Instant once = simulator.burst(all, attacker, target, 1, at);
            all.train(once);
            Map<String, Integer> setlistBefore = ranks(household.people(), p -> setlist.ranking(p, Media.VIDEO), target);
            Map<String, Integer> uncappedBefore = ranks(household.people(), p -> uncapped.ranking(p, Media.VIDEO), target);
            Map<String, Integer> naiveBefore = ranks(household.people(), p -> naive.ranking(p, Media.VIDEO), target);
            Instant end = simulator.burst(all, attacker, target, settings.fakePlays() - 1, once.plusSeconds(5));
            all.train(end);
            Map<String, Integer> setlistAfter = ranks(household.people(), p -> setlist.ranking(p, Media.VIDEO), target);
            Map<String, Integer> uncappedAfter = ranks(household.people(), p -> uncapped.ranking(p, Media.VIDEO), target);
            Map<String, Integer> naiveAfter = ranks(household.people(), p -> naive.ranking(p, Media.VIDEO), target);
            List<String> names = household.people().stream().map(Persona::name).toList();
            List<Double> setlistMoves = moved(household.people(), setlistBefore, setlistAfter);
            List<Double> uncappedMoves = moved(household.people(), uncappedBefore, uncappedAfter);
            List<Double> naiveMoves = moved(household.people(), naiveBefore, naiveAfter);
            Chart chart = new Chart("manipulation", settings.fakePlays() + " fake plays of one film vs one play: places it moved for others",
                    "places", names, List.of(new Chart.Series("Setlist", setlistMoves),
                    new Chart.Series("Setlist without the cap", uncappedMoves),
                    new Chart.Series("naive baseline", naiveMoves)), false);
            int videos = (int) catalog.stream().filter(item -> item.kind() != ItemKind.TRACK).count();
            return new BehaviourRow("Manipulation", "largest rank change of a film for others: "
                    + settings.fakePlays() + " fake plays from one account vs one play", BehaviourRow.Better.LOWER,
                    max(setlistMoves), max(naiveMoves), String.format(Locale.ROOT,
                    "of %d videos; rank after one play → after the burst, per person: Setlist %s; without the "
                            + "influence cap %s (largest change %.0f); baseline %s", videos,
                    moves(household.people(), setlistBefore, setlistAfter),
                    moves(household.people(), uncappedBefore, uncappedAfter), max(uncappedMoves),
                    moves(household.people(), naiveBefore, naiveAfter)), chart);
        }
    }

    // ------------------------------------------------------------------------------------------- helpers

    private InProcessSetlist setlist(Household people, boolean useProfiles) {
        return new InProcessSetlist(people, catalog, rules, start(), useProfiles,
                ModelTrainer.DEFAULT_MAX_TRAINING_WEIGHT, als, null, tuning);
    }

    private static Instant start() {
        return START.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private HouseholdSimulator simulator(Household people) {
        return new HouseholdSimulator(people, catalog, settings.seed(), ZoneOffset.UTC);
    }

    private void warmUp(HouseholdSimulator simulator, SimulatedSystem... systems) {
        warmUp(simulator, new Broadcast(List.of(systems)));
    }

    /** The household browsing by itself for the warm-up days, every system hearing it; then one training. */
    private void warmUp(HouseholdSimulator simulator, Broadcast broadcast) {
        for (int day = 0; day < settings.warmupDays(); day++) {
            simulator.day(broadcast, START.plusDays(day), day);
        }
        broadcast.train(simulator.at(START.plusDays(settings.warmupDays()).atTime(LocalTime.of(5, 0))));
    }

    /** One closed-loop run: warm-up, then the bubble days against {@code system}, measured day by day. */
    private Loop closedLoop(SimulatedSystem system) {
        HouseholdSimulator simulator = simulator(household);
        warmUp(simulator, system);
        int from = simulator.plays().size();
        List<ItemProfile> offered = new ArrayList<>();
        Map<String, List<Offer>> lastOffers = new HashMap<>();
        SimulatedSystem watched = new SimulatedSystem() {
            @Override
            public void deliver(PlaybackEvent event) {
                system.deliver(event);
            }

            @Override
            public List<Offer> offer(Persona persona, OfferRequest request) {
                List<Offer> offers = system.offer(persona, request);
                offers.forEach(offer -> offered.add(offer.item()));
                lastOffers.put(persona.key(), offers);
                return offers;
            }

            @Override
            public boolean wildcardAnswer(Persona persona, ItemProfile item, boolean taken, Instant at) {
                return system.wildcardAnswer(persona, item, taken, at);
            }

            @Override
            public void sittingDown(Persona persona, Instant at) {
                system.sittingDown(persona, at);
            }

            @Override
            public void gettingUp(Persona persona, Instant at) {
                system.gettingUp(persona, at);
            }
        };
        List<Double> coverage = new ArrayList<>();
        for (int d = 0; d < settings.bubbleDays(); d++) {
            int day = settings.warmupDays() + d;
            simulator.day(watched, START.plusDays(day), day);
            system.endOfDay(simulator.at(START.plusDays(day + 1).atStartOfDay()));
            coverage.add(played(simulator, from).stream().map(p -> p.item().id()).distinct().count()
                    / (double) catalog.size());
        }
        List<PlayRecord> played = played(simulator, from);
        List<ItemProfile> playedItems = played.stream().map(PlayRecord::item).toList();
        int wildcards = (int) played.stream().filter(PlayRecord::wildcard).count();
        Set<String> before = new HashSet<>();
        simulator.plays().subList(0, from).stream().filter(PlayRecord::attended).forEach(p -> before.add(p.item().id()));
        int freshWildcards = 0;
        for (PlayRecord play : played) {
            if (before.add(play.item().id()) && play.wildcard()) {
                freshWildcards++;
            }
        }
        Map<String, Double> wildcardShare = new HashMap<>();
        lastOffers.forEach((person, offers) -> wildcardShare.put(person,
                offers.isEmpty() ? 0 : offers.stream().filter(Offer::wildcard).count() / (double) offers.size()));
        Map<String, Double> personal = new HashMap<>();
        for (Persona persona : household.people()) {
            personal.put(persona.key(), timeEntropy(played.stream().filter(p -> p.persona().equals(persona)).toList()));
        }
        int fromOffers = (int) played.stream().filter(PlayRecord::offered).count();
        List<ItemProfile> video = playedItems.stream().filter(item -> item.kind() != ItemKind.TRACK).toList();
        List<ItemProfile> music = playedItems.stream().filter(item -> item.kind() == ItemKind.TRACK).toList();
        return new Loop(coverage, entropy(offered), timeEntropy(played), entropy(playedItems), entropy(video), video.size(),
                entropy(music), music.size(),
                (int) offered.stream().map(ItemProfile::id).distinct().count(),
                (int) playedItems.stream().map(ItemProfile::id).distinct().count(), played.size(), fromOffers, wildcards,
                freshWildcards, wildcardShare, personal);
    }

    /** Shannon entropy (bits) of the genres of {@code items}, each item's weight shared among its genres. */
    private static double entropy(List<ItemProfile> items) {
        Map<String, Double> genres = new HashMap<>();
        for (ItemProfile item : items) {
            for (String genre : item.genres()) {
                genres.merge(genre, 1.0 / item.genres().size(), Double::sum);
            }
        }
        return entropy(genres);
    }

    /**
     * Shannon entropy (bits) of the genres of what was played, each play weighing the time it played (shared
     * among its genres): a four-minute track is not as much of what a person played as a two-hour film.
     */
    private static double timeEntropy(List<PlayRecord> plays) {
        Map<String, Double> genres = new HashMap<>();
        for (PlayRecord play : plays) {
            double seconds = play.fraction() * play.item().runtimeSeconds();
            for (String genre : play.item().genres()) {
                genres.merge(genre, seconds / play.item().genres().size(), Double::sum);
            }
        }
        return entropy(genres);
    }

    private static double entropy(Map<String, Double> genres) {
        double total = genres.values().stream().mapToDouble(Double::doubleValue).sum();
        double entropy = 0;
        for (double count : genres.values()) {
            double p = count / total;
            entropy -= p * Math.log(p) / Math.log(2);
        }
        return entropy;
    }

    private record Loop(List<Double> coverage, double offeredEntropy, double playedEntropy, double countEntropy,
                        double videoEntropy, int videoPlays, double musicEntropy, int musicPlays, int offered, int distinct,
                        int plays, int fromOffers, int wildcardsTaken, int freshWildcards,
                        Map<String, Double> wildcardShares, Map<String, Double> personalEntropy) {

        double wildcardShare(Persona persona) {
            return wildcardShares.getOrDefault(persona.key(), 0.0);
        }

        /** The entropy of the genres each person played (weighted by time played), averaged over the people. */
        double meanPersonalEntropy() {
            return personalEntropy.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
        }

        String personal(List<Persona> people) {
            return people.stream().map(p -> String.format(Locale.ROOT, "%.2f", personalEntropy.get(p.key())))
                    .collect(Collectors.joining("/"));
        }
    }

    /** What the household played since {@code from}: awake (finished or abandoned), not skipped, not asleep. */
    private static List<PlayRecord> played(HouseholdSimulator simulator, int from) {
        List<PlayRecord> all = simulator.plays();
        return all.subList(from, all.size()).stream().filter(PlayRecord::attended).toList();
    }

    private List<Persona> adults() {
        return household.people().stream().filter(p -> !p.child()).toList();
    }

    private static Traits ratesEverythingHigh(Traits t) {
        return new Traits(t.sessionsPerDay(), t.firstHour(), t.musicShare(), t.bingeChance(), t.fallsAsleep(),
                t.backgroundChance(), t.rewatchChance(), true, 1.0, t.wildcardAcceptance(), t.setlistChance());
    }

    private OfferRequest request(Media media, int length, Persona persona, Instant at) {
        return new OfferRequest(media, length, media == Media.MUSIC ? persona.speaker() : persona.screen(), at,
                LocalDateTime.ofInstant(at, ZoneOffset.UTC));
    }

    private static List<ItemProfile> items(List<Offer> offers) {
        return offers.stream().map(Offer::item).toList();
    }

    private static Set<String> finished(HouseholdSimulator simulator, Persona persona) {
        return simulator.plays().stream()
                .filter(p -> p.persona().equals(persona) && p.manner() != PlayRecord.Manner.SKIPPED
                        && p.manner() != PlayRecord.Manner.ABANDONED)
                .map(p -> p.item().id()).collect(Collectors.toSet());
    }

    /** What the person watched or listened to awake, to the end (not asleep, not in the background). */
    private static Set<String> watched(HouseholdSimulator simulator, Persona persona) {
        return simulator.plays().stream()
                .filter(p -> p.persona().equals(persona) && p.manner() == PlayRecord.Manner.FINISHED)
                .map(p -> p.item().id()).collect(Collectors.toSet());
    }

    /** The person's true top {@code n} of one media that they may play, without what they finished. */
    private List<ItemProfile> trueTop(Persona persona, Media media, int n, Set<String> finished) {
        return catalog.stream()
                .filter(item -> (media == Media.MUSIC) == (item.kind() == ItemKind.TRACK))
                .filter(item -> !finished.contains(item.id()) && HouseholdSimulator.allowed(persona, item))
                .sorted(Comparator.comparingDouble((ItemProfile item) -> -persona.taste().utility(item))
                        .thenComparing(ItemProfile::id))
                .limit(n).toList();
    }

    private static boolean documentary(ItemProfile item) {
        return item.genres().contains("Documentary");
    }

    private static double share(List<ItemProfile> items, java.util.function.Predicate<ItemProfile> which) {
        return items.isEmpty() ? 0 : items.stream().filter(which).count() / (double) items.size();
    }

    private static int distinctGenres(List<ItemProfile> items, int top) {
        return (int) items.stream().limit(top).flatMap(item -> item.genres().stream()).distinct().count();
    }

    /** NDCG@10 against the person's true utility: relevance floor(5u), gain 2^rel − 1. */
    private double ndcg(Persona persona, List<ItemProfile> offered) {
        List<Double> ideal = catalog.stream().filter(item -> item.kind() != ItemKind.TRACK)
                .map(item -> gain(persona, item)).sorted(Comparator.reverseOrder()).limit(PLAYLIST).toList();
        double best = 0;
        for (int k = 0; k < ideal.size(); k++) {
            best += ideal.get(k) / (Math.log(k + 2) / Math.log(2));
        }
        double got = 0;
        for (int k = 0; k < Math.min(PLAYLIST, offered.size()); k++) {
            got += gain(persona, offered.get(k)) / (Math.log(k + 2) / Math.log(2));
        }
        return best == 0 ? 0 : got / best;
    }

    private static double gain(Persona persona, ItemProfile item) {
        return Math.pow(2, Math.floor(5 * persona.taste().utility(item))) - 1;
    }

    private List<ItemProfile> mostPlayedFilms(HouseholdSimulator simulator, int count) {
        Map<String, Long> plays = simulator.plays().stream().filter(p -> p.item().kind() == ItemKind.MOVIE)
                .collect(Collectors.groupingBy(p -> p.item().id(), Collectors.counting()));
        Map<String, ItemProfile> byId = catalog.stream().collect(Collectors.toMap(ItemProfile::id, Function.identity()));
        return plays.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(count).map(entry -> byId.get(entry.getKey())).toList();
    }

    /** Whether an item breaks a mode's promise. */
    static boolean breaks(Mode mode, ItemProfile item) {
        return switch (mode) {
            case KIDS -> {
                int age = ParentalRatings.minimumAge(item.parentalRating());
                yield item.kind() != ItemKind.TRACK && (age == ParentalRatings.UNKNOWN || age > 10);
            }
            case FOCUS -> item.kind() == ItemKind.EPISODE && item.tags().contains("cliffhanger");
            case WORKOUT -> item.tags().contains("calm") || item.tags().contains("sleep");
            default -> false;
        };
    }

    private static double jaccard(List<ItemProfile> a, List<ItemProfile> b) {
        Set<String> union = new HashSet<>();
        a.forEach(item -> union.add(item.id()));
        b.forEach(item -> union.add(item.id()));
        long both = a.stream().map(ItemProfile::id).distinct().filter(id -> b.stream().anyMatch(i -> i.id().equals(id))).count();
        return union.isEmpty() ? 0 : both / (double) union.size();
    }

    private static double meanUtility(Persona persona, List<ItemProfile> items) {
        return items.stream().mapToDouble(persona.taste()::utility).average().orElse(0);
    }

    /** The 1-based rank of {@code target} in each person's ranking (absent: one past the end). */
    private static Map<String, Integer> ranks(List<Persona> people, Function<Persona, List<ItemProfile>> ranking,
                                              ItemProfile target) {
        Map<String, Integer> ranks = new HashMap<>();
        for (Persona persona : people) {
            List<ItemProfile> ranked = ranking.apply(persona);
            int index = ranked.indexOf(target);
            ranks.put(persona.key(), index < 0 ? ranked.size() + 1 : index + 1);
        }
        return ranks;
    }

    private static List<Double> moved(List<Persona> people, Map<String, Integer> before, Map<String, Integer> after) {
        return people.stream().map(p -> (double) Math.abs(before.get(p.key()) - after.get(p.key()))).toList();
    }

    private static String moves(List<Persona> people, Map<String, Integer> before, Map<String, Integer> after) {
        return people.stream().map(p -> p.name() + " " + before.get(p.key()) + "→" + after.get(p.key()))
                .collect(Collectors.joining(", "));
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    private static double last(List<Double> values) {
        return values.get(values.size() - 1);
    }

    private static String list(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, v == Math.rint(v) ? "%.0f" : "%.2f", v))
                .collect(Collectors.joining("/"));
    }

    /** Open loop to several systems at once: every event to each, no offers; training when told. */
    private static final class Broadcast implements SimulatedSystem {

        private final List<SimulatedSystem> systems;

        Broadcast(List<SimulatedSystem> systems) {
            this.systems = List.copyOf(systems);
        }

        @Override
        public void deliver(PlaybackEvent event) {
            systems.forEach(system -> system.deliver(event));
        }

        @Override
        public List<Offer> offer(Persona persona, OfferRequest request) {
            return List.of();
        }

        @Override
        public void sittingDown(Persona persona, Instant at) {
            systems.forEach(system -> system.sittingDown(persona, at));
        }

        @Override
        public void gettingUp(Persona persona, Instant at) {
            systems.forEach(system -> system.gettingUp(persona, at));
        }

        void train(Instant at) {
            systems.forEach(system -> system.endOfDay(at));
        }
    }
}
