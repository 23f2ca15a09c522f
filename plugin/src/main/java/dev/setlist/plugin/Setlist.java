package dev.setlist.plugin;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.setlist.plugin.api.ApiDocsResource;
import dev.setlist.plugin.api.AuthFilter;
import dev.setlist.plugin.api.BodyLimitFilter;
import dev.setlist.plugin.api.IdParameterFilter;
import dev.setlist.plugin.api.MetricsFilter;
import dev.setlist.plugin.api.MetricsResource;
import dev.setlist.plugin.metrics.SetlistMetrics;
import dev.setlist.plugin.api.SecurityHeadersFilter;
import dev.setlist.plugin.api.ErrorMappers;
import dev.setlist.plugin.api.ModeResource;
import dev.setlist.plugin.api.SurpriseResource;
import dev.setlist.plugin.api.TuningResource;
import dev.setlist.plugin.api.WhyResource;
import dev.setlist.plugin.api.OnboardingResource;
import dev.setlist.plugin.api.FeedbackResource;
import dev.setlist.plugin.api.HealthResource;
import dev.setlist.plugin.api.IngestionRefusedMapper;
import dev.setlist.plugin.api.InsightsResource;
import dev.setlist.plugin.api.ServedPlaylistFilter;
import dev.setlist.plugin.api.JourneyResource;
import dev.setlist.plugin.api.PrivacyResource;
import dev.setlist.plugin.api.ProfilesResource;
import dev.setlist.plugin.api.PublishResource;
import dev.setlist.plugin.api.CallerResource;
import dev.setlist.plugin.api.PlaylistSendResource;
import dev.setlist.plugin.api.RulesResource;
import dev.setlist.plugin.api.SettingsResource;
import dev.setlist.plugin.rulebook.RuleWorkbench;
import dev.setlist.plugin.api.TogetherResource;
import dev.setlist.plugin.api.UsersResource;
import dev.setlist.plugin.api.WebUiResource;
import dev.setlist.plugin.api.WebhookFastPath;
import dev.setlist.plugin.api.WebhookResource;
import dev.setlist.plugin.auth.AdminKey;
import dev.setlist.plugin.auth.JellyfinTokens;
import dev.setlist.plugin.jellyfin.JellyfinIds;
import dev.setlist.plugin.media.MediaServerException;
import dev.setlist.plugin.auth.TokenStore;
import dev.setlist.plugin.auth.WebhookSecret;
import dev.setlist.plugin.config.SetlistConfig;
import dev.setlist.plugin.demo.DemoHousehold;
import dev.setlist.plugin.demo.DemoLibrary;
import dev.setlist.plugin.demo.DemoMediaServer;
import dev.setlist.plugin.demo.DemoSeeder;
import dev.setlist.plugin.events.EventIngestor;
import dev.setlist.plugin.jellyfin.JellyfinClient;
import dev.setlist.plugin.jellyfin.JellyfinServer;
import dev.setlist.plugin.jellyfin.JellyfinSocketSource;
import dev.setlist.plugin.jellyfin.JellyfinSync;
import dev.setlist.plugin.jellyfin.WebhookPayloadParser;
import dev.setlist.plugin.insights.InsightsService;
import dev.setlist.plugin.insights.ServedPlaylistLog;
import dev.setlist.plugin.journey.JourneyService;
import dev.setlist.plugin.together.GroupPlaylistService;
import dev.setlist.plugin.media.MediaServer;
import dev.setlist.plugin.playlist.Playlist;
import dev.setlist.plugin.privacy.PrivacyService;
import dev.setlist.plugin.publish.PlaylistPublisher;
import dev.setlist.plugin.publish.PlaylistSchedule;
import dev.setlist.plugin.store.PlaylistOutbox;
import dev.setlist.plugin.store.PlaylistStore;
import dev.setlist.plugin.store.PrivacyStore;
import dev.setlist.plugin.library.Library;
import dev.setlist.plugin.playlist.FeedbackService;
import dev.setlist.plugin.playlist.OfferLog;
import dev.setlist.plugin.playlist.PlaylistRequest;
import dev.setlist.plugin.playlist.PlaylistService;
import dev.setlist.plugin.playlist.SessionMood;
import dev.setlist.plugin.server.HttpServer;
import dev.setlist.plugin.server.JsonMapper;
import dev.setlist.plugin.signals.InteractionLedger;
import dev.setlist.plugin.store.CatalogStore;
import dev.setlist.plugin.store.Database;
import dev.setlist.plugin.store.JdbcEventLog;
import dev.setlist.plugin.store.SettingStore;
import dev.setlist.plugin.store.UserStore;
import dev.setlist.plugin.taste.ModelSnapshots;
import dev.setlist.plugin.taste.ModelTrainer;
import dev.setlist.plugin.taste.OnboardingService;
import dev.setlist.plugin.taste.PersonHistory;
import dev.setlist.plugin.taste.FreshStarts;
import dev.setlist.plugin.taste.TasteReset;
import dev.setlist.plugin.store.TasteResetStore;
import dev.setlist.plugin.api.TasteResource;
import dev.setlist.scorer.als.AlsSettings;
import dev.setlist.scorer.sequencing.Sequencer;
import dev.setlist.rules.FileVersionStore;
import dev.setlist.rules.LiveRuleBook;
import dev.setlist.rules.RuleLimits;
import dev.setlist.plugin.signals.PlayTimeline;
import dev.setlist.plugin.store.PersonStore;
import dev.setlist.plugin.store.ProfileStore;
import dev.setlist.plugin.store.ServedPlaylistStore;
import dev.setlist.plugin.profile.ProfileService;
import jakarta.ws.rs.ext.ContextResolver;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import java.util.ArrayList;
import java.util.List;

