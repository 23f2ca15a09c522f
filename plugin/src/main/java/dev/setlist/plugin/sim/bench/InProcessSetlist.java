package dev.setlist.plugin.sim.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.setlist.plugin.events.Attribution;
import dev.setlist.plugin.events.DeliveryKey;
import dev.setlist.plugin.events.EventIngestor;
import dev.setlist.plugin.events.PlaybackEvent;
import dev.setlist.plugin.events.RecordingPolicy;
import dev.setlist.plugin.library.Library;
import dev.setlist.plugin.media.MediaUser;
import dev.setlist.plugin.playlist.Feedback;
import dev.setlist.plugin.playlist.FeedbackService;
import dev.setlist.plugin.playlist.OfferLog;
import dev.setlist.plugin.playlist.Playlist;
import dev.setlist.plugin.playlist.PlaylistRequest;
import dev.setlist.plugin.playlist.PlaylistService;
import dev.setlist.plugin.playlist.SessionMood;
import dev.setlist.plugin.playlist.TuningDefaults;
import dev.setlist.plugin.profile.ProfileService;
import dev.setlist.plugin.server.JsonMapper;
import dev.setlist.plugin.signals.InteractionLedger;
import dev.setlist.plugin.signals.PlayTimeline;
import dev.setlist.plugin.signals.SignalSettings;
import dev.setlist.plugin.sim.Household;
import dev.setlist.plugin.sim.Persona;
import dev.setlist.plugin.sim.SimClock;
import dev.setlist.plugin.sim.SimulatedSystem;
import dev.setlist.plugin.store.CatalogStore;
import dev.setlist.plugin.store.Database;
import dev.setlist.plugin.store.JdbcEventLog;
import dev.setlist.plugin.store.PersonStore;
import dev.setlist.plugin.store.ProfileStore;
import dev.setlist.plugin.store.UserStore;
import dev.setlist.plugin.taste.FreshStarts;
import dev.setlist.plugin.taste.ModelTrainer;
import dev.setlist.plugin.taste.OnboardingService;
import dev.setlist.plugin.taste.PersonHistory;
import dev.setlist.plugin.taste.TasteModel;
import dev.setlist.rules.RuleBook;
import dev.setlist.rules.model.Mode;
import dev.setlist.scorer.als.AlsSettings;
import dev.setlist.scorer.candidates.Candidate;
import dev.setlist.scorer.candidates.CandidateRequest;
import dev.setlist.scorer.catalog.ItemProfile;
import dev.setlist.scorer.sequencing.Sequencer;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Setlist itself, in process, as a {@link SimulatedSystem}: a private in-memory database, the real
 * ingestion path ({@link EventIngestor}, with profiles attributing a shared account's events when asked),
 * the interaction ledger, the taste model retrained every simulated night (never in the background, so a
 * run is deterministic), the playlist pipeline with the rule book, the feedback path for wildcard answers
 * and the pairwise onboarding quiz. Everything runs on a {@link SimClock} that follows the simulation;
 * the household's local time is UTC.
 *
 * <p>Not thread-safe: one simulation drives it. {@link #close()} drops the database.
 */
public final class InProcessSetlist implements SimulatedSystem, AutoCloseable {

    private final SimClock clock;
    private final Database database;
    private final Library library;
    private final ProfileService profiles;
    private final PersonStore people;
    private final PersonHistory histories;
    private final EventIngestor ingestor;
    private final ModelTrainer trainer;
    private final PlaylistService playlists;
    private final FeedbackService feedback;
    private final OnboardingService onboarding;
    private final UserStore users;
    private final boolean useProfiles;
    private final Double exploration;
    private final TuningDefaults tuning;
    private long delivered;

    /**
     * Setlist for {@code household} over {@code catalog}.
     *
     * @param useProfiles whether a child on a parent's account says so (a profile), or the account's
     *                    events all stay the account's
     * @param maxTrainingWeight the per-person, per-item cap on a weight in training (the influence cap);
     *                          {@link ModelTrainer#DEFAULT_MAX_TRAINING_WEIGHT} is Setlist's default
     */
    public InProcessSetlist(Household household, List<ItemProfile> catalog, RuleBook rules, Instant start,
                            boolean useProfiles, double maxTrainingWeight) {
        this(household, catalog, rules, start, useProfiles, maxTrainingWeight, AlsSettings.defaults(), null,
                TuningDefaults.STANDARD);
    }

    /**
     * Setlist as above, training with {@code als}, and with every playlist asked at the exploration rate
     * {@code exploration} ({@code 0}: Setlist with exploration off), or at the rate it learned for the
     * person when {@code null}, with the playlist defaults {@code tuning} ({@link TuningDefaults#STANDARD} is
     * Setlist's).
     */
    public InProcessSetlist(Household household, List<ItemProfile> catalog, RuleBook rules, Instant start,
                            boolean useProfiles, double maxTrainingWeight, AlsSettings als, Double exploration,
                            TuningDefaults tuning) {
        this(household, catalog, rules, start, useProfiles, maxTrainingWeight, als, exploration, tuning,
                SignalSettings.defaults(ZoneOffset.UTC));
    }

    /**
     * Setlist as above, reading playback with {@code signals} ({@link SignalSettings#defaults(java.time.ZoneId)}
     * in UTC is Setlist's): to measure what one of the ledger's rules does.
     */
    public InProcessSetlist(Household household, List<ItemProfile> catalog, RuleBook rules, Instant start,
                            boolean useProfiles, double maxTrainingWeight, AlsSettings als, Double exploration,
                            TuningDefaults tuning, SignalSettings signals) {
        this.tuning = tuning;
        this.clock = new SimClock(start);
        this.useProfiles = useProfiles;
        this.exploration = exploration;
        this.database = Database.openInMemory("setlist-sim-" + UUID.randomUUID());
        ObjectMapper json = JsonMapper.create();
        JdbcEventLog eventLog = new JdbcEventLog(database.dataSource(), json, clock);
        users = new UserStore(database.dataSource());
        library = new Library(new CatalogStore(database.dataSource(), json));
        InteractionLedger ledger = new InteractionLedger(signals);
        PlayTimeline timeline = new PlayTimeline();
        people = new PersonStore(database.dataSource(), clock);
        profiles = new ProfileService(new ProfileStore(database.dataSource()), users, clock);
        trainer = new ModelTrainer(als, library, ledger, timeline, clock, Integer.MAX_VALUE, null,
                maxTrainingWeight);
        ingestor = new EventIngestor(eventLog, users, library, clock, RecordingPolicy.EVERYONE,
                useProfiles ? profiles : Attribution.NONE);
        ingestor.addListener(ledger::apply);
        ingestor.addListener(timeline::apply);
        FreshStarts freshStarts = new FreshStarts(new dev.setlist.plugin.store.TasteResetStore(database.dataSource()),
                signals);
        ingestor.addListener(freshStarts::apply);
        histories = new PersonHistory(ledger, people, freshStarts);
        SessionMood mood = new SessionMood();
        OfferLog offers = new OfferLog();
        playlists = new PlaylistService(library, profiles, people, histories, timeline, trainer, mood, offers,
                rules, new Sequencer(), tuning, clock, ZoneOffset.UTC);
        feedback = new FeedbackService(library, profiles, people, ingestor, mood, offers, playlists, tuning, clock);
        onboarding = new OnboardingService(library, profiles, people, histories, trainer);
        library.putAll(catalog);
        for (MediaUser account : household.accounts()) {
            users.upsert(account, start);
        }
        for (Persona persona : household.people()) {
            join(persona);
        }
    }

    /** Lets someone new in: their account, and for a child their profile or kids mode, as a parent would set up. */
    public void join(Persona persona) {
        users.upsert(persona.account(persona.sharesAnAccount() ? persona.accountKey() : persona.name()), clock.instant());
        if (persona.child()) {
            if (persona.sharesAnAccount() && useProfiles) {
                profiles.create(persona.accountId(), persona.profile(), persona.name(), persona.parentalCeiling());
            } else if (!persona.sharesAnAccount()) {
                people.setMode(persona.personId(), Mode.KIDS.key(), null);
            }
        }
    }

    /** The person id Setlist keeps this person under: their profile only when profiles are in use. */
    public String idOf(Persona persona) {
        return useProfiles ? persona.personId() : persona.accountId();
    }

    @Override
    public void deliver(PlaybackEvent event) {
        clock.set(event.occurredAt());
        ingestor.ingest(event, "sim", DeliveryKey.of("sim:" + (++delivered)), null);
    }

    @Override
    public List<Offer> offer(Persona persona, OfferRequest request) {
        return offer(persona, request, null, exploration);
    }

    /** The playlist as {@link #offer}, in a mode and with an exploration rate, when given. */
    public List<Offer> offer(Persona persona, OfferRequest request, Mode mode, Double exploration) {
        clock.set(request.at());
        Playlist playlist = playlist(idOf(persona), request, mode, exploration);
        List<Offer> offers = new ArrayList<>(playlist.items().size());
        for (Playlist.Entry entry : playlist.items()) {
            offers.add(new Offer(library.find(entry.itemId()).orElseThrow(), entry.wildcard()));
        }
        return offers;
    }

    private Playlist playlist(String personId, OfferRequest request, Mode mode, Double exploration) {
        PlaylistRequest.Media media = request.media() == Media.MUSIC ? PlaylistRequest.Media.MUSIC
                : PlaylistRequest.Media.VIDEO;
        return playlists.playlistFor(personId, new PlaylistRequest(media, request.length(), 0, mode, exploration, null,
                request.localTime(), request.device().name(), request.device().client(), Map.of()));
    }

    @Override
    public boolean wildcardAnswer(Persona persona, ItemProfile item, boolean taken, Instant at) {
        clock.set(at);
        feedback.record(idOf(persona), item.id(), taken ? Feedback.WILDCARD_TAKEN : Feedback.WILDCARD_DECLINED, null);
        return true;
    }

    @Override
    public void sittingDown(Persona persona, Instant at) {
        if (useProfiles && persona.sharesAnAccount()) {
            clock.set(at);
            profiles.watch(persona.accountId(), persona.profile(), ProfileService.DEFAULT_WATCH_MINUTES);
        }
    }

    @Override
    public void gettingUp(Persona persona, Instant at) {
        if (useProfiles && persona.sharesAnAccount()) {
            clock.set(at);
            profiles.stopWatching(persona.accountId());
        }
    }

    @Override
    public void endOfDay(Instant at) {
        clock.set(at);
        trainer.trainNow();
    }

    /**
     * The whole catalog of one media ranked for the person by the taste model alone (before rules and
     * sequencing, no exploration), best first, without what they finished; empty before the first model.
     */
    public List<ItemProfile> ranking(Persona persona, Media media) {
        TasteModel taste = trainer.current();
        if (taste == null) {
            return List.of();
        }
        CandidateRequest request = new CandidateRequest(taste.history(histories.weights(idOf(persona))), new int[0],
                taste.catalog().size(), false, 0, 0, 1);
        List<ItemProfile> ranked = new ArrayList<>();
        for (Candidate candidate : taste.candidates().generate(request)) {
            if ((media == Media.MUSIC) == (candidate.item().kind() == ItemProfile.ItemKind.TRACK)) {
                ranked.add(candidate.item());
            }
        }
        return ranked;
    }

    /** The pairwise quiz: the next pair for a newcomer, answered by {@code chooser}; false when none is left. */
    public boolean answerPair(Persona persona, java.util.function.BinaryOperator<ItemProfile> chooser, Instant at) {
        clock.set(at);
        return onboarding.nextPair(idOf(persona)).map(pair -> {
            ItemProfile chosen = chooser.apply(pair.first(), pair.second());
            ItemProfile other = chosen.equals(pair.first()) ? pair.second() : pair.first();
            onboarding.answer(idOf(persona), chosen.id(), other.id());
            return true;
        }).orElse(false);
    }

    /** The person's exploration rate as the page shows it: the posterior mean within the default bounds. */
    public double explorationRate(Persona persona) {
        return people.posterior(idOf(persona)).rate(tuning.explorationMin(), tuning.explorationMax());
    }

    /** Retrains now (after a scripted burst, say). */
    public void retrain(Instant at) {
        endOfDay(at);
    }

    public LocalDateTime localTime(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    @Override
    public void close() {
        database.close();
    }
}
