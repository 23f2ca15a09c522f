package dev.setlist.plugin.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.setlist.plugin.api.AuthFilter;
import dev.setlist.plugin.api.BodyLimitFilter;
import dev.setlist.plugin.api.ErrorMappers;
import dev.setlist.plugin.api.IdParameterFilter;
import dev.setlist.plugin.api.IngestionRefusedMapper;
import dev.setlist.plugin.api.MetricsFilter;
import dev.setlist.plugin.api.SecurityHeadersFilter;
import dev.setlist.plugin.api.UsersResource;
import dev.setlist.plugin.api.WebhookFastPath;
import dev.setlist.plugin.api.WebhookResource;
import dev.setlist.plugin.auth.AdminKey;
import dev.setlist.plugin.auth.TokenStore;
import dev.setlist.plugin.events.EventIngestor;
import dev.setlist.plugin.events.EventType;
import dev.setlist.plugin.events.PlaybackEvent;
import dev.setlist.plugin.jellyfin.WebhookPayloadParser;
import dev.setlist.plugin.library.Library;
import dev.setlist.plugin.media.MediaUser;
import dev.setlist.plugin.metrics.SetlistMetrics;
import dev.setlist.plugin.playlist.OfferLog;
import dev.setlist.plugin.playlist.PlaylistRequest;
import dev.setlist.plugin.playlist.PlaylistService;
import dev.setlist.plugin.playlist.SessionMood;
import dev.setlist.plugin.playlist.TuningDefaults;
import dev.setlist.plugin.profile.ProfileService;
import dev.setlist.plugin.server.HttpServer;
import dev.setlist.plugin.server.JsonMapper;
import dev.setlist.plugin.signals.InteractionLedger;
import dev.setlist.plugin.signals.PlayTimeline;
import dev.setlist.plugin.store.CatalogStore;
import dev.setlist.plugin.store.Database;
import dev.setlist.plugin.store.EventLog;
import dev.setlist.plugin.store.JdbcEventLog;
import dev.setlist.plugin.store.PersonStore;
import dev.setlist.plugin.store.ProfileStore;
import dev.setlist.plugin.store.SettingStore;
import dev.setlist.plugin.store.TasteResetStore;
import dev.setlist.plugin.store.UserStore;
import dev.setlist.plugin.taste.FreshStarts;
import dev.setlist.plugin.taste.ModelTrainer;
import dev.setlist.plugin.taste.PersonHistory;
import dev.setlist.rules.FileVersionStore;
import dev.setlist.rules.LiveRuleBook;
import dev.setlist.rules.RuleLimits;
import dev.setlist.scorer.als.AlsSettings;
import dev.setlist.scorer.catalog.ItemProfile;
import dev.setlist.scorer.catalog.ItemProfile.ItemKind;
import dev.setlist.scorer.sequencing.Sequencer;
import jakarta.ws.rs.ext.ContextResolver;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The playlist goal: with a 100k-item catalog and 10k people at k = 64 and the default rules, a playlist of
 * 25 at p50 under 5 ms and p99 under 25 ms server-side, and at least 300 playlists/s on 2 cores from a bounded
 * load generator on loopback while an event stream is being ingested.
 *
 * <p>The parts are the server's own (H2 file stores, the interaction ledger, the trainer at k = 64, the shipped
 * rule packs, {@link PlaylistService}, Jersey with the server's filters, the webhook and its fast path): only the
 * history is made up.
 * 100k items (70 % tracks, 20 % episodes, 10 % films) in 500 taste clusters; 10k people, each with 30 finished
 * plays, 80 % from a home cluster, applied to the ledger directly (the H2 log would take minutes to fill).
 * <ol>
 *   <li>server-side: {@code PlaylistService.playlistFor} on one thread, people in turn, video and music;</li>
 *   <li>loopback: {@code clients} HTTP/1.1 clients ({@link PlainHttpClient}: a kept-alive socket each, so that the
 *       generator takes little of the two cores), each with one request in flight (the bound), asking
 *       {@code GET /api/users/{id}/playlist?length=25} with the admin key, while a sender posts Jellyfin
 *       progress ticks (50 viewers, one a second each) and finished plays (one a second) to the webhook.</li>
 * </ol>
 * Arguments: {@code [seconds per phase, default 20] [clients, default 4] [loopback warm-up seconds, default half a
 * phase]}: a server that has run for a while no longer spends its cores compiling, and a long warm-up shows that
 * steady state.
 */
public final class PlaylistBench {

