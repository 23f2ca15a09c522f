package dev.setlist.plugin.events;

import dev.setlist.plugin.library.Library;
import dev.setlist.plugin.server.JsonMapper;
import dev.setlist.plugin.store.CatalogStore;
import dev.setlist.plugin.store.Database;
import dev.setlist.plugin.store.EventLog;
import dev.setlist.plugin.store.FullDisk;
import dev.setlist.plugin.store.JdbcEventLog;
import dev.setlist.plugin.store.UserStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventWriterTest {

    @TempDir
    Path folder;

    private static PlaybackEvent progress(String user, String item, long position) {
        return new PlaybackEvent(EventType.PLAYBACK_PROGRESS, Instant.parse("2026-11-28T20:00:00Z").plusSeconds(position),
                user, "Casey", item,
                new PlaybackEvent.ItemFacts("Film", "Movie", 6_000_000_000L, 2001, List.of("Drama"), null, null, null, null,
                        null, null),
                position * 10_000_000L, false, true, null, "s-" + user, "TV", "Web", null);
    }

    private static String key(int n) {
        return String.format(Locale.ROOT, "%064d", n);
    }

    @Test
    void concurrentCallersAreAnsweredOnlyOnceStoredAndListenersSeeSequenceOrder() throws Exception {
        int threads = 8;
        int each = 150;
        List<Long> seen = Collections.synchronizedList(new ArrayList<>());
        ConcurrentHashMap<String, Long> acknowledged = new ConcurrentHashMap<>();
        List<String> notYetStored = Collections.synchronizedList(new ArrayList<>());
        try (Database database = Database.openH2(folder)) {
            JdbcEventLog log = new JdbcEventLog(database.dataSource(), JsonMapper.create(), Clock.systemUTC());
            try (EventIngestor ingestor = new EventIngestor(log, new UserStore(database.dataSource()),
                    new Library(new CatalogStore(database.dataSource(), JsonMapper.create())), Clock.systemUTC())) {
                ingestor.addListener(stored -> seen.add(stored.seq()));
                List<Thread> senders = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    Thread sender = new Thread(() -> {
                        for (int i = 0; i < each; i++) {
                            String key = key(thread * 10_000 + i);
                            EventLog.Appended appended = ingestor.ingest(progress("u" + thread, "i" + (i % 7), i),
                                    "webhook", key, null);
                            // Answered: it must already be in the log.
                            if (log.find(key).orElse(-1) != appended.seq()) {
                                notYetStored.add(key);
                            }
                            acknowledged.put(key, appended.seq());
                        }
                    });
                    sender.start();
                    senders.add(sender);
                }
                for (Thread sender : senders) {
                    sender.join();
                }
                assertThat(notYetStored).as("answered before it was in the log").isEmpty();
                assertThat(ingestor.writerStats().committedEvents()).isEqualTo(threads * each);
            }
        }
        assertThat(acknowledged).hasSize(threads * each);
        assertThat(seen).as("listeners see every event once, in sequence order").hasSize(threads * each).isSorted();
        try (Database reopened = Database.openH2(folder)) {
            JdbcEventLog log = new JdbcEventLog(reopened.dataSource(), JsonMapper.create(), Clock.systemUTC());
            acknowledged.forEach((key, seq) -> assertThat(log.find(key)).as(key).hasValue(seq));
            assertThat(log.count()).isEqualTo(threads * each);
        }
    }

    @Test
    void theSameDeliveryTwiceIsStoredOnceWhetherOrNotItShareABatch() throws Exception {
        try (Database database = Database.openH2(folder)) {
            GatedLog gated = new GatedLog(new JdbcEventLog(database.dataSource(), JsonMapper.create(), Clock.systemUTC()));
            List<EventLog.Appended> told = Collections.synchronizedList(new ArrayList<>());
            try (EventWriter writer = new EventWriter(gated, new EventWriter.Settings(16, 16),
                    (deliveries, results) -> told.addAll(results))) {
                CompletableFuture<EventLog.Appended> blocker = writer.submit(delivery(0));
                gated.entered.await(5, TimeUnit.SECONDS);
                // The writer is held inside the first commit: these three wait together and share the next.
                CompletableFuture<EventLog.Appended> first = writer.submit(delivery(1));
                CompletableFuture<EventLog.Appended> again = writer.submit(delivery(1));
                CompletableFuture<EventLog.Appended> other = writer.submit(delivery(2));
                gated.release.countDown();

                assertThat(blocker.get(5, TimeUnit.SECONDS).duplicate()).isFalse();
                assertThat(first.get(5, TimeUnit.SECONDS).duplicate()).isFalse();
                assertThat(again.get(5, TimeUnit.SECONDS)).isEqualTo(new EventLog.Appended(first.get().seq(), true));
                assertThat(other.get(5, TimeUnit.SECONDS).seq()).isGreaterThan(first.get().seq());
                CompletableFuture<EventLog.Appended> later = writer.submit(delivery(1));
                assertThat(later.get(5, TimeUnit.SECONDS)).isEqualTo(new EventLog.Appended(first.get().seq(), true));
                assertThat(writer.stats().largestBatch()).isEqualTo(3);
                assertThat(gated.count()).isEqualTo(3);
            }
        }
    }

    @Test
    void aFullQueueRefusesAtOnceAndWhatWasQueuedIsStillStored() throws Exception {
        try (Database database = Database.openH2(folder)) {
            GatedLog gated = new GatedLog(new JdbcEventLog(database.dataSource(), JsonMapper.create(), Clock.systemUTC()));
            try (EventWriter writer = new EventWriter(gated, new EventWriter.Settings(2, 8), (deliveries, results) -> {
            })) {
                CompletableFuture<EventLog.Appended> held = writer.submit(delivery(0));
                gated.entered.await(5, TimeUnit.SECONDS);
                CompletableFuture<EventLog.Appended> a = writer.submit(delivery(1));
                CompletableFuture<EventLog.Appended> b = writer.submit(delivery(2));

                assertThatThrownBy(() -> writer.submit(delivery(3)))
                        .isInstanceOf(IngestionRefused.class)
                        .hasMessageContaining("2 events are already waiting")
                        .satisfies(e -> assertThat(((IngestionRefused) e).retryAfter()).isPositive());
                gated.release.countDown();
                for (CompletableFuture<EventLog.Appended> queued : List.of(held, a, b)) {
                    assertThat(queued.get(5, TimeUnit.SECONDS).duplicate()).isFalse();
                }
                assertThat(gated.find(key(3))).isEmpty();
                assertThat(writer.stats().refusedFull()).isEqualTo(1);
            }
        }
    }

    @Test
    void aCommitThatFailsIsRetriedOneByOneSoOnlyTheBadEventIsRefused() throws Exception {
        try (Database database = Database.openH2(folder)) {
            GatedLog gated = new GatedLog(new JdbcEventLog(database.dataSource(), JsonMapper.create(), Clock.systemUTC()));
            try (EventWriter writer = new EventWriter(gated, new EventWriter.Settings(16, 16), (deliveries, results) -> {
            })) {
                CompletableFuture<EventLog.Appended> held = writer.submit(delivery(0));
                gated.entered.await(5, TimeUnit.SECONDS);
                CompletableFuture<EventLog.Appended> good = writer.submit(delivery(1));
                // The source column holds 32 characters: this one cannot be stored.
                CompletableFuture<EventLog.Appended> bad = writer.submit(new EventLog.Delivery(progress("u", "i", 9),
                        "x".repeat(40), key(9), null));
                CompletableFuture<EventLog.Appended> alsoGood = writer.submit(delivery(2));
                gated.release.countDown();

                held.get(5, TimeUnit.SECONDS);
                assertThat(good.get(5, TimeUnit.SECONDS).duplicate()).isFalse();
                assertThat(alsoGood.get(5, TimeUnit.SECONDS).duplicate()).isFalse();
                assertThatThrownBy(() -> bad.get(5, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class)
                        .cause().isInstanceOf(IngestionRefused.class)
                        .hasMessageContaining("nothing was stored");
                assertThat(gated.find(key(9))).isEmpty();
                assertThat(gated.count()).isEqualTo(3);
                assertThat(writer.stats().refusedFailed()).isEqualTo(1);
                assertThat(writer.problems()).as("the commit after it succeeded: the log is writable").isEmpty();
            }
        }
    }

    @Test
    void closingWritesWhatIsQueuedAndRefusesWhatComesAfter() throws Exception {
        try (Database database = Database.openH2(folder)) {
            GatedLog gated = new GatedLog(new JdbcEventLog(database.dataSource(), JsonMapper.create(), Clock.systemUTC()));
            EventWriter writer = new EventWriter(gated, new EventWriter.Settings(16, 16), (deliveries, results) -> {
            });
            CompletableFuture<EventLog.Appended> held = writer.submit(delivery(0));
            gated.entered.await(5, TimeUnit.SECONDS);
            CompletableFuture<EventLog.Appended> queued = writer.submit(delivery(1));
            Thread closing = new Thread(writer::close);
            closing.start();
            gated.release.countDown();
            closing.join(10_000);

            assertThat(held.get(1, TimeUnit.SECONDS).duplicate()).isFalse();
            assertThat(queued.get(1, TimeUnit.SECONDS).duplicate()).isFalse();
            assertThatThrownBy(() -> writer.submit(delivery(2))).isInstanceOf(IngestionRefused.class);
            assertThat(gated.count()).isEqualTo(2);
        }
    }

    /**
     * The disk fills up under a running ingestion: events are refused with the store's reason (503 for the
     * webhook) and health says so, none that was acknowledged is lost, and once space returns new events are
     * taken again; reopened from the file, the log holds exactly the acknowledged events.
     */
    @Test
    void aFullDiskRefusesEventsClearlyAndIngestionRecoversWhenSpaceReturns() throws Exception {
        List<String> acknowledged = new ArrayList<>();
        try (Database database = Database.openJdbc(FullDisk.h2Url(folder), "", "")) {
            JdbcEventLog log = new JdbcEventLog(database.dataSource(), JsonMapper.create(), Clock.systemUTC());
            try (EventIngestor ingestor = new EventIngestor(log, new UserStore(database.dataSource()),
                    new Library(new CatalogStore(database.dataSource(), JsonMapper.create())), Clock.systemUTC())) {
                int n = 0;
                for (; n < 20; n++) {
                    ingestor.ingest(progress("u1", "i1", n), "webhook", key(n), null);
                    acknowledged.add(key(n));
                }
                FullDisk.full(true);
                int refused = 0;
                try {
                    for (int attempt = 0; attempt < 200 && refused == 0; attempt++, n++) {
                        try {
                            ingestor.ingest(progress("u1", "i1", n), "webhook", key(n), "x".repeat(4000));
                            acknowledged.add(key(n));
                        } catch (IngestionRefused e) {
                            refused++;
                            assertThat(e).hasMessageContaining("No space left on device").hasMessageContaining("nothing was stored");
                            assertThat(ingestor.problems()).singleElement().asString().contains("No space left on device");
                        }
                    }
                } finally {
                    FullDisk.full(false);
                }
                assertThat(refused).as("a full disk refuses events").isPositive();

                for (int later = 1000; later < 1005; later++) {
                    String key = key(later);
                    EventLog.Appended appended = recovering(() -> ingestor.ingest(progress("u1", "i1", 1000), "webhook",
                            key, null));
                    assertThat(appended.duplicate()).isFalse();
                    acknowledged.add(key);
                }
                assertThat(ingestor.problems()).as("healthy again once space returned").isEmpty();
            }
        }
        try (Database reopened = Database.openH2(folder)) {
            JdbcEventLog log = new JdbcEventLog(reopened.dataSource(), JsonMapper.create(), Clock.systemUTC());
            for (String key : acknowledged) {
                assertThat(log.find(key)).as(key).isPresent();
            }
            assertThat(log.count()).as("nothing but the acknowledged events").isEqualTo(acknowledged.size());
            List<Long> replayed = new ArrayList<>();
            log.replay(0, stored -> replayed.add(stored.seq()));
            assertThat(replayed).hasSize(acknowledged.size()).isSorted();
        }
    }

    /** The first event after space returns may still find the store reopening: it is refused, and sent again. */
    private static EventLog.Appended recovering(java.util.function.Supplier<EventLog.Appended> send) {
        IngestionRefused last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return send.get();
            } catch (IngestionRefused e) {
                last = e;
            }
        }
        throw last;
    }

    private static EventLog.Delivery delivery(int n) {
        return new EventLog.Delivery(progress("u1", "i1", n), "webhook", key(n), null);
    }

    /** The real log, whose first batch commit waits until the test releases it: the writer is then busy. */
    private static final class GatedLog implements EventLog {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final EventLog log;

        GatedLog(EventLog log) {
            this.log = log;
        }

        @Override
        public List<Appended> appendAll(List<Delivery> deliveries) {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return log.appendAll(deliveries);
        }

        @Override
        public Appended append(PlaybackEvent event, String source, String deliveryKey, String rawBody) {
            return log.append(event, source, deliveryKey, rawBody);
        }

        @Override
        public Appended appendAttributed(PlaybackEvent event, String personId, String source, String deliveryKey,
                                         String rawBody) {
            return log.appendAttributed(event, personId, source, deliveryKey, rawBody);
        }

        @Override
        public OptionalLong find(String deliveryKey) {
            return log.find(deliveryKey);
        }

        @Override
        public long count() {
            return log.count();
        }

        @Override
        public void replay(long afterSeq, Consumer<StoredEvent> consumer) {
            log.replay(afterSeq, consumer);
        }

        @Override
        public List<StoredEvent> forUser(String userId) {
            return log.forUser(userId);
        }

        @Override
        public List<StoredEvent> forPerson(String personId, Instant since, EventType type) {
            return log.forPerson(personId, since, type);
        }

        @Override
        public long deleteUser(String userId) {
            return log.deleteUser(userId);
        }

        @Override
        public long deletePerson(String personId) {
            return log.deletePerson(personId);
        }
    }
}
