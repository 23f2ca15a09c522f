package dev.setlist.plugin.bench;

import dev.setlist.plugin.Setlist;
import dev.setlist.plugin.config.ConfigKey;
import dev.setlist.plugin.config.ConfigLoader;
import dev.setlist.plugin.config.SetlistConfig;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one automated progress event a second per viewer costs: the real server (H2 file, write
 * through on every commit, the signals ledger and the trainer listening) takes "Send All Properties"
 * progress bodies over HTTP/1.1 on loopback.
 * <ol>
 *   <li>paced: {@code viewers} viewers each posting one tick a second, as Jellyfin does, for
 *       {@code seconds}: acknowledgement latency p50/p99;</li>
 *   <li>saturated: 8 senders posting as fast as they are answered: events/s the server can take, and
 *       latency under that load.</li>
 * </ol>
 * Run: {@code mvn -o -q -pl plugin -am test-compile exec:exec@ingest-bench} (see docs/benchmarks.md).
 */
public final class IngestBench {

    private static final String SECRET = "bench-secret";

    private IngestBench() {
    }

    public static void main(String[] args) throws Exception {
        int viewers = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path data = Files.createTempDirectory("setlist-bench");
        SetlistConfig config = ConfigLoader.load(Map.of(ConfigKey.PORT, "0", ConfigKey.HOST, "127.0.0.1",
                ConfigKey.DATA, data.toString(), ConfigKey.ADMIN_KEY, "bench-admin", ConfigKey.WEBHOOK_SECRET, SECRET),
                null, Map.of(), Map.of());
        try (Setlist setlist = Setlist.start(config, true, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            URI target = URI.create(setlist.baseUri() + "webhook/jellyfin");
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            run("warm-up", client, target, 4, 0, 3);
            System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                    + System.getProperty("java.version"));
            run("paced (" + viewers + " viewers x 1 tick/s)", client, target, viewers, 1, seconds);
            run("saturated (8 senders, no pause)", client, target, 8, 0, seconds);
        }
        inProcess(Files.createTempDirectory("setlist-bench-direct"), 3000);
    }

    /**
     * The same path without HTTP, on one thread: parse the body, append to the H2 log (write-through),
     * learn user and item, apply to the ledger. What each event costs Setlist itself.
     */
    private static void inProcess(Path folder, int events) throws Exception {
        try (dev.setlist.plugin.store.Database database = dev.setlist.plugin.store.Database.openH2(folder)) {
            com.fasterxml.jackson.databind.ObjectMapper json = dev.setlist.plugin.server.JsonMapper.create();
            java.time.Clock clock = java.time.Clock.systemUTC();
            dev.setlist.plugin.store.JdbcEventLog log = new dev.setlist.plugin.store.JdbcEventLog(database.dataSource(), json, clock);
            dev.setlist.plugin.library.Library library = new dev.setlist.plugin.library.Library(
                    new dev.setlist.plugin.store.CatalogStore(database.dataSource(), json));
            dev.setlist.plugin.events.EventIngestor ingestor = new dev.setlist.plugin.events.EventIngestor(log,
                    new dev.setlist.plugin.store.UserStore(database.dataSource()), library, clock);
            dev.setlist.plugin.signals.InteractionLedger ledger = new dev.setlist.plugin.signals.InteractionLedger();
            ingestor.addListener(ledger::apply);
            dev.setlist.plugin.jellyfin.WebhookPayloadParser parser = new dev.setlist.plugin.jellyfin.WebhookPayloadParser(json);
            long[] parse = new long[events];
            long[] total = new long[events];
            for (int i = 0; i < events; i++) {
                byte[] body = body(i % 50, i / 50 + 10_000).getBytes(StandardCharsets.UTF_8);
                long start = System.nanoTime();
                var accepted = (dev.setlist.plugin.jellyfin.WebhookPayloadParser.Accepted) parser.parse(body, clock.instant());
                long parsed = System.nanoTime();
                ingestor.ingest(accepted.event(), "webhook", dev.setlist.plugin.events.DeliveryKey.of(accepted.stamped(), body),
                        new String(body, StandardCharsets.UTF_8));
                long end = System.nanoTime();
                parse[i] = parsed - start;
                total[i] = end - start;
            }
            long[] warm = Arrays.copyOfRange(total, events / 3, events);
            long[] warmParse = Arrays.copyOfRange(parse, events / 3, events);
            Arrays.sort(warm);
            Arrays.sort(warmParse);
            System.out.printf(Locale.ROOT, "%-36s %7d events: p50 %6.3f ms (parse %5.3f ms), p99 %6.3f ms; %5.0f events/s on one thread%n",
                    "in-process (parse + log + ledger)", warm.length, percentile(warm, 0.5), percentile(warmParse, 0.5),
                    percentile(warm, 0.99), warm.length / (Arrays.stream(warm).sum() / 1e9));
        }
    }