/**
 * The composition root: builds every part of a running Setlist with constructors, in dependency
 * order, and closes them in reverse. Nothing else creates long-lived parts.
 *
 * <p>One per process. {@link #close()} stops the server and releases the database.
 */
public final class Setlist implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Setlist.class);

    /** Seed of the demo library and household: every demo install shows the same library. */
    static final long DEMO_SEED = 20_261_128L;
    private static final Duration JELLYFIN_TIMEOUT = Duration.ofSeconds(30);
    /** A playlist write that failed is retried after 10 s, then 20 s, 40 s... at most every 30 min. */
    private static final Duration PUBLISH_FIRST_RETRY = Duration.ofSeconds(10);
    private static final Duration PUBLISH_MAX_RETRY = Duration.ofMinutes(30);

    private final Database database;
    private final ModelTrainer trainer;
    private final LiveRuleBook rules;
    private final HttpServer server;
    private final List<AutoCloseable> background;
    private final EventIngestor ingestor;

    private Setlist(Database database, ModelTrainer trainer, LiveRuleBook rules, HttpServer server,
                    List<AutoCloseable> background, EventIngestor ingestor) {
        this.ingestor = ingestor;
        this.database = database;
        this.trainer = trainer;
        this.rules = rules;
        this.server = server;
        this.background = background;
    }

    /**
     * Starts Setlist.
     *
     * @param demo serve the demo library even when a media server is configured
     * @param out where to show what a self-hoster must see once (the URL, a generated admin key)
     * @throws dev.setlist.plugin.server.PortInUseException when the port is taken
     * @throws StartupException when the data folder or the configuration cannot be used
     */
    public static Setlist start(SetlistConfig config, boolean demo, PrintStream out) {
        Instant started = Instant.now();
        Clock clock = Clock.systemUTC();
        boolean jellyfin = !demo && config.hasJellyfin();
        if (jellyfin && config.jellyfinApiKey().isEmpty()) {
            throw new StartupException("jellyfin.url is set but jellyfin.api-key is not: create an API key in "
                    + "Jellyfin (Dashboard > API Keys) and set SETLIST_JELLYFIN_API_KEY");
        }
        HttpServer.checkAvailable(config.host(), config.port());
        try {
            Files.createDirectories(config.dataFolder());
        } catch (IOException e) {
            throw new StartupException("cannot create the data folder " + config.dataFolder() + ": " + e.getMessage());
        }
        Database database = config.database().url()
                .map(url -> Database.openJdbc(url, config.database().user(), config.database().password()))
                .orElseGet(() -> Database.openH2(config.dataFolder()));
        ModelTrainer trainer = null;
        LiveRuleBook rules = null;
        List<AutoCloseable> background = new ArrayList<>();
        // The first Drools build in a fresh JVM takes seconds; it runs beside the catalog, the demo and the
        // first training instead of after them.
        CompletableFuture<LiveRuleBook> rulesBuild = CompletableFuture.supplyAsync(() -> new LiveRuleBook(
                new LiveRuleBook.Settings(config.rulesFolder().orElse(null), RuleLimits.DEFAULTS, Duration.ofMillis(200), true),
                new FileVersionStore(config.dataFolder().resolve("rules-versions"))));
        try {
            ObjectMapper json = JsonMapper.create();
            SecureRandom random = new SecureRandom();
            JdbcEventLog eventLog = new JdbcEventLog(database.dataSource(), json, clock);
            UserStore users = new UserStore(database.dataSource());
            SettingStore settings = new SettingStore(database.dataSource());
            Library library = new Library(new CatalogStore(database.dataSource(), json));
            InteractionLedger ledger = InteractionLedger.replay(eventLog, config.signals());
            PlayTimeline timeline = PlayTimeline.replay(eventLog);
            PersonStore people = new PersonStore(database.dataSource(), clock);
            ProfileService profiles = new ProfileService(new ProfileStore(database.dataSource()), users, clock);
            PlaylistStore playlistStore = new PlaylistStore(database.dataSource(), json);
            PlaylistOutbox outbox = new PlaylistOutbox(database.dataSource(), json);
            trainer = new ModelTrainer(AlsSettings.defaults(), library, ledger, timeline, clock, 50,
                    new ModelSnapshots(config.dataFolder().resolve("models")), ModelTrainer.DEFAULT_MAX_TRAINING_WEIGHT);
            PrivacyService privacy = new PrivacyService(new PrivacyStore(database.dataSource()), eventLog, users,
                    playlistStore, outbox, ledger, clock);

            EventIngestor ingestor = new EventIngestor(eventLog, users, library, clock, privacy, profiles);
            background.add(ingestor);
            SetlistMetrics metrics = new SetlistMetrics(clock);
            ingestor.addListener(event -> metrics.eventIngested());
            privacy.afterDelete(ingestor::forgetUser);
            ingestor.addListener(ledger::apply);
            ingestor.addListener(timeline::apply);
            MediaServer mediaServer;
            JellyfinSync sync = null;
            JellyfinSocketSource socketSource = null;
            JellyfinClient jellyfinClient = null;
            if (jellyfin) {
                jellyfinClient = new JellyfinClient(config.jellyfinUrl().orElseThrow(),
                        config.jellyfinApiKey().orElseThrow(), Version.current(), JELLYFIN_TIMEOUT);
                metrics.watch(jellyfinClient);
                JellyfinServer jellyfinServer = new JellyfinServer(jellyfinClient, playlistStore, clock);
                mediaServer = jellyfinServer;
                sync = new JellyfinSync(jellyfinServer, library, users, settings, ingestor, clock,
                        config.sync().interval(), config.sync().importHistory());
                ingestor.addListener(sync::onEvent);
                background.add(sync);
                if (config.sync().events() == SetlistConfig.EventSource.WEBSOCKET) {
                    socketSource = new JellyfinSocketSource(jellyfinClient, ingestor, clock);
                    background.add(socketSource);
                }
            } else {
                DemoMediaServer demoServer = new DemoMediaServer(DemoLibrary.generate(DEMO_SEED, clock.instant()),
                        DemoHousehold.standard());
                mediaServer = demoServer;
                int seeded = DemoSeeder.seedOnce(demoServer, DEMO_SEED, clock.instant(), library, users, people,
                        profiles, ingestor, settings, config.signals().zone());
                if (seeded > 0) {
                    log.info("demo library loaded: {} items, {} people, {} history events",
                            library.size(), demoServer.users().size(), seeded);
                }
            }

            // The last complete model serves at once (retrained in the background when events arrived since).
            if (!trainer.restoreLatest()) {
                trainer.trainNow();
            }
            ModelTrainer liveTrainer = trainer;
            ingestor.addListener(event -> liveTrainer.onEvent());
            privacy.afterDelete(deleted -> liveTrainer.trainNow());

            AdminKey adminKey = AdminKey.resolve(config.adminKey(), settings, random);
            WebhookSecret.Resolved webhookSecret = WebhookSecret.resolve(config.webhookSecret(), settings, random);
            Health health = new Health(Version.current(), database, eventLog, library, users, mediaServer);
            health.addProblemSource(liveTrainer::problems);
            health.addProblemSource(ingestor::problems);
            TokenStore tokens = new TokenStore(database.dataSource(), random, clock);
            JellyfinClient jellyfinUsers = jellyfinClient;
            // A Jellyfin access token stands for its user, unless that account is disabled.
            JellyfinTokens jellyfinTokens = jellyfinUsers == null ? null : new JellyfinTokens(token -> {
                try {
                    return jellyfinUsers.me(token)
                            .filter(user -> user.id() != null)
                            .filter(user -> user.policy() == null || !Boolean.TRUE.equals(user.policy().isDisabled()))
                            .map(user -> JellyfinIds.normalize(user.id()));
                } catch (MediaServerException e) {
                    throw new JellyfinTokens.Unavailable(e.getMessage(), e);
                }
            }, clock);
            rules = built(rulesBuild);
            LiveRuleBook liveRules = rules;
            metrics.watch(liveRules);
            metrics.watch(liveTrainer);
            dev.setlist.rules.RuleBook timedRules = metrics.timed(liveRules);
            health.addProblemSource(() -> liveRules.status().lastProblems().stream()
                    .map(problem -> "rules refused, " + liveRules.version() + " keeps serving: " + problem).toList());
            SessionMood mood = new SessionMood();
            OfferLog offers = new OfferLog();
            FreshStarts freshStarts = new FreshStarts(new TasteResetStore(database.dataSource()), config.signals())
                    .rebuild(eventLog);
            ingestor.addListener(freshStarts::apply);
            PersonHistory histories = new PersonHistory(ledger, people, freshStarts);
            PlaylistService playlists = new PlaylistService(library, profiles, people, histories, timeline, trainer, mood,
                    offers, timedRules, new Sequencer(), config.tuning(), clock, ZoneId.systemDefault());
            JourneyService journeys = new JourneyService(library, profiles, people, histories, timeline, trainer,
                    timedRules, new Sequencer(), clock, ZoneId.systemDefault());
            GroupPlaylistService groups = new GroupPlaylistService(profiles, people, histories, trainer, timedRules,
                    new Sequencer(), config.tuning(), clock, ZoneId.systemDefault());
            ServedPlaylistStore servedPlaylists = new ServedPlaylistStore(database.dataSource());
            ServedPlaylistLog servedLog = new ServedPlaylistLog(servedPlaylists, library, clock);
            background.add(servedLog);
            InsightsService insights = new InsightsService(eventLog, library, ledger, people, servedPlaylists, servedLog,
                    config.tuning(), clock, ZoneId.systemDefault());
            privacy.afterDelete(servedPlaylists::forget);
            privacy.afterDelete(people::forgetWildcardAnswers);
            // An account's profiles are people too: deleting the account deletes each of them as a person.
            privacy.afterDelete(account -> profiles.forgetAccount(account).forEach(privacy::delete));
            TasteReset tasteReset = new TasteReset(profiles, people, eventLog, ledger, timeline, freshStarts,
                    servedLog, mood, offers, liveTrainer, clock);
            privacy.afterDelete(freshStarts::forget);
            FeedbackService feedback = new FeedbackService(library, profiles, people, ingestor, mood, offers, playlists,
                    config.tuning(), clock);
            PlaylistPublisher publisher = new PlaylistPublisher(mediaServer, outbox, users, clock, PUBLISH_FIRST_RETRY,
                    PUBLISH_MAX_RETRY);
            background.add(publisher);
            int length = config.playlists().length();
            PlaylistSchedule schedule = new PlaylistSchedule(config.playlists().refresh(), config.zone(),
                    (user, name) -> playlists.playlistFor(user.id(), PlaylistRequest.of(length)).items().stream()
                            .map(Playlist.Entry::itemId).toList(),
                    publisher, users, settings, clock);
            background.add(schedule);
            health.addProblemSource(publisher::problems);
            publisher.start();
            if (sync != null) {
                health.addProblemSource(sync::problems);
                sync.afterFirstSync(liveTrainer::trainNow);
                sync.afterFirstSync(schedule::start);
                sync.start();
            }
            if (socketSource != null) {
                health.addProblemSource(socketSource::problems);
                socketSource.start();
            }

            RuleWorkbench workbench = new RuleWorkbench(rules, config.rulesFolder().orElse(null));
            WebhookResource webhook = new WebhookResource(webhookSecret.secret(), new WebhookPayloadParser(json), ingestor,
                    clock);
            MetricsFilter metricsFilter = new MetricsFilter(metrics);
            ResourceConfig application = new ResourceConfig()
                    .register(JacksonFeature.withoutExceptionMappers())
                    .register(new ObjectMapperResolver(json))
                    .register(new ErrorMappers.WebApplication())
                    .register(new ErrorMappers.Unexpected())
                    .register(metricsFilter)
                    .register(new BodyLimitFilter())
                    .register(new SecurityHeadersFilter())
                    .register(new IngestionRefusedMapper())
                    .register(new AuthFilter(adminKey, tokens, jellyfinTokens))
                    .register(new IdParameterFilter())
                    .register(new HealthResource(health))
                    .register(webhook)
                    .register(new UsersResource(users, tokens, playlists, profiles))
                    .register(new ProfilesResource(profiles, json))
                    .register(new JourneyResource(journeys, profiles))
                    .register(new TogetherResource(groups))
                    .register(new InsightsResource(insights, profiles))
                    .register(new TasteResource(tasteReset, profiles))
                    .register(new ServedPlaylistFilter(servedLog))
                    .register(new FeedbackResource(feedback, json))
                    .register(new OnboardingResource(new OnboardingService(library, profiles, people, histories, trainer), json))
                    .register(new ModeResource(profiles, people, json, clock))
                    .register(new TuningResource(profiles, people, config.tuning(), json))
                    .register(new WhyResource(playlists))
                    .register(new SurpriseResource(playlists))
                    .register(new ApiDocsResource())
                    .register(new PrivacyResource(privacy))
                    .register(new PublishResource(schedule, publisher, outbox))
                    .register(new MetricsResource(metrics, adminKey, config.metricsToken()))
                    .register(new PlaylistSendResource(publisher, users, library, json))
                    .register(new RulesResource(workbench, json))
                    .register(new SettingsResource(health, config, sync, webhookSecret.secret(), workbench))
                    .register(new CallerResource())
                    .register(new WebUiResource());
            HttpServer server = HttpServer.start(config.host(), config.port(), application,
                    new WebhookFastPath(webhook, json, metricsFilter));
            URI url = server.baseUri();
            out.println("Setlist " + Version.current() + " serving " + mediaServer.describe() + " at " + url
                    + " (started in " + Duration.between(started, Instant.now()).toMillis() + " ms)");
            adminKey.generatedThisRun().ifPresent(key -> {
                out.println("Admin key (shown once; keep it, or set SETLIST_ADMIN_KEY): " + key);
                out.println("Sign in: " + url + "#key=" + key);
            });
            if (webhookSecret.generated()) {
                out.println("Webhook secret (send it as X-Setlist-Secret; the Settings page shows it again): "
                        + webhookSecret.secret());
            }
            out.flush();
            return new Setlist(database, trainer, rules, server, List.copyOf(background), ingestor);
        } catch (RuntimeException e) {
            closeAll(background);
            rulesBuild.thenAccept(LiveRuleBook::close);
            if (trainer != null) {
                trainer.close();
            }
            database.close();
            throw e;
        }
    }

    /** The rule book built in the background, or its failure as it was thrown. */
    private static LiveRuleBook built(CompletableFuture<LiveRuleBook> build) {
        try {
            return build.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    public URI baseUri() {
        return server.baseUri();
    }

    /**
     * What the running parts have done, for the load benches.
     *
     * @param ingestion      the group commit's counts
     * @param modelTrainings trainings finished since start
     * @param rulesVersion   the rule book serving now
     */
    public record Vitals(dev.setlist.plugin.events.EventWriter.Stats ingestion, long modelTrainings, String rulesVersion) {
    }

    public Vitals vitals() {
        return new Vitals(ingestor.writerStats(), trainer.trainings(), rules.version());
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            closeAll(background);
            rules.close();
            trainer.close();
            database.close();
        }
    }

    private static void closeAll(List<AutoCloseable> parts) {
        for (AutoCloseable part : parts) {
            try {
                part.close();
            } catch (Exception e) {
                log.warn("{} did not close cleanly: {}", part.getClass().getSimpleName(), e.toString());
            }
        }
    }

    /** Hands Jersey's Jackson provider the one configured mapper. */
    private record ObjectMapperResolver(ObjectMapper mapper) implements ContextResolver<ObjectMapper> {
        @Override
        public ObjectMapper getContext(Class<?> type) {
            return mapper;
        }
    }
}