    static final int ITEMS = 100_000;
    static final int PEOPLE = 10_000;
    static final int FACTORS = 64;
    static final int PLAYS = 30;
    static final int CLUSTERS = 500;
    private static final String ADMIN = "bench-admin";
    private static final String SECRET = "bench-secret";
    private static final List<String> GENRES = List.of("Drama", "Comedy", "Action", "Documentary", "Animation",
            "Family", "Horror", "Science Fiction", "Rock", "Jazz", "Classical", "Pop", "Electronic", "Hip-Hop");
    private static final List<String> TAGS = List.of("calm", "energetic", "dark", "uplifting", "melancholic", "upbeat");
    private static final List<String> RATINGS = Arrays.asList("G", "PG", "PG-13", "R", "TV-MA", null);

    private PlaylistBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : Math.max(5, seconds / 2);
        // A fourth argument "series-in-order" runs the server-side playlists with tuning.series-in-order.
        boolean seriesInOrder = args.length > 3 && args[3].equals("series-in-order");
        Path folder = Files.createTempDirectory("setlist-playlist-bench");
        Clock clock = Clock.systemUTC();
        ObjectMapper json = JsonMapper.create();
        long setUp = System.nanoTime();
        try (Database database = Database.openH2(folder);
             LiveRuleBook rules = new LiveRuleBook(new LiveRuleBook.Settings(null, RuleLimits.DEFAULTS,
                     Duration.ofMillis(200), false), new FileVersionStore(folder.resolve("rules-versions")))) {
            Library library = new Library(new CatalogStore(database.dataSource(), json));
            List<ItemProfile> catalog = catalog(clock.instant());
            library.putAll(catalog);
            UserStore users = new UserStore(database.dataSource());
            List<String> people = new ArrayList<>(PEOPLE);
            for (int p = 0; p < PEOPLE; p++) {
                people.add(String.format(Locale.ROOT, "%032x", 0x5e71157L * 1_000_003L + p));
            }
            for (String id : people) {
                users.upsert(new MediaUser(id, "Person " + id.substring(26)), clock.instant());
            }
            InteractionLedger ledger = new InteractionLedger();
            PlayTimeline timeline = new PlayTimeline();
            history(people, catalog, clock.instant(), ledger, timeline);
            ModelTrainer trainer = new ModelTrainer(AlsSettings.defaults().withFactors(FACTORS).withIterations(3),
                    library, ledger, timeline, clock, 50);
            long trainStart = System.nanoTime();
            trainer.trainNow();
            System.out.printf(Locale.ROOT, "set-up: %,d items, %,d people, %,d interactions, k = %d; trained in %.1f s "
                    + "(set-up %.1f s)%n", library.size(), PEOPLE, trainer.current().interactions(), FACTORS,
                    (System.nanoTime() - trainStart) / 1e9, (System.nanoTime() - setUp) / 1e9);
            System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                    + System.getProperty("java.version") + ", load average " + loadAverage());

            PersonStore personStore = new PersonStore(database.dataSource(), clock);
            ProfileService profiles = new ProfileService(new ProfileStore(database.dataSource()), users, clock);
            FreshStarts fresh = new FreshStarts(new TasteResetStore(database.dataSource()), ledger.settings());
            PersonHistory histories = new PersonHistory(ledger, personStore, fresh);
            PlaylistService playlists = new PlaylistService(library, profiles, personStore, histories, timeline, trainer,
                    new SessionMood(), new OfferLog(), rules, new Sequencer(),
                    TuningDefaults.STANDARD.withSeriesInOrder(seriesInOrder), clock, ZoneId.systemDefault());
            System.out.println("server-side playlists: series " + (seriesInOrder ? "in order" : "in any order"));

            serverSide(playlists, people, seconds);