    /** {@code perSecond} 0 means as fast as possible. */
    private static void run(String name, HttpClient client, URI target, int senders, int perSecond, int seconds)
            throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<long[]> latencies = new ArrayList<>();
        AtomicLong failures = new AtomicLong();
        CountDownLatch done = new CountDownLatch(senders);
        long started = System.nanoTime();
        for (int sender = 0; sender < senders; sender++) {
            long[] own = new long[Math.max(16, seconds * (perSecond == 0 ? 20_000 : perSecond) + 16)];
            latencies.add(own);
            int viewer = sender;
            Thread thread = new Thread(() -> {
                int count = 0;
                long next = System.nanoTime() + (long) (Math.random() * 1e9);
                try {
                    for (int tick = 0; System.nanoTime() < end && count < own.length - 1; tick++) {
                        if (perSecond > 0) {
                            long wait = next - System.nanoTime();
                            if (wait > 0) {
                                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                            }
                            next += 1_000_000_000L / perSecond;
                            if (System.nanoTime() >= end) {
                                break;
                            }
                        }
                        long sent = System.nanoTime();
                        HttpResponse<Void> response = client.send(HttpRequest.newBuilder(target)
                                .header("Content-Type", "application/json").header("X-Setlist-Secret", SECRET)
                                .POST(HttpRequest.BodyPublishers.ofString(body(viewer, tick))).build(),
                                HttpResponse.BodyHandlers.discarding());
                        own[++count] = System.nanoTime() - sent;
                        if (response.statusCode() != 200) {
                            failures.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                } finally {
                    own[0] = count;
                    done.countDown();
                }
            });
            thread.start();
        }
        done.await();
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] all = latencies.stream().flatMapToLong(own -> Arrays.stream(own, 1, (int) own[0] + 1)).sorted().toArray();
        if (name.equals("warm-up")) {
            return;
        }
        System.out.printf(Locale.ROOT, "%-36s %7d events in %4.1f s = %7.0f events/s; ack p50 %6.2f ms, p99 %6.2f ms, max %6.1f ms; failures %d%n",
                name, all.length, elapsed, all.length / elapsed, percentile(all, 0.50), percentile(all, 0.99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6, failures.get());
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static String body(int viewer, int tick) {
        return String.format(Locale.ROOT, """
                {"ServerId":"9d3f0c55b6e84a4e8f7f0f2d0b1c2a3e","ServerName":"bench","ServerVersion":"10.11.11",
                 "NotificationType":"PlaybackProgress","Timestamp":"2026-11-20T22:41:07.1234567+01:00",
                 "UtcTimestamp":"2026-11-20T21:%02d:%02d.%07dZ","Name":"The Long Night","Overview":"Winter arrives.",
                 "ItemId":"c1a2b3d4e5f64a7b8c9d0e1f2a3b4c5d","ItemType":"Episode","RunTimeTicks":31200000000,
                 "RunTime":"00:52:00","Year":2011,"Genres":"Drama, Fantasy","SeriesName":"Northern Kingdoms",
                 "SeriesId":"aa11bb22cc334dd48ee5ff6677889900","SeasonNumber":8,"EpisodeNumber":3,
                 "PlaybackPositionTicks":%d,"PlaybackPosition":"00:17:00","IsPaused":false,"IsAutomated":true,
                 "DeviceId":"device-%d","DeviceName":"TV %d","ClientName":"Jellyfin Android TV","PlayMethod":"DirectPlay",
                 "Id":"%032d","UserId":"%032d","NotificationUsername":"viewer %d","Client":"Jellyfin Android TV"}
                """, tick / 60 % 60, tick % 60, viewer, tick * 10_000_000L, viewer, viewer, viewer + 1, viewer + 1, viewer);
    }
}
