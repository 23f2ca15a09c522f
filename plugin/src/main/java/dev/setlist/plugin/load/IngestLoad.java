package dev.setlist.plugin.load;

import dev.setlist.plugin.events.DeliveryKey;
import dev.setlist.plugin.store.EventLog;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A bounded webhook load on loopback: {@code senders} threads, each one viewer of its own, post Jellyfin
 * "Send All Properties" bodies (a start, progress ticks, a stop that is finished two times in three) at a
 * fixed total rate for a fixed time, then stop by themselves. Open loop: each event has its scheduled
 * send time, and its acknowledgement latency is counted from that time, so a server that falls behind
 * is charged for the wait (no coordinated omission). Every 2xx answer's delivery key and sequence number
 * are kept for the loss check ({@link #missing}).
 *
 * <p>Thread-safe: {@link #run} starts and joins its own threads.
 */
public final class IngestLoad {

    /** Items the viewers play: few enough that the catalog stops growing after the first seconds. */
    private static final int ITEMS = 120;
    private static final int TICKS_PER_PLAY = 20;
    private static final Instant EPOCH = Instant.parse("2026-11-01T18:00:00Z");

    /**
     * @param ratePerSecond events per second, all senders together
     * @param duration      how long to send
     * @param senders       concurrent connections (one viewer each)
     * @param viewerOffset  first viewer number, so that two loads on one server are different people
     */
    public record Settings(int ratePerSecond, Duration duration, int senders, int viewerOffset) {
        public Settings {
            if (ratePerSecond < 1 || senders < 1 || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("rate, senders and duration must be positive");
            }
        }
    }

    /**
     * What happened.
     *
     * @param sent            requests sent
     * @param acknowledged    answered 2xx (stored, or a duplicate of a stored one)
     * @param refused         answered 503 with Retry-After (not stored, the sender may send again)
     * @param failed          any other answer, or no answer
     * @param seconds         from the first scheduled send to the last answer
     * @param p50Millis       acknowledgement latency, median, from the scheduled send time
     * @param p99Millis       the 99th percentile
     * @param maxMillis       the worst
     * @param acknowledgedSeq delivery key of every acknowledged event, with the sequence number it was given
     * @param failures        the first few failures, for the report
     * @param senderCpuSeconds CPU time the sender threads used (the generator's own cost, to tell apart from the
     *                        server's when both run in one process)
     * @param unsent          events that were due before the end but not sent, because the senders were still
     *                        waiting for answers: the server took less than the rate asked
     */
    public record Report(long sent, long acknowledged, long refused, long failed, double seconds, double p50Millis,
                         double p99Millis, double maxMillis, Map<String, Long> acknowledgedSeq, List<String> failures,
                         double senderCpuSeconds, long unsent) {

        public double eventsPerSecond() {
            return seconds == 0 ? 0 : acknowledged / seconds;
        }

        public String summary() {
            return String.format(Locale.ROOT, "%d sent, %d acknowledged in %.1f s = %.0f events/s; ack p50 %.2f ms, "
                            + "p99 %.2f ms, max %.1f ms; refused (503) %d, failed %d; not sent in time (server behind) %d",
                    sent, acknowledged, seconds, eventsPerSecond(), p50Millis, p99Millis, maxMillis, refused, failed, unsent);
        }
    }

    /** Runs the load against a Setlist at {@code base} whose webhook secret is {@code secret}. */
    public Report run(URI base, String secret, Settings settings) throws InterruptedException {
        long interval = settings.senders() * 1_000_000_000L / settings.ratePerSecond();
        long start = System.nanoTime() + 50_000_000L;
        long end = start + settings.duration().toNanos();
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicLong sent = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong lastAnswer = new AtomicLong(start);
        AtomicLong senderCpu = new AtomicLong();
        AtomicLong unsent = new AtomicLong();
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        List<Latencies> recorders = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        String[] headers = {"Content-Type", "application/json", "X-Setlist-Secret", secret};
        for (int s = 0; s < settings.senders(); s++) {
            Latencies latencies = new Latencies();
            recorders.add(latencies);
            int viewer = settings.viewerOffset() + s;
            long first = start + s * interval / settings.senders();
            Thread thread = new Thread(() -> {
                try (LoopbackClient client = new LoopbackClient(base, 40_000)) {
                    for (long n = 0; ; n++) {
                        long scheduled = first + n * interval;
                        // Ends on time even when the server fell behind: what was due but not sent is reported.
                        if (scheduled >= end || System.nanoTime() >= end) {
                            if (scheduled < end) {
                                unsent.addAndGet((end - scheduled + interval - 1) / interval);
                            }
                            senderCpu.addAndGet(Math.max(0, cpu.getCurrentThreadCpuTime()));
                            return;
                        }
                        long wait = scheduled - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        byte[] body = body(viewer, n);
                        sent.incrementAndGet();
                        try {
                            LoopbackClient.Reply reply = client.send("POST", "/webhook/jellyfin", headers, body);
                            long answered = System.nanoTime();
                            lastAnswer.accumulateAndGet(answered, Math::max);
                            long seq = reply.status() == 200 ? seqOf(reply.body()) : -1;
                            if (seq > 0) {
                                latencies.add(answered - scheduled);
                                // The key the server gives it: dated by the body's UtcTimestamp (DeliveryKey).
                                acknowledged.put(DeliveryKey.of(at(viewer, n), body), seq);
                            } else if (reply.status() == 503 && reply.retryAfter() != null) {
                                refused.incrementAndGet();
                            } else {
                                failed.incrementAndGet();
                                note(failures, reply.status() + " " + reply.body());
                            }
                        } catch (IOException e) {
                            failed.incrementAndGet();
                            note(failures, e.toString());
                        }
                    }
                }
            }, "load-sender-" + s);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long[] sorted = Latencies.merge(recorders);
        return new Report(sent.get(), acknowledged.size(), refused.get(), failed.get(),
                (lastAnswer.get() - start) / 1e9, Latencies.millis(sorted, 0.50), Latencies.millis(sorted, 0.99),
                Latencies.millis(sorted, 1.0), Map.copyOf(acknowledged), List.copyOf(failures), senderCpu.get() / 1e9,
                unsent.get());
    }

    private static void note(ConcurrentLinkedQueue<String> failures, String failure) {
        if (failures.size() < 5) {
            failures.add(failure.length() > 300 ? failure.substring(0, 300) : failure);
        }
    }

    /**
     * The acknowledged events that are not in {@code log} with the sequence number they were given: the
     * loss. Empty is the only acceptable answer.
     */
    public static List<String> missing(EventLog log, Map<String, Long> acknowledgedSeq) {
        List<String> missing = new ArrayList<>();
        acknowledgedSeq.forEach((key, seq) -> {
            if (log.find(key).orElse(-1) != seq) {
                missing.add(key + " (#" + seq + ")");
            }
        });
        return missing;
    }

    /**
     * The {@code "seq"} of a webhook's 200 answer ({@code {"seq":12,"duplicate":false}}), or -1 when it has none:
     * read by hand, without a JSON parser: the generator shares the cores with the server it measures.
     */
    static long seqOf(String answer) {
        int at = answer.indexOf("\"seq\":");
        if (at < 0) {
            return -1;
        }
        long seq = 0;
        int digits = 0;
        for (int i = at + 6; i < answer.length() && Character.isDigit(answer.charAt(i)); i++, digits++) {
            seq = seq * 10 + (answer.charAt(i) - '0');
        }
        return digits == 0 ? -1 : seq;
    }

    /** The user id of viewer {@code viewer} (N form). */
    public static String userId(int viewer) {
        return hexId("b0b0", viewer);
    }

    /**
     * Event {@code n} of a viewer: plays of {@value #TICKS_PER_PLAY} progress ticks between a start and a stop,
     * ten seconds apart in event time, each play on the next item. Every body is different (its timestamp).
     */
    static byte[] body(int viewer, long n) {
        long play = n / (TICKS_PER_PLAY + 2);
        int step = (int) (n % (TICKS_PER_PLAY + 2));
        String type = step == 0 ? "PlaybackStart" : step == TICKS_PER_PLAY + 1 ? "PlaybackStop" : "PlaybackProgress";
        boolean finished = play % 3 != 2;
        long runTicks = 24_000_000_000L;
        long position = step == TICKS_PER_PLAY + 1
                ? (finished ? runTicks : runTicks / 4)
                : step * runTicks / (TICKS_PER_PLAY + 2) / (finished ? 1 : 4);
        int item = (int) ((viewer * 7L + play) % ITEMS);
        Instant at = at(viewer, n);
        // Appended, not String.format: the generator shares the cores with the server it measures.
        StringBuilder json = new StringBuilder(720)
                .append("{\"NotificationType\":\"").append(type)
                .append("\",\"UtcTimestamp\":\"").append(at)
                .append("\",\"UserId\":\"").append(userId(viewer))
                .append("\",\"NotificationUsername\":\"viewer ").append(viewer)
                .append("\",\"ItemId\":\"").append(hexId("17e0", item + 1))
                .append("\",\"ItemType\":\"Episode\",\"Name\":\"Episode ").append(item + 1)
                .append("\",\"SeriesName\":\"Bench Series ").append(item % 12)
                .append("\",\"SeriesId\":\"").append(hexId("5e1e", item % 12))
                .append("\",\"SeasonNumber\":1,\"EpisodeNumber\":").append(item % 20 + 1)
                .append(",\"Genres\":\"")
                .append(item % 3 == 0 ? "Drama, Fantasy" : item % 3 == 1 ? "Comedy" : "Documentary, History")
                .append("\",\"Year\":2019,\"RunTimeTicks\":").append(runTicks)
                .append(",\"PlaybackPositionTicks\":").append(position)
                .append(",\"IsPaused\":false,\"IsAutomated\":").append(type.equals("PlaybackProgress"))
                .append(",\"PlayedToCompletion\":").append(type.equals("PlaybackStop") && finished)
                .append(",\"DeviceId\":\"bench-device-").append(viewer)
                .append("\",\"DeviceName\":\"TV ").append(viewer)
                .append("\",\"ClientName\":\"Jellyfin Web\"}");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The {@code UtcTimestamp} of event {@code n} of a viewer. */
    static Instant at(int viewer, long n) {
        return EPOCH.plusSeconds(n * 10L).plusNanos(viewer * 100L);
    }

    /** A 32-digit N-form id: the prefix, then {@code number} in hex, zero-padded. */
    private static String hexId(String prefix, long number) {
        String hex = Long.toHexString(number);
        StringBuilder id = new StringBuilder(32).append(prefix);
        for (int pad = 32 - prefix.length() - hex.length(); pad > 0; pad--) {
            id.append('0');
        }
        return id.append(hex).toString();
    }
}