            JdbcEventLog eventLog = new JdbcEventLog(database.dataSource(), json, clock);
            EventIngestor ingestor = new EventIngestor(eventLog, users, library, clock);
            ingestor.addListener(ledger::apply);
            ingestor.addListener(timeline::apply);
            ingestor.addListener(event -> trainer.onEvent());
            // The server's own filters and the webhook's fast path, as the composition root (Setlist) registers them.
            WebhookResource webhook = new WebhookResource(SECRET, new WebhookPayloadParser(json), ingestor, clock);
            MetricsFilter metrics = new MetricsFilter(new SetlistMetrics(clock));
            ResourceConfig application = new ResourceConfig()
                    .register(JacksonFeature.withoutExceptionMappers())
                    .register(new MapperResolver(json))
                    .register(new ErrorMappers.WebApplication())
                    .register(new ErrorMappers.Unexpected())
                    .register(metrics)
                    .register(new BodyLimitFilter())
                    .register(new SecurityHeadersFilter())
                    .register(new IngestionRefusedMapper())
                    .register(new AuthFilter(AdminKey.resolve(Optional.of(ADMIN), new SettingStore(database.dataSource()),
                            new SecureRandom()), new TokenStore(database.dataSource(), new SecureRandom(), clock)))
                    .register(new IdParameterFilter())
                    .register(webhook)
                    .register(new UsersResource(users, new TokenStore(database.dataSource(), new SecureRandom(), clock),
                            playlists, profiles));
            try (HttpServer server = HttpServer.start("127.0.0.1", 0, application,
                    new WebhookFastPath(webhook, json, metrics))) {
                long trainingsBefore = trainer.trainings();
                loopback(server.baseUri(), people, catalog, clients, seconds, warmUp);
                System.out.printf(Locale.ROOT, "retrainings finished during the loopback phases: %d (one 100k-item "
                        + "training is about %.0f s of both cores; the trainer spaces them by four times that)%n",
                        trainer.trainings() - trainingsBefore, trainer.current().trainingTime().toMillis() / 1e3);
            } finally {
                ingestor.close();
            }
            trainer.close();
        }
    }

    /** Films, episodes (in series of 10) and tracks (albums of 10 by 2,000 artists), each in one of the clusters. */
    static List<ItemProfile> catalog(Instant now) {
        List<ItemProfile> catalog = new ArrayList<>(ITEMS);
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < ITEMS; i++) {
            int cluster = i % CLUSTERS;
            String id = String.format(Locale.ROOT, "%032x", 0xca7a10L * 1_000_003L + i);
            List<String> genres = List.of(GENRES.get(cluster % GENRES.size()), GENRES.get((cluster / 7) % GENRES.size()));
            List<String> tags = List.of(TAGS.get(cluster % TAGS.size()));
            Instant added = now.minus(Duration.ofDays(random.nextInt(2_000)));
            int kind = i % 10;
            if (kind < 7) {
                catalog.add(new ItemProfile(id, ItemKind.TRACK, "Track " + i, genres, tags, List.of(), null,
                        1960 + i % 60, 150 + random.nextInt(200), null, null, 0, 0, "Artist " + i % 2_000,
                        "Album " + i / 10, null, added));
            } else if (kind < 9) {
                int series = i / 100;
                catalog.add(new ItemProfile(id, ItemKind.EPISODE, "Episode " + i, genres, tags, List.of(), null,
                        1990 + i % 35, 1_500 + random.nextInt(1_800), "series" + series, "Series " + series, 1 + i / 1_000 % 5,
                        1 + i / 10 % 10, null, null, RATINGS.get(random.nextInt(RATINGS.size())), added));
            } else {
                catalog.add(new ItemProfile(id, ItemKind.MOVIE, "Film " + i, genres, tags, List.of(), "Studio " + i % 50,
                        1950 + i % 75, 5_000 + random.nextInt(4_000), null, null, 0, 0, null, null,
                        RATINGS.get(random.nextInt(RATINGS.size())), added));
            }
        }
        return catalog;
    }

    /** {@value #PLAYS} finished plays per person, 80 % from their home cluster, over the last 60 days. */
    private static void history(List<String> people, List<ItemProfile> catalog, Instant now, InteractionLedger ledger,
                                PlayTimeline timeline) {
        SplittableRandom random = new SplittableRandom(11);
        long seq = 0;
        int perCluster = ITEMS / CLUSTERS;
        for (int p = 0; p < people.size(); p++) {
            int home = random.nextInt(CLUSTERS);
            Instant at = now.minus(Duration.ofDays(60));
            for (int play = 0; play < PLAYS; play++) {
                int cluster = random.nextDouble() < 0.8 ? home : random.nextInt(CLUSTERS);
                ItemProfile item = catalog.get(cluster + CLUSTERS * random.nextInt(perCluster));
                at = at.plus(Duration.ofMinutes(30 + random.nextInt(2_800)));
                for (EventType type : List.of(EventType.PLAYBACK_START, EventType.PLAYBACK_STOP)) {
                    boolean stop = type == EventType.PLAYBACK_STOP;
                    long runtime = item.runtimeSeconds() * PlaybackEvent.TICKS_PER_SECOND;
                    PlaybackEvent event = new PlaybackEvent(type, stop ? at.plusSeconds(item.runtimeSeconds()) : at,
                            people.get(p), null, item.id(), facts(item), stop ? runtime : 0L, false, false,
                            stop ? Boolean.TRUE : null, "bench-" + p + "-" + play, "Bench", "Bench client", null);
                    EventLog.StoredEvent stored = new EventLog.StoredEvent(++seq, now, "bench", event);
                    ledger.apply(stored);
                    timeline.apply(stored);
                }
            }
        }
    }

    private static PlaybackEvent.ItemFacts facts(ItemProfile item) {
        String type = switch (item.kind()) {
            case MOVIE -> "Movie";
            case EPISODE -> "Episode";
            case TRACK -> "Audio";
        };
        return new PlaybackEvent.ItemFacts(item.title(), type, item.runtimeSeconds() * PlaybackEvent.TICKS_PER_SECOND,
                item.year(), item.genres(), item.seriesId(), item.seriesName(), null, null, item.album(), item.artist());
    }

    /** {@code PlaylistService.playlistFor} on this thread: what one playlist costs the server. */
    private static void serverSide(PlaylistService playlists, List<String> people, int seconds) {
        PlaylistRequest video = new PlaylistRequest(PlaylistRequest.Media.VIDEO, 25, 0, null, null, null, null, null,
                null, null);
        PlaylistRequest music = new PlaylistRequest(PlaylistRequest.Media.MUSIC, 25, 0, null, null, null, null, null,
                null, null);
        PlaylistRequest latest = PlaylistRequest.of(25);
        // Warm-up, unmeasured, all three kinds in turn for a third of a phase: the first phase measured the JIT.
        long warmUntil = System.nanoTime() + Duration.ofSeconds(seconds).toNanos() / 3;
        List<PlaylistRequest> kinds = List.of(latest, video, music);
        for (int i = 0; i < 300 || System.nanoTime() < warmUntil; i++) {
            playlists.playlistFor(people.get(i * 31 % PEOPLE), kinds.get(i % 3));
        }
        for (PlaylistRequest request : List.of(latest, video, music)) {
            long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos() / 3;
            long[] took = new long[200_000];
            int count = 0;
            long cpu = cpuNanos();
            long wall = System.nanoTime();
            while (System.nanoTime() < end && count < took.length) {
                long start = System.nanoTime();
                playlists.playlistFor(people.get((count * 7919) % PEOPLE), request);
                took[count++] = System.nanoTime() - start;
            }
            long[] sorted = Arrays.copyOf(took, count);
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "server-side, one thread, %-6s %6d playlists of 25: p50 %6.2f ms, p99 %6.2f ms,"
                            + " max %6.1f ms; %5.0f/s (CPU %.2f ms each)%n",
                    request.media() == null ? "latest" : request.media().name().toLowerCase(Locale.ROOT), count,
                    percentile(sorted, 0.5), percentile(sorted, 0.99), sorted[count - 1] / 1e6,
                    count / ((System.nanoTime() - wall) / 1e9), (cpuNanos() - cpu) / 1e6 / count);
        }
    }

    /** Bounded load over loopback, with the event stream going into the webhook. */
    private static void loopback(URI base, List<String> people, List<ItemProfile> catalog, int clients, int seconds,
                                 int warmUp) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong events = new AtomicLong();
        AtomicLong eventFailures = new AtomicLong();
        Thread stream = new Thread(() -> eventStream(base, catalog, stop, events, eventFailures), "bench-events");
        stream.start();
        // The HTTP path's code (Jetty, Jersey, Jackson, the webhook) runs here for the first time: long enough a
        // warm-up that the JIT has compiled it, or its compiler threads take a share of the measured phase.
        run("warm-up", base, people, clients, warmUp);
        long eventsBefore = events.get();
        long started = System.nanoTime();
        run("loopback, " + clients + " clients, 1 in flight each", base, people, clients, seconds);
        double eventRate = (events.get() - eventsBefore) / ((System.nanoTime() - started) / 1e9);
        stop.set(true);
        stream.join();
        System.out.printf(Locale.ROOT, "event stream meanwhile: %.0f events/s into the webhook, %d failed; load average %s%n",
                eventRate, eventFailures.get(), loadAverage());
    }

    private static void run(String name, URI base, List<String> people, int clients, int seconds)
            throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<long[]> latencies = new ArrayList<>();
        int[] counts = new int[clients];
        AtomicLong failures = new AtomicLong();
        CountDownLatch done = new CountDownLatch(clients);
        long processCpu = processCpuNanos();
        ThreadGroupCpu threadsBefore = ThreadGroupCpu.snapshot();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            long[] own = new long[seconds * 2_000 + 16];
            latencies.add(own);
            int client = c;
            Thread thread = new Thread(() -> {
                SplittableRandom random = new SplittableRandom(client);
                String path = base.getPath().endsWith("/") ? base.getPath() : base.getPath() + "/";
                try (PlainHttpClient connection = new PlainHttpClient(base)) {
                    while (System.nanoTime() < end && counts[client] < own.length) {
                        String person = people.get(random.nextInt(people.size()));
                        long start = System.nanoTime();
                        try {
                            if (connection.get(path + "api/users/" + person + "/playlist?length=25", "Authorization",
                                    "Bearer " + ADMIN) != 200) {
                                failures.incrementAndGet();
                            }
                        } catch (java.io.IOException e) {
                            failures.incrementAndGet();
                        }
                        own[counts[client]++] = System.nanoTime() - start;
                    }
                } finally {
                    done.countDown();
                }
            }, "bench-client-" + c);
            thread.start();
        }
        done.await();
        ThreadGroupCpu threadsAfter = ThreadGroupCpu.snapshot();
        double elapsed = (System.nanoTime() - started) / 1e9;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies.get(c), 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        double cpuPerPlaylist = (processCpuNanos() - processCpu) / 1e6 / Math.max(1, total);
        System.out.printf(Locale.ROOT, "%-40s %6d playlists in %4.1f s = %5.0f playlists/s; round trip p50 %6.2f ms, "
                        + "p99 %6.2f ms; failures %d; process CPU %.2f ms a playlist (every thread: server, clients, "
                        + "event stream, training)%n", name, total, elapsed, total / elapsed, percentile(all, 0.5),
                percentile(all, 0.99), failures.get(), cpuPerPlaylist);
        if (!threadsAfter.isEmpty()) {
            System.out.println("  CPU ms a playlist by thread: " + threadsAfter.since(threadsBefore, total));
        }
    }

    /** 50 viewers' progress ticks (one a second each) and one finished play a second, as Jellyfin posts them. */
    private static void eventStream(URI base, List<ItemProfile> catalog, AtomicBoolean stop, AtomicLong events,
                                    AtomicLong failures) {
        String webhook = base.resolve("webhook/jellyfin").getPath();
        try (PlainHttpClient connection = new PlainHttpClient(base)) {
            stream(webhook, connection, catalog, stop, events, failures);
        }
    }

    private static void stream(String webhook, PlainHttpClient connection, List<ItemProfile> catalog, AtomicBoolean stop,
                               AtomicLong events, AtomicLong failures) {
        long next = System.nanoTime();
        int tick = 0;
        while (!stop.get()) {
            for (int viewer = 0; viewer < 50 && !stop.get(); viewer++) {
                ItemProfile item = catalog.get(viewer * 1_999 % ITEMS);
                boolean finished = viewer == 0;
                String body = String.format(Locale.ROOT, """
                        {"NotificationType": "%s", "UtcTimestamp": "%s", "UserId": "%032x", "NotificationUsername": "V%d",
                         "ItemId": "%s", "ItemType": "Audio", "Name": "x", "RunTimeTicks": %d, "PlaybackPositionTicks": %d,
                         "PlayedToCompletion": %s, "IsPaused": false, "IsAutomated": %s, "DeviceName": "Bench %d",
                         "ClientName": "Jellyfin Web", "PlaySessionId": "bench-%d-%d"}
                        """, finished ? "PlaybackStop" : "PlaybackProgress", Instant.now(), 0xbe7c4L * 1_000_003L + viewer,
                        viewer, item.id(), item.runtimeSeconds() * PlaybackEvent.TICKS_PER_SECOND,
                        Math.min(tick, item.runtimeSeconds()) * PlaybackEvent.TICKS_PER_SECOND, finished, !finished,
                        viewer, viewer, finished ? tick : 0);
                try {
                    if (connection.postJson(webhook, "X-Setlist-Secret", SECRET, body) / 100 != 2) {
                        failures.incrementAndGet();
                    }
                    events.incrementAndGet();
                } catch (java.io.IOException e) {
                    failures.incrementAndGet();
                }
            }
            tick++;
            next += 1_000_000_000L;
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                try {
                    Thread.sleep(sleep / 1_000_000L);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))] / 1e6;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long cpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return String.format(Locale.ROOT, "%.1f",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** Hands Jersey's Jackson provider the one configured mapper, as the composition root does. */
    private record MapperResolver(ObjectMapper mapper) implements ContextResolver<ObjectMapper> {
        @Override
        public ObjectMapper getContext(Class<?> type) {
            return mapper;
        }
    }
}
