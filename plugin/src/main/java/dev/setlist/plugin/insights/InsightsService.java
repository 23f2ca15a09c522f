package dev.setlist.plugin.insights;

import dev.setlist.plugin.events.EventType;
import dev.setlist.plugin.events.PlaybackEvent;
import dev.setlist.plugin.library.Library;
import dev.setlist.plugin.playlist.TuningDefaults;
import dev.setlist.plugin.signals.Evidence;
import dev.setlist.plugin.signals.InteractionLedger;
import dev.setlist.plugin.store.EventLog;
import dev.setlist.plugin.store.PersonStore;
import dev.setlist.plugin.store.ServedPlaylistStore;
import dev.setlist.plugin.taste.ExplorationPosterior;
import dev.setlist.scorer.catalog.ItemProfile;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Answers the insight charts for one person over the last {@code days} days (today included, days in the
 * server's time zone). Every series has one entry per day, so a chart needs no gap filling.
 *
 * <p>Thread-safe; stateless between requests.
 */
public final class InsightsService {

    public static final int MAX_DAYS = 365;
    public static final int DEFAULT_DAYS = 30;
    /** Genres named in the genre mix; the rest are summed as {@link GenreMix#OTHER}. */
    static final int NAMED_GENRES = 8;
    private static final double TICKS_PER_MINUTE = 60.0 * PlaybackEvent.TICKS_PER_SECOND;

    private final EventLog eventLog;
    private final Library library;
    private final InteractionLedger ledger;
    private final PersonStore people;
    private final ServedPlaylistStore served;
    private final ServedPlaylistLog servedLog;
    private final TuningDefaults defaults;
    private final Clock clock;
    private final ZoneId zone;

    public InsightsService(EventLog eventLog, Library library, InteractionLedger ledger, PersonStore people,
                           ServedPlaylistStore served, ServedPlaylistLog servedLog, TuningDefaults defaults, Clock clock,
                           ZoneId zone) {
        this.eventLog = eventLog;
        this.library = library;
        this.ledger = ledger;
        this.people = people;
        this.served = served;
        this.servedLog = servedLog;
        this.defaults = defaults;
        this.clock = clock;
        this.zone = zone;
    }

    /** The days of a range: {@code days} of them, ending today. */
    private record Range(LocalDate from, LocalDate to, Instant since) {
        List<LocalDate> dates() {
            return from.datesUntil(to.plusDays(1)).toList();
        }
    }

    private Range range(int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be between 1 and " + MAX_DAYS + ", was " + days);
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate from = today.minusDays(days - 1L);
        return new Range(from, today, from.atStartOfDay(zone).toInstant());
    }

    private LocalDate dayOf(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }

    /**
     * Minutes played per genre per day, from the person's stops in the event log.
     *
     * @throws IllegalArgumentException when {@code days} is not 1 to {@value #MAX_DAYS}
     */
    public GenreMix genres(String personId, int days) {
        Range range = range(days);
        Map<LocalDate, Map<String, Double>> byDay = new HashMap<>();
        Map<LocalDate, Integer> plays = new HashMap<>();
        Map<String, Double> totals = new HashMap<>();
        for (EventLog.StoredEvent stored : eventLog.forPerson(personId, range.since(), EventType.PLAYBACK_STOP)) {
            PlaybackEvent stop = stored.event();
            Optional<ItemProfile> item = library.find(stop.itemId());
            double minutes = minutesPlayed(stop, item);
            if (minutes <= 0) {
                continue;
            }
            List<String> genres = item.map(ItemProfile::genres).filter(list -> !list.isEmpty())
                    .orElse(stop.item().genres());
            if (genres.isEmpty()) {
                genres = List.of(GenreMix.UNKNOWN);
            }
            LocalDate day = dayOf(stop.occurredAt());
            plays.merge(day, 1, Integer::sum);
            for (String genre : genres) {
                double share = minutes / genres.size();
                byDay.computeIfAbsent(day, d -> new HashMap<>()).merge(genre, share, Double::sum);
                totals.merge(genre, share, Double::sum);
            }
        }
        List<String> ranked = totals.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
        List<String> named = new ArrayList<>(ranked.subList(0, Math.min(NAMED_GENRES, ranked.size())));
        boolean others = ranked.size() > named.size();
        if (others) {
            named.add(GenreMix.OTHER);
        }
        List<GenreMix.Day> series = new ArrayList<>();
        for (LocalDate date : range.dates()) {
            Map<String, Double> day = fold(byDay.getOrDefault(date, Map.of()), named);
            double minutes = day.values().stream().mapToDouble(Double::doubleValue).sum();
            series.add(new GenreMix.Day(date, plays.getOrDefault(date, 0), round(minutes), day));
        }
        return new GenreMix(personId, range.from(), range.to(), zone.getId(), named, fold(totals, named), series);
    }

    /** Minutes per named genre, the others summed as {@link GenreMix#OTHER}, in the order of {@code named}. */
    private static Map<String, Double> fold(Map<String, Double> minutes, List<String> named) {
        Map<String, Double> folded = new LinkedHashMap<>();
        minutes.forEach((genre, value) -> folded.merge(named.contains(genre) ? genre : GenreMix.OTHER, value, Double::sum));
        Map<String, Double> ordered = new LinkedHashMap<>();
        for (String genre : named) {
            Double value = folded.get(genre);
            if (value != null) {
                ordered.put(genre, round(value));
            }
        }
        return ordered;
    }

    /** How long a stop says the item was played: all of it when completed, else up to the position reached. */
    private static double minutesPlayed(PlaybackEvent stop, Optional<ItemProfile> item) {
        Long runtime = stop.item().runtimeTicks();
        if (runtime == null || runtime <= 0) {
            runtime = item.map(known -> known.runtimeSeconds() * PlaybackEvent.TICKS_PER_SECOND).orElse(0L);
        }
        if (Boolean.TRUE.equals(stop.playedToCompletion())) {
            return runtime / TICKS_PER_MINUTE;
        }
        Long position = stop.positionTicks();
        if (position == null || position <= 0) {
            return 0;
        }
        return (runtime > 0 ? Math.min(position, runtime) : position) / TICKS_PER_MINUTE;
    }

    /**
     * Wildcards offered, taken and declined per day, and the adaptive rate.
     *
     * @throws IllegalArgumentException when {@code days} is not 1 to {@value #MAX_DAYS}
     */
    public ExplorationTrend exploration(String personId, int days) {
        Range range = range(days);
        servedLog.flush(2_000);
        Map<LocalDate, List<ServedPlaylistStore.Served>> servedByDay = new HashMap<>();
        for (ServedPlaylistStore.Served one : served.servedTo(personId, range.since())) {
            servedByDay.computeIfAbsent(dayOf(one.servedAt()), d -> new ArrayList<>()).add(one);
        }
        Map<LocalDate, List<PersonStore.WildcardAnswer>> answersByDay = new HashMap<>();
        for (PersonStore.WildcardAnswer answer : people.wildcardAnswers(personId, range.since())) {
            answersByDay.computeIfAbsent(dayOf(answer.answeredAt()), d -> new ArrayList<>()).add(answer);
        }
        List<ExplorationTrend.Day> series = new ArrayList<>();
        for (LocalDate date : range.dates()) {
            List<ServedPlaylistStore.Served> day = servedByDay.getOrDefault(date, List.of());
            List<PersonStore.WildcardAnswer> answers = answersByDay.getOrDefault(date, List.of());
            int offered = day.stream().mapToInt(ServedPlaylistStore.Served::wildcards).sum();
            int taken = (int) answers.stream().filter(PersonStore.WildcardAnswer::taken).count();
            Double exploration = day.isEmpty() ? null
                    : round(day.stream().mapToDouble(ServedPlaylistStore.Served::exploration).average().orElse(0));
            Double acceptance = answers.isEmpty() ? null : round(answers.get(answers.size() - 1).acceptance());
            series.add(new ExplorationTrend.Day(date, day.size(), offered, taken, answers.size() - taken, exploration,
                    acceptance));
        }
        PersonStore.TuningOverrides overrides = people.overrides(personId);
        double min = overrides.explorationMin() != null ? overrides.explorationMin() : defaults.explorationMin();
        double max = Math.max(min, overrides.explorationMax() != null ? overrides.explorationMax()
                : defaults.explorationMax());
        ExplorationPosterior posterior = people.posterior(personId);
        ExplorationTrend.Now now = new ExplorationTrend.Now(round(posterior.mean()), round(posterior.rate(min, max)),
                min, max, round(posterior.taken()), round(posterior.declined()));
        return new ExplorationTrend(personId, range.from(), range.to(), now, series);
    }

    /**
     * The intra-list diversity of the playlists served, one by one and per day.
     *
     * @throws IllegalArgumentException when {@code days} is not 1 to {@value #MAX_DAYS}
     */
    public DiversityTrend diversity(String personId, int days) {
        Range range = range(days);
        servedLog.flush(2_000);
        List<DiversityTrend.Served> points = new ArrayList<>();
        Map<LocalDate, List<DiversityTrend.Served>> byDay = new HashMap<>();
        for (ServedPlaylistStore.Served one : served.servedTo(personId, range.since())) {
            DiversityTrend.Served point = new DiversityTrend.Served(one.servedAt(), one.kind(), one.media(), one.mode(),
                    one.items(), round(one.diversity()), one.genres(), one.wildcards());
            points.add(point);
            byDay.computeIfAbsent(dayOf(one.servedAt()), d -> new ArrayList<>()).add(point);
        }
        List<DiversityTrend.Day> series = new ArrayList<>();
        for (LocalDate date : range.dates()) {
            List<DiversityTrend.Served> day = byDay.getOrDefault(date, List.of());
            series.add(new DiversityTrend.Day(date, day.size(),
                    day.isEmpty() ? null : round(day.stream().mapToDouble(DiversityTrend.Served::diversity).average().orElse(0)),
                    day.isEmpty() ? null : round(day.stream().mapToInt(DiversityTrend.Served::genres).average().orElse(0))));
        }
        return new DiversityTrend(personId, range.from(), range.to(), points, series);
    }

    /**
     * Every piece of evidence behind the person's interactions in the range, oldest first, with its weight
     * and discounts.
     *
     * @throws IllegalArgumentException when {@code days} is not 1 to {@value #MAX_DAYS}
     */
    public SignalTimeline signals(String personId, int days) {
        Range range = range(days);
        List<SignalTimeline.Signal> signals = new ArrayList<>();
        for (InteractionLedger.Interaction interaction : ledger.snapshot(personId).values()) {
            String title = library.find(interaction.itemId()).map(ItemProfile::title).orElse(null);
            for (Evidence evidence : interaction.evidence()) {
                if (evidence.at().isBefore(range.since())) {
                    continue;
                }
                List<SignalTimeline.Discount> discounts = evidence.discounts().stream()
                        .map(discount -> new SignalTimeline.Discount(key(discount.kind()), discount.factor(),
                                discount.reason())).toList();
                signals.add(new SignalTimeline.Signal(evidence.at(), interaction.itemId(), title, key(evidence.kind()),
                        evidence.fraction() < 0 ? null : evidence.fraction(), evidence.baseWeight(), evidence.weight(),
                        discounts, evidence.note()));
            }
        }
        signals.sort(Comparator.comparing(SignalTimeline.Signal::at).thenComparing(SignalTimeline.Signal::itemId));
        Map<String, Integer> byKind = new TreeMap<>();
        Map<String, Integer> byDiscount = new TreeMap<>();
        double weight = 0;
        int discounted = 0;
        for (SignalTimeline.Signal signal : signals) {
            byKind.merge(signal.kind(), 1, Integer::sum);
            signal.discounts().forEach(discount -> byDiscount.merge(discount.kind(), 1, Integer::sum));
            weight += signal.weight();
            discounted += signal.discounts().isEmpty() ? 0 : 1;
        }
        return new SignalTimeline(personId, range.from(), range.to(),
                new SignalTimeline.Summary(signals.size(), discounted, round(weight), byKind, byDiscount), signals);
    }

    private static String key(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
