package dev.setlist.plugin.sim;

import dev.setlist.plugin.events.EventType;
import dev.setlist.plugin.events.PlaybackEvent;
import dev.setlist.plugin.sim.PlayEmitter.Plan;
import dev.setlist.plugin.sim.PlayRecord.Manner;
import dev.setlist.plugin.sim.SimulatedSystem.Media;
import dev.setlist.plugin.sim.SimulatedSystem.Offer;
import dev.setlist.plugin.sim.SimulatedSystem.OfferRequest;
import dev.setlist.rules.model.ParentalRatings;
import dev.setlist.scorer.catalog.ItemProfile;
import dev.setlist.scorer.catalog.ItemProfile.ItemKind;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A household over days, deterministic for a seed. Each day every person has a few sessions at their
 * usual hours (earlier at weekends), on their screen or their speaker: a film, an episode or a binge
 * run of one series, a run of tracks (sometimes muted in the background), and for a late-night
 * viewer, something put on at bedtime that autoplay carries on with long after they fell asleep.
 * Plays are skipped, abandoned, finished, paused, gone back over, rewatched and rated according to the
 * person's {@link Taste}; a child never plays anything above their parental ceiling, nor an unrated
 * film or episode; a child sharing a parent's account says so when sitting down.
 *
 * <p>With a {@link SimulatedSystem} the loop is closed: a session starts from the playlist the system
 * offers (as often as the person's {@code setlistChance}), the person goes down it playing, skipping
 * and answering wildcards by their true taste, and every event goes to the system as the media server
 * would send it. Randomness is drawn per person, day and session, so two systems simulated with the
 * same seed see the same people making the same choices wherever their offers agree.
 *
 * <p>Not thread-safe: one simulation per thread. It remembers what each person finished (to go on with
 * a series, to rewatch) and every play it simulated ({@link #plays()}).
 */
public final class HouseholdSimulator {

    /** A video session stops after this much playing time. */
    static final Duration VIDEO_BUDGET = Duration.ofMinutes(150);
    /** How many offered items a person looks at, at most, in one session. */
    static final int LOOKS = 12;

    private final Household household;
    private final long seed;
    private final ZoneId zone;
    private final Map<String, List<ItemProfile>> allowedFilms = new HashMap<>();
    private final Map<String, List<ItemProfile>> allowedTracks = new HashMap<>();
    private final Map<String, List<List<ItemProfile>>> allowedSeries = new HashMap<>();
    private final Map<String, Set<String>> finished = new HashMap<>();
    private final Map<String, Instant> accountFreeAt = new HashMap<>();
    private final List<PlayRecord> plays = new ArrayList<>();
    private boolean bedtimes = true;

    public HouseholdSimulator(Household household, List<ItemProfile> catalog, long seed, ZoneId zone) {
        this.household = household;
        this.seed = seed;
        this.zone = zone;
        Map<String, List<ItemProfile>> series = new LinkedHashMap<>();
        catalog.stream().filter(item -> item.kind() == ItemKind.EPISODE)
                .sorted(Comparator.comparing(ItemProfile::seriesId).thenComparingInt(ItemProfile::season)
                        .thenComparingInt(ItemProfile::episode))
                .forEach(item -> series.computeIfAbsent(item.seriesId(), id -> new ArrayList<>()).add(item));
        for (Persona persona : household.people()) {
            allowedFilms.put(persona.key(), catalog.stream()
                    .filter(item -> item.kind() == ItemKind.MOVIE && allowed(persona, item)).toList());
            allowedTracks.put(persona.key(), catalog.stream()
                    .filter(item -> item.kind() == ItemKind.TRACK && allowed(persona, item)).toList());
            allowedSeries.put(persona.key(), series.values().stream()
                    .filter(episodes -> allowed(persona, episodes.get(0))).map(List::copyOf).toList());
            finished.put(persona.key(), new HashSet<>());
        }
    }

    public Household household() {
        return household;
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * Whether {@code persona} may play {@code item}: everything for an adult; for a child, tracks, and
     * films and episodes rated at most their ceiling (an unrated one is not).
     */
    public static boolean allowed(Persona persona, ItemProfile item) {
        if (!persona.child() || item.kind() == ItemKind.TRACK) {
            return true;
        }
        int age = ParentalRatings.minimumAge(item.parentalRating());
        return age != ParentalRatings.UNKNOWN && age <= persona.parentalCeiling();
    }

    /** Every play simulated so far, in the order simulated. */
    public List<PlayRecord> plays() {
        return List.copyOf(plays);
    }

    /** The instant of a local date and time in the household's zone. */
    public Instant at(LocalDateTime local) {
        return local.atZone(zone).toInstant();
    }

    /**
     * Open loop: {@code days} days of the household browsing by itself from {@code first} on, as the
     * events a media server would have sent, in time order; events after {@code until} are left out.
     */
    public List<PlaybackEvent> history(LocalDate first, int days, Instant until) {
        return attributedHistory(first, days, until).stream().map(Attributed::event).toList();
    }

    /**
     * An event and who was watching when it was sent: the person id of a profile inside a shared
     * account (as the profile would have said when sitting down), or {@code null} for the account itself.
     */
    public record Attributed(PlaybackEvent event, String personId) {
    }

    /**
     * As {@link #history}, each event with the profile that was watching its account: what a server
     * whose household says who is watching would have recorded.
     */
    public List<Attributed> attributedHistory(LocalDate first, int days, Instant until) {
        List<Attributed> events = new ArrayList<>();
        Map<String, String> watching = new HashMap<>();
        SimulatedSystem recorder = new SimulatedSystem() {
            @Override
            public void deliver(PlaybackEvent event) {
                if (!event.occurredAt().isAfter(until)) {
                    events.add(new Attributed(event, event.userId() == null ? null : watching.get(event.userId())));
                }
            }

            @Override
            public List<Offer> offer(Persona persona, OfferRequest request) {
                return List.of();
            }

            @Override
            public void sittingDown(Persona persona, Instant at) {
                if (persona.sharesAnAccount()) {
                    watching.put(persona.accountId(), persona.personId());
                }
            }

            @Override
            public void gettingUp(Persona persona, Instant at) {
                watching.remove(persona.accountId());
            }
        };
        run(recorder, first, days);
        events.sort(Comparator.comparing((Attributed attributed) -> attributed.event().occurredAt()));
        return events;
    }

    /** Closed loop: {@code days} days from {@code first} on, against {@code system}, which hears of the end of each day. */
    public void run(SimulatedSystem system, LocalDate first, int days) {
        for (int day = 0; day < days; day++) {
            day(system, first.plusDays(day), day);
            system.endOfDay(at(first.plusDays(day + 1).atStartOfDay()));
        }
    }

    /** One day of the whole household against {@code system}, sessions in order of their start. */
    public void day(SimulatedSystem system, LocalDate date, int dayIndex) {
        record Planned(Persona persona, int personIndex, int session, LocalDateTime start, boolean bedtime) {
        }
        List<Planned> planned = new ArrayList<>();
        boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        for (int p = 0; p < household.people().size(); p++) {
            Persona persona = household.people().get(p);
            SplittableRandom random = random(p, dayIndex, -1);
            Traits traits = persona.traits();
            int count = random.nextInt((int) Math.round(2 * traits.sessionsPerDay()) + 1);
            for (int s = 0; s < count; s++) {
                int hour = Math.max(7, traits.firstHour() - (weekend && s == 0 ? 5 : 0) + 2 * s);
                LocalDateTime start = date.atTime(LocalTime.of(Math.min(hour, 22), random.nextInt(60)));
                planned.add(new Planned(persona, p, s, start, false));
            }
            if (traits.fallsAsleep() && random.nextDouble() < 0.85 && bedtimes) {
                planned.add(new Planned(persona, p, count, date.atTime(23, 5 + random.nextInt(30)), true));
            }
        }
        planned.sort(Comparator.comparing(Planned::start).thenComparingInt(Planned::personIndex));
        for (Planned session : planned) {
            SplittableRandom random = random(session.personIndex(), dayIndex, session.session());
            Instant start = startWhenFree(session.persona(), at(session.start()));
            String sessionId = SimIds.guid("session:" + session.persona().key() + ":" + seed + ":" + dayIndex
                    + ":" + session.session());
            Session sitting = new Session(system, session.persona(), sessionId, start, random);
            system.sittingDown(session.persona(), start);
            if (session.bedtime()) {
                sitting.fallAsleep();
            } else {
                sitting.ordinary();
            }
            system.gettingUp(session.persona(), sitting.clock);
            accountFreeAt.put(session.persona().accountId(), sitting.clock.plus(Duration.ofMinutes(10)));
        }
    }

    /**
     * Scripted for the benchmarks: {@code persona} watches {@code episodes} episodes of a series in a row,
     * awake, from {@code start}, on their screen. Returns when the last one ended.
     */
    public Instant binge(SimulatedSystem system, Persona persona, List<ItemProfile> series, int episodes,
                         Instant start, long salt) {
        Session sitting = new Session(system, persona, SimIds.guid("binge:" + persona.key() + ":" + salt),
                startWhenFree(persona, start), new SplittableRandom(seed ^ salt));
        system.sittingDown(persona, sitting.clock);
        for (ItemProfile episode : series.subList(0, Math.min(episodes, series.size()))) {
            sitting.play(episode, persona.screen(), new Plan(1.0, false, false, 0, false), Manner.FINISHED, false,
                    false);
            sitting.clock = sitting.clock.plusSeconds(15);
        }
        system.gettingUp(persona, sitting.clock);
        accountFreeAt.put(persona.accountId(), sitting.clock.plus(Duration.ofMinutes(10)));
        return sitting.clock;
    }

    /**
     * Scripted for the benchmarks: a bedtime session of {@code persona} at {@code start}, where they fall
     * asleep and autoplay goes on. Returns when the player stopped.
     */
    public Instant bedtime(SimulatedSystem system, Persona persona, Instant start, long salt) {
        Session sitting = new Session(system, persona, SimIds.guid("bedtime:" + persona.key() + ":" + salt),
                startWhenFree(persona, start), new SplittableRandom(seed ^ salt));
        system.sittingDown(persona, sitting.clock);
        sitting.fallAsleep();
        system.gettingUp(persona, sitting.clock);
        accountFreeAt.put(persona.accountId(), sitting.clock.plus(Duration.ofMinutes(10)));
        return sitting.clock;
    }

    /**
     * Scripted for the benchmarks: an account plays one item {@code count} times in a burst, as a script
     * would (start, then a stop reported as played to completion seconds later), from {@code start} on.
     */
    public Instant burst(SimulatedSystem system, Persona persona, ItemProfile item, int count, Instant start) {
        Instant clock = startWhenFree(persona, start);
        String sessionId = SimIds.guid("burst:" + persona.key() + ":" + item.id());
        Device device = new Device("Server", "curl", Device.Kind.PHONE);
        for (int k = 0; k < count; k++) {
            system.deliver(PlayEmitter.scripted(persona, device, item, clock, sessionId, EventType.PLAYBACK_START));
            clock = clock.plusSeconds(5);
            system.deliver(PlayEmitter.scripted(persona, device, item, clock, sessionId, EventType.PLAYBACK_STOP));
            plays.add(new PlayRecord(persona, item, clock, 1.0, Manner.FINISHED, false, false));
            clock = clock.plusSeconds(5);
        }
        accountFreeAt.put(persona.accountId(), clock);
        return clock;
    }

    /** A star rating of {@code stars} of 10, as the client reports it. */
    public static PlaybackEvent rating(Persona persona, ItemProfile item, Instant at, double stars) {
        return PlayEmitter.rating(persona, item, at, stars);
    }

    /** Whether the simulated days include the late-night viewers' bedtimes (on by default). */
    public void bedtimes(boolean on) {
        this.bedtimes = on;
    }

    /** The series {@code persona} may watch, each as its episodes in order. */
    public List<List<ItemProfile>> series(Persona persona) {
        return allowedSeries.get(persona.key());
    }

    private Instant startWhenFree(Persona persona, Instant planned) {
        Instant free = accountFreeAt.get(persona.accountId());
        return free != null && free.isAfter(planned) ? free : planned;
    }

    private SplittableRandom random(int personIndex, int day, int session) {
        long mixed = seed * 0x9E3779B97F4A7C15L + personIndex * 0xBF58476D1CE4E5B9L + day * 0x94D049BB133111EBL
                + session * 0x2545F4914F6CDD1DL;
        return new SplittableRandom(mixed);
    }

    /** One sitting of one person: what they play, in order, on one client session. */
    private final class Session {

        private final SimulatedSystem system;
        private final Persona persona;
        private final String sessionId;
        private final SplittableRandom random;
        private final Set<String> done;
        private Instant clock;

        Session(SimulatedSystem system, Persona persona, String sessionId, Instant start, SplittableRandom random) {
            this.system = system;
            this.persona = persona;
            this.sessionId = sessionId;
            this.clock = start;
            this.random = random;
            this.done = finished.get(persona.key());
        }

        void ordinary() {
            Traits traits = persona.traits();
            Media media = random.nextDouble() < traits.musicShare() ? Media.MUSIC : Media.VIDEO;
            boolean fromSetlist = random.nextDouble() < traits.setlistChance();
            boolean background = media == Media.MUSIC && random.nextDouble() < traits.backgroundChance();
            if (fromSetlist) {
                Device device = media == Media.MUSIC ? persona.speaker() : persona.screen();
                List<Offer> offers = system.offer(persona, new OfferRequest(media, media == Media.MUSIC ? 12 : 10,
                        device, clock, LocalDateTime.ofInstant(clock, zone)));
                if (!offers.isEmpty()) {
                    followOffers(offers, media, background);
                    return;
                }
            }
            if (media == Media.MUSIC) {
                listen(background);
            } else if (random.nextBoolean()) {
                watchFilm();
            } else {
                watchSeries(null);
            }
        }

        /** Goes down an offered playlist, by true taste, until the session's time or item budget is spent. */
        private void followOffers(List<Offer> offers, Media media, boolean background) {
            Instant start = clock;
            int played = 0;
            int looked = 0;
            int wanted = media == Media.MUSIC ? 6 + random.nextInt(6) : 1 + random.nextInt(3);
            Device device = media == Media.MUSIC ? persona.speaker() : persona.screen();
            for (Offer offer : offers) {
                if (played >= wanted || looked++ >= LOOKS
                        || Duration.between(start, clock).compareTo(VIDEO_BUDGET) > 0) {
                    break;
                }
                ItemProfile item = offer.item();
                if (!allowed(persona, item)) {
                    continue;
                }
                double utility = persona.taste().utility(item);
                if (offer.wildcard()) {
                    boolean taken = random.nextDouble() < persona.traits().wildcardAcceptance();
                    boolean answered = system.wildcardAnswer(persona, item, taken, clock);
                    Plan plan = taken ? awake(1.0, utility) : skipPlan(item);
                    Manner manner = taken ? Manner.FINISHED : Manner.SKIPPED;
                    if (answered) {
                        plays.add(new PlayRecord(persona, item, clock, plan.fraction(), manner, true, true));
                        if (taken) {
                            done.add(item.id());
                        }
                        clock = clock.plusSeconds(taken ? item.runtimeSeconds() : 20);
                    } else {
                        play(item, device, plan, manner, true, true);
                    }
                    if (taken) {
                        played++;
                    }
                    continue;
                }
                if (background) {
                    play(item, device, new Plan(1.0, false, true, 0, false), Manner.BACKGROUND, true, false);
                    played++;
                } else if (random.nextDouble() < accept(utility)) {
                    if (item.kind() == ItemKind.EPISODE && random.nextDouble() < persona.traits().bingeChance()) {
                        watchSeries(item);
                    } else {
                        playAwake(item, device, utility, true);
                    }
                    played++;
                } else if (random.nextBoolean()) {
                    skip(item, device, true, false);
                }
                clock = clock.plusSeconds(10 + random.nextInt(30));
            }
        }

        private void watchFilm() {
            List<ItemProfile> films = allowedFilms.get(persona.key());
            if (films.isEmpty()) {
                return;
            }
            boolean rewatch = random.nextDouble() < persona.traits().rewatchChance();
            ItemProfile film = choose(films, item -> rewatch == done.contains(item.id()));
            if (film == null) {
                film = choose(films, item -> !done.contains(item.id()));
            }
            if (film != null) {
                playAwake(film, persona.screen(), persona.taste().utility(film), false);
            }
        }

        /** Episodes of one series from where the person is in it: from {@code first}, else a series they pick. */
        private void watchSeries(ItemProfile first) {
            List<ItemProfile> episodes;
            if (first != null) {
                episodes = allowedSeries.get(persona.key()).stream()
                        .filter(series -> series.get(0).seriesId().equals(first.seriesId())).findFirst()
                        .orElse(List.of(first));
            } else {
                List<List<ItemProfile>> series = allowedSeries.get(persona.key()).stream()
                        .filter(s -> s.stream().anyMatch(e -> !done.contains(e.id()))).toList();
                if (series.isEmpty()) {
                    watchFilm();
                    return;
                }
                List<ItemProfile> heads = series.stream().map(s -> s.get(0)).toList();
                ItemProfile head = choose(heads, item -> true);
                episodes = series.get(heads.indexOf(head));
            }
            int from = first != null ? Math.max(0, episodes.indexOf(first)) : 0;
            while (first == null && from < episodes.size() && done.contains(episodes.get(from).id())) {
                from++;
            }
            boolean binge = random.nextDouble() < persona.traits().bingeChance();
            int count = binge ? 3 + random.nextInt(4) : 1 + random.nextInt(2);
            for (int k = from; k < Math.min(episodes.size(), from + count); k++) {
                ItemProfile episode = episodes.get(k);
                double utility = persona.taste().utility(episode);
                if (k > from && random.nextDouble() > 0.4 + 0.6 * utility) {
                    break;
                }
                playAwake(episode, persona.screen(), utility, first != null && k == from);
                clock = clock.plusSeconds(10 + random.nextInt(30));
            }
        }

        private void listen(boolean background) {
            List<ItemProfile> tracks = allowedTracks.get(persona.key());
            int count = 5 + random.nextInt(8);
            for (int i = 0; i < count && !tracks.isEmpty(); i++) {
                ItemProfile track = choose(tracks, item -> true);
                if (background) {
                    play(track, persona.speaker(), new Plan(1.0, false, true, 0, false), Manner.BACKGROUND, false, false);
                } else {
                    double utility = persona.taste().utility(track);
                    if (random.nextDouble() < 0.15 * (1 - utility)) {
                        skip(track, persona.speaker(), false, false);
                    } else {
                        playAwake(track, persona.speaker(), utility, false);
                    }
                }
                clock = clock.plusSeconds(1 + random.nextInt(5));
            }
        }

        /**
         * Bedtime: something calm, then asleep a quarter of an hour in; autoplay runs on through the next
         * items (documentaries, the next episodes) with no pause, seek or rating, until the client stops.
         */
        void fallAsleep() {
            List<ItemProfile> queue = bedtimeQueue();
            int length = Math.min(queue.size(), 4 + random.nextInt(3));
            for (int k = 0; k < length; k++) {
                ItemProfile item = queue.get(k);
                play(item, persona.screen(), new Plan(1.0, true, false, 0, false), Manner.ASLEEP, false, false);
                clock = clock.plusSeconds(5 + random.nextInt(25));
            }
        }

        /** Documentaries: the next episodes of a documentary series, else documentary films they chose. */
        private List<ItemProfile> bedtimeQueue() {
            List<ItemProfile> queue = new ArrayList<>();
            for (List<ItemProfile> series : allowedSeries.get(persona.key())) {
                if (series.get(0).genres().contains("Documentary")) {
                    series.stream().filter(e -> !done.contains(e.id())).forEach(queue::add);
                }
            }
            List<ItemProfile> films = allowedFilms.get(persona.key()).stream()
                    .filter(item -> item.genres().contains("Documentary") && !done.contains(item.id())).toList();
            while (queue.size() < 6 && !films.isEmpty()) {
                ItemProfile film = films.get(random.nextInt(films.size()));
                if (!queue.contains(film)) {
                    queue.add(film);
                } else if (queue.containsAll(films)) {
                    break;
                }
            }
            return queue;
        }

        private void playAwake(ItemProfile item, Device device, double utility, boolean offered) {
            Plan plan = awake(random.nextDouble() < 0.45 + 0.55 * utility ? 1.0 : 0.15 + 0.6 * random.nextDouble(),
                    utility);
            play(item, device, plan, plan.fraction() >= 1.0 ? Manner.FINISHED : Manner.ABANDONED, offered, false);
        }

        private Plan awake(double fraction, double utility) {
            int pause = random.nextDouble() < 0.15 ? 60 + random.nextInt(540) : 0;
            boolean seekBack = random.nextDouble() < 0.1 * utility;
            return new Plan(fraction, false, false, pause, seekBack);
        }

        private void skip(ItemProfile item, Device device, boolean offered, boolean wildcard) {
            play(item, device, skipPlan(item), Manner.SKIPPED, offered, wildcard);
        }

        /** Started, and stopped within 8 to 22 seconds. */
        private Plan skipPlan(ItemProfile item) {
            double fraction = Math.min(1.0, (8 + random.nextInt(15)) / (double) Math.max(item.runtimeSeconds(), 1));
            return new Plan(fraction, false, false, 0, false);
        }

        void play(ItemProfile item, Device device, Plan plan, Manner manner, boolean offered, boolean wildcard) {
            if (!allowed(persona, item)) {
                throw new IllegalStateException(persona.name() + " may not play " + item.title() + " rated "
                        + item.parentalRating());
            }
            PlayEmitter.Emitted emitted = PlayEmitter.play(persona, device, item, clock, sessionId, plan);
            emitted.events().forEach(system::deliver);
            plays.add(new PlayRecord(persona, item, clock, plan.fraction(), manner, offered, wildcard));
            clock = emitted.end();
            if (manner == Manner.FINISHED || manner == Manner.ASLEEP || manner == Manner.BACKGROUND) {
                done.add(item.id());
            }
            if (manner == Manner.FINISHED && random.nextDouble() < persona.traits().ratingChance()) {
                double utility = persona.taste().utility(item);
                double rating = persona.traits().ratesEverythingHigh() ? 8 + Math.round(2 * utility)
                        : Math.max(1, Math.min(10, Math.round(10 * utility + random.nextGaussian())));
                clock = clock.plusSeconds(5);
                system.deliver(PlayEmitter.rating(persona, item, clock, rating));
            }
        }

        /** The best of a few random draws by true taste plus noise, among items passing {@code filter}. */
        private ItemProfile choose(List<ItemProfile> items, java.util.function.Predicate<ItemProfile> filter) {
            ItemProfile best = null;
            double bestValue = -1;
            for (int draw = 0; draw < 8; draw++) {
                ItemProfile item = items.get(random.nextInt(items.size()));
                if (!filter.test(item)) {
                    continue;
                }
                double value = persona.taste().utility(item) + 0.2 * random.nextDouble();
                if (value > bestValue) {
                    best = item;
                    bestValue = value;
                }
            }
            return best;
        }
    }

    /** Chance that a person plays an offered item rather than passing it over: steep in true taste. */
    static double accept(double utility) {
        return utility * utility;
    }

    /** For callers that want each event as it is simulated (a closed loop without offers). */
    public static SimulatedSystem listening(Consumer<PlaybackEvent> events) {
        return new SimulatedSystem() {
            @Override
            public void deliver(PlaybackEvent event) {
                events.accept(event);
            }

            @Override
            public List<Offer> offer(Persona persona, OfferRequest request) {
                return List.of();
            }
        };
    }
}
