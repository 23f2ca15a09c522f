package dev.setlist.plugin.taste;

import dev.setlist.plugin.library.Library;
import dev.setlist.plugin.signals.InteractionLedger;
import dev.setlist.scorer.Recommender;
import dev.setlist.scorer.RecommenderModel;
import dev.setlist.scorer.catalog.ItemProfile;
import dev.setlist.scorer.data.Interactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps a {@link TasteModel} trained on everyone's interactions: once at start, then again in the
 * background after enough new events. Training never runs on a request thread; requests use the last
 * model and fold the person's newest history in.
 *
 * <p>Thread-safe. {@link #close()} stops the background thread.
 */
public final class ModelTrainer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ModelTrainer.class);

    private final Recommender recommender;
    private final Library library;
    private final InteractionLedger ledger;
    private final Clock clock;
    private final int retrainAfterEvents;
    private final AtomicReference<TasteModel> current = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicReference<String> lastFailure = new AtomicReference<>();
    private volatile long changesAtTraining;
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "setlist-trainer");
        thread.setDaemon(true);
        return thread;
    });

    public ModelTrainer(Recommender recommender, Library library, InteractionLedger ledger, Clock clock,
                        int retrainAfterEvents) {
        this.recommender = recommender;
        this.library = library;
        this.ledger = ledger;
        this.clock = clock;
        this.retrainAfterEvents = retrainAfterEvents;
    }

    /** The model in use, or {@code null} before the first training succeeded. */
    public TasteModel current() {
        return current.get();
    }

    /** Trains now, on this thread, and publishes the result. */
    public TasteModel trainNow() {
        Instant started = clock.instant();
        long seq = ledger.lastSeq();
        long changesSeen = ledger.changes();
        List<ItemProfile> catalog = library.all();
        Interactions.Builder builder = Interactions.builder();
        for (ItemProfile item : catalog) {
            builder.addItem(item.id());
        }
        for (String userId : ledger.users()) {
            builder.addUser(userId);
            ledger.snapshot(userId).values().forEach(interaction -> {
                if (interaction.weight() > 0) {
                    builder.add(userId, interaction.itemId(), (float) interaction.weight(),
                            interaction.lastPlayed() == null ? 0 : interaction.lastPlayed().toEpochMilli());
                }
            });
        }
        Interactions data = builder.build();
        if (data.size() == 0) {
            log.info("no interactions yet: the taste model waits for the first plays");
            return null;
        }
        RecommenderModel model = recommender.fit(data);
        Duration took = Duration.between(started, clock.instant());
        TasteModel trained = new TasteModel(data.items(), model, clock.instant(), took, data.size(), seq);
        current.set(trained);
        changesAtTraining = changesSeen;
        lastFailure.set(null);
        log.info("taste model trained: {} on {} interactions of {} people over {} items in {} ms",
                recommender.name(), data.size(), data.userCount(), data.itemCount(), took.toMillis());
        return trained;
    }

    /** Called for every new event; schedules a background retraining once enough have arrived. */
    public void onEvent() {
        TasteModel model = current.get();
        // Counted in interaction changes, not events: a progress tick a second per viewer changes no weight.
        long behind = model == null ? ledger.changes() : ledger.changes() - changesAtTraining;
        if (behind >= retrainAfterEvents && scheduled.compareAndSet(false, true)) {
            background.execute(() -> {
                scheduled.set(false);
                try {
                    trainNow();
                } catch (RuntimeException e) {
                    lastFailure.set(e.toString());
                    log.error("retraining failed; the previous model keeps serving", e);
                }
            });
        }
    }

    /** Problems to report in health: none, or why the model is missing or stale. */
    public List<String> problems() {
        String failure = lastFailure.get();
        return failure == null ? List.of() : List.of("last model training failed: " + failure);
    }

    @Override
    public void close() {
        background.shutdownNow();
    }
}
