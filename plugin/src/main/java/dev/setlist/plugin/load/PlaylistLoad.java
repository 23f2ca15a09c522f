package dev.setlist.plugin.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Playlists while everything else moves: {@code clients} threads ask for playlists back to back (closed
 * loop, people in turn) while an {@link IngestLoad} posts webhook events (whose finished plays make the
 * trainer retrain the model in the background) and the curator rule file in the watched rules folder is
 * rewritten every {@code ruleReloadEvery} (each a hot reload of the rule book). Every answer but a 200
 * playlist is an error; there should be none. Stops by itself after {@code duration}.
 *
 * <p>Thread-safe: {@link #run} starts and joins its own threads.
 */
public final class PlaylistLoad {

    /** The curator rule the load rewrites: a boost whose size changes with every reload. */
    private static final String RULE = """
            package curator
            import dev.setlist.rules.model.*

            rule "Load bench: documentaries up"
            when
                $item : Item( hasGenre("Documentary") )
            then
                insert(Adjustment.boost($item, %d, "load bench reload %d"));
            end
            """;

    /**
     * @param duration        how long
     * @param clients         concurrent playlist requests
     * @param ingest          the ingestion running beside them (its duration is this load's)
     * @param rulesFolder     the folder the server watches for curator rules
     * @param ruleReloadEvery how often the curator file is rewritten
     */
    public record Settings(Duration duration, int clients, IngestLoad.Settings ingest, Path rulesFolder,
                           Duration ruleReloadEvery) {
    }

    /**
     * @param requests    playlists asked for
     * @param errors      answers other than 200, or none
     * @param p50Millis   playlist latency, median
     * @param p99Millis   the 99th percentile
     * @param maxMillis   the worst
     * @param ruleWrites  times the curator rule file was rewritten
     * @param ingestion   what the ingestion beside it did
     * @param errorSamples the first few errors
     */
    public record Report(long requests, long errors, double p50Millis, double p99Millis, double maxMillis,
                         int ruleWrites, IngestLoad.Report ingestion, List<String> errorSamples) {

        public String summary() {
            return String.format(Locale.ROOT, "%d playlists, %d errors; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms; "
                    + "%d rule rewrites", requests, errors, p50Millis, p99Millis, maxMillis, ruleWrites);
        }
    }

    private final ObjectMapper json = new ObjectMapper();

    /** Writes the curator rule file once, so that the server starts with it (call before starting Setlist). */
    public static void writeRule(Path rulesFolder, int version) throws IOException {
        Files.createDirectories(rulesFolder);
        Path temporary = rulesFolder.resolve(".load-bench.drl.tmp");
        Files.writeString(temporary, String.format(Locale.ROOT, RULE, 10 + version % 40, version), StandardCharsets.UTF_8);
        Files.move(temporary, rulesFolder.resolve("load-bench.drl"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** The ids of the people Setlist knows, asked with the admin key. */
    public List<String> people(URI base, String adminKey) throws IOException {
        try (LoopbackClient client = new LoopbackClient(base, 30_000)) {
            LoopbackClient.Reply reply = client.send("GET", "/api/users", new String[] {"Authorization", "Bearer " + adminKey}, null);
            if (reply.status() != 200) {
                throw new IOException("GET /api/users answered " + reply.status() + ": " + reply.body());
            }
            List<String> ids = new ArrayList<>();
            for (JsonNode user : json.readTree(reply.body())) {
                ids.add(user.get("id").asText());
            }
            return ids;
        }
    }

    public Report run(URI base, String adminKey, String secret, List<String> people, Settings settings)
            throws InterruptedException {
        if (people.isEmpty()) {
            throw new IllegalArgumentException("no people to ask playlists for");
        }
        long end = System.nanoTime() + settings.duration().toNanos();
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ConcurrentLinkedQueue<String> samples = new ConcurrentLinkedQueue<>();
        List<Latencies> recorders = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        String[] headers = {"Authorization", "Bearer " + adminKey};
        for (int c = 0; c < settings.clients(); c++) {
            Latencies latencies = new Latencies();
            recorders.add(latencies);
            int offset = c;
            Thread thread = new Thread(() -> {
                try (LoopbackClient client = new LoopbackClient(base, 60_000)) {
                    for (int n = offset; System.nanoTime() < end; n += settings.clients()) {
                        String person = people.get(n % people.size());
                        long sent = System.nanoTime();
                        requests.incrementAndGet();
                        try {
                            LoopbackClient.Reply reply = client.send("GET", "/api/users/" + person + "/playlist?length=20",
                                    headers, null);
                            latencies.add(System.nanoTime() - sent);
                            if (reply.status() != 200 || !reply.body().contains("\"items\"")) {
                                errors.incrementAndGet();
                                note(samples, person + ": " + reply.status() + " " + reply.body());
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                            note(samples, person + ": " + e);
                        }
                    }
                }
            }, "load-playlists-" + c);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        AtomicReference<IngestLoad.Report> ingestion = new AtomicReference<>();
        Thread ingest = new Thread(() -> {
            try {
                ingestion.set(new IngestLoad().run(base, secret, settings.ingest()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "load-ingest");
        ingest.setDaemon(true);
        ingest.start();
        int writes = 0;
        while (System.nanoTime() + settings.ruleReloadEvery().toNanos() < end) {
            TimeUnit.NANOSECONDS.sleep(settings.ruleReloadEvery().toNanos());
            try {
                writeRule(settings.rulesFolder(), ++writes);
            } catch (IOException e) {
                note(samples, "could not rewrite the rule file: " + e);
            }
        }
        for (Thread thread : threads) {
            thread.join();
        }
        ingest.join();
        long[] sorted = Latencies.merge(recorders);
        return new Report(requests.get(), errors.get(), Latencies.millis(sorted, 0.5), Latencies.millis(sorted, 0.99),
                Latencies.millis(sorted, 1.0), writes, ingestion.get(), List.copyOf(samples));
    }

    private static void note(ConcurrentLinkedQueue<String> samples, String sample) {
        if (samples.size() < 5) {
            samples.add(sample.length() > 300 ? sample.substring(0, 300) : sample);
        }
    }
}
