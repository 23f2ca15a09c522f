package dev.setlist.plugin.taste;

import dev.setlist.plugin.library.Library;
import dev.setlist.plugin.signals.InteractionLedger;
import dev.setlist.plugin.signals.PlayTimeline;
import dev.setlist.scorer.als.AlsModel;
import dev.setlist.scorer.als.AlsSettings;
import dev.setlist.scorer.als.AlsTrainer;
import dev.setlist.scorer.candidates.CandidateGenerator;
import dev.setlist.scorer.catalog.ItemProfile;
import dev.setlist.scorer.content.ContentModel;
import dev.setlist.scorer.content.ContentSettings;
import dev.setlist.scorer.content.ContentTrainer;
import dev.setlist.scorer.data.IdIndex;
import dev.setlist.scorer.data.Interactions;
import dev.setlist.scorer.session.SessionModel;
import dev.setlist.scorer.session.SessionSettings;
import dev.setlist.scorer.session.SessionTrainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps a {@link TasteModel} trained on everyone's interactions: once at start, then again in the
 * background after enough new events or when the catalog changed. Training never runs on a request
 * thread; requests use the last model and fold the person's newest history in. A failed training
 * leaves the previous model serving and is reported in health.
 *
 * <p>Thread-safe. {@link #close()} stops the background thread.
 */
public final class ModelTrainer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ModelTrainer.class);

    private final AlsSettings alsSettings;
    private final Library library;
    private final InteractionLedger ledger;
    private final PlayTimeline timeline;
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

    public ModelTrainer(AlsSettings alsSettings, Library library, InteractionLedger ledger, PlayTimeline timeline,
                        Clock clock, int retrainAfterEvents) {
        this.alsSettings = alsSettings;
        this.library = library;
        this.ledger = ledger;
        this.timeline = timeline;
        this.clock = clock;
        this.retrainAfterEvents = retrainAfterEvents;
    }

    /** The model in use, or {@code null} before the first training. */
    public TasteModel current() {
        return current.get();
    }

    /** Trains now, on this thread, and publishes the result. */
    public synchronized TasteModel trainNow() {
        Instant started = clock.instant();
        long seq = ledger.lastSeq();
        long changesSeen = ledger.changes();
        List<ItemProfile> catalog = library.all();
        IdIndex items = IdIndex.of(catalog.stream().map(ItemProfile::id).toList());
        Interactions.Builder builder = Interactions.builder(new IdIndex(), items);
        for (String userId : ledger.users()) {
            builder.addUser(userId);
            ledger.snapshot(userId).values().forEach(interaction -> {
                if (interaction.weight() > 0 && items.indexOf(interaction.itemId()) >= 0) {
                    builder.add(userId, interaction.itemId(), (float) interaction.weight(),
                            interaction.lastPlayed() == null ? 0 : interaction.lastPlayed().toEpochMilli());
                }
            });
        }
        Interactions data = builder.build();
        if (data.size() == 0) {
            log.info("no plays yet: the taste model waits for the first ones");
            return null;
        }
        AlsModel trained = new AlsTrainer(alsSettings).fit(data);
        ContentModel content = new ContentTrainer(ContentSettings.defaults()).fit(catalog, trained);
        AlsModel model = content.withColdItems(trained);
        SessionModel sessions = new SessionTrainer(SessionSettings.defaults()).fit(sessionIndices(items), items.size());
        CandidateGenerator candidates = CandidateGenerator.builder(model, catalog).content(content).session(sessions).build();
        Duration took = Duration.between(started, clock.instant());
        TasteModel taste = new TasteModel(items, catalog, model, content, candidates, clock.instant(), took, data.size(), seq);
        current.set(taste);
        changesAtTraining = changesSeen;
        lastFailure.set(null);
        log.info("taste model trained: {} interactions of {} people over {} items in {} ms",
                data.size(), data.userCount(), data.itemCount(), took.toMillis());
        return taste;
    }

    private List<int[]> sessionIndices(IdIndex items) {
        List<int[]> sessions = new ArrayList<>();
        for (List<PlayTimeline.Play> session : timeline.sessions()) {
            int[] indices = session.stream().mapToInt(play -> items.indexOf(play.itemId())).filter(i -> i >= 0).toArray();
            if (indices.length > 1) {
                sessions.add(indices);
            }
        }
        return sessions;
    }

    /**
     * Called for every new event; schedules a background retraining once enough have arrived, or at
     * once when the catalog has items the model has not seen.
     */
    public void onEvent() {
        TasteModel model = current.get();
        // Counted in interaction changes, not events: a progress tick a second per viewer changes no weight.
        long behind = model == null ? Long.MAX_VALUE : ledger.changes() - changesAtTraining;
        boolean catalogGrew = model != null && library.size() != model.catalog().size();
        if (behind >= retrainAfterEvents || catalogGrew) {
            retrainSoon();
        }
    }

    /** Schedules a retraining on the background thread, unless one is already waiting. */
    public void retrainSoon() {
        if (scheduled.compareAndSet(false, true)) {
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

    /**
     * Problems to report in health: none, or why training failed. No model before the first plays is
     * not a problem: playlists then rank by what the library knows without taste.
     */
    public List<String> problems() {
        String failure = lastFailure.get();
        return failure == null ? List.of() : List.of("last model training failed: " + failure);
    }

    @Override
    public void close() {
        background.shutdownNow();
    }
}
