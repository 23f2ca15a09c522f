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
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps a {@link TasteModel} trained on everyone's interactions: once at start, then again in the
 * background after enough new events or when the catalog changed. Training never runs on a request
 * thread; requests use the last model and fold the person's newest history in. A failed training
 * leaves the previous model serving and is reported in health.
 *
 * <p>With {@link ModelSnapshots}, every trained model is saved crash-safely, and {@link #restoreLatest} serves the
 * newest complete snapshot at start (before any retraining), so a restart, or a crash in the middle of a save,
 * falls back to the last complete model. Retrainings are spaced by {@value #COOLDOWN_FACTOR} times the last
 * training's duration (at most {@link #MAX_COOLDOWN}), and never closer than the minimum spacing
 * ({@link #DEFAULT_MINIMUM_SPACING} unless told), so that a flood of events cannot keep a core retraining: a
 * webhook load of 2,000 events a second used to retrain 84 times a minute on a small library, which cost an
 * eighth of the server's CPU, while fold-in at request time already keeps each person's own vector fresh
 * between retrainings.
 *
 * <p>Thread-safe. {@link #close()} stops the background thread.
 */
public final class ModelTrainer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ModelTrainer.class);

    /**
     * The most one person's interaction with one item weighs in training (the influence cap): a film
     * finished twice and made a favourite weighs 1 + 1.5 + 2 = 4.5, so honest devotion stays under it,
     * while a thousand scripted plays of one item from one account (1 + 999 x 1.5 in the ledger) count
     * no more than that. Without it, one account could drag an item's vector, and so its rank for
     * everybody else, wherever it liked (docs/behaviours.md, "Manipulation").
     */
    public static final double DEFAULT_MAX_TRAINING_WEIGHT = 5.0;

    private final AlsSettings alsSettings;
    private final Library library;
    private final InteractionLedger ledger;
    private final PlayTimeline timeline;
    private final Clock clock;
    private final int retrainAfterEvents;
    private final double maxTrainingWeight;
    private final AtomicReference<TasteModel> current = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicReference<String> lastFailure = new AtomicReference<>();
    private volatile long changesAtTraining;
    private final java.util.concurrent.atomic.AtomicLong trainings = new java.util.concurrent.atomic.AtomicLong();
    private static final int COOLDOWN_FACTOR = 4;
    /**
     * The longest spacing (10 min): trainings up to two and a half minutes long keep their four-fold spacing, so
     * training takes at most a fifth of the machine however large the library (only longer ones take more).
     */
    private static final Duration MAX_COOLDOWN = Duration.ofMinutes(10);

    /**
     * The least time between the end of one training and the start of the next (10 s): the retraining
     * cadence under a flood of events (at most six a minute), whatever the trainings cost.
     */
    public static final Duration DEFAULT_MINIMUM_SPACING = Duration.ofSeconds(10);

    private final Duration minimumSpacing;

    private final ModelSnapshots snapshots;
    private final AtomicReference<String> lastSaveFailure = new AtomicReference<>();
    private volatile long nextTrainingNanos = System.nanoTime();
    private final ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "setlist-trainer");
        thread.setDaemon(true);
        return thread;
    });

    public ModelTrainer(AlsSettings alsSettings, Library library, InteractionLedger ledger, PlayTimeline timeline,
                        Clock clock, int retrainAfterEvents) {
        this(alsSettings, library, ledger, timeline, clock, retrainAfterEvents, null, DEFAULT_MAX_TRAINING_WEIGHT);
    }

    /**
     * A trainer that saves every model it trains to {@code snapshots} ({@code null}: none) and caps each
     * person's weight per item at {@code maxTrainingWeight} in training ({@link Double#POSITIVE_INFINITY}: no
     * cap). Fold-in at request time still sees a person's own full weights.
     */
    public ModelTrainer(AlsSettings alsSettings, Library library, InteractionLedger ledger, PlayTimeline timeline,
                        Clock clock, int retrainAfterEvents, ModelSnapshots snapshots, double maxTrainingWeight) {
        this(alsSettings, library, ledger, timeline, clock, retrainAfterEvents, snapshots, maxTrainingWeight,
                DEFAULT_MINIMUM_SPACING);
    }

    /**
     * As above, with retrainings in the background never closer than {@code minimumSpacing} to the previous
     * one's end ({@link Duration#ZERO}: spaced by the trainings' own cost only).
     */
    public ModelTrainer(AlsSettings alsSettings, Library library, InteractionLedger ledger, PlayTimeline timeline,
                        Clock clock, int retrainAfterEvents, ModelSnapshots snapshots, double maxTrainingWeight,
                        Duration minimumSpacing) {
        if (minimumSpacing.isNegative()) {
            throw new IllegalArgumentException("minimumSpacing must not be negative, was " + minimumSpacing);
        }
        this.minimumSpacing = minimumSpacing;
        if (!(maxTrainingWeight > 0)) {
            throw new IllegalArgumentException("maxTrainingWeight must be positive, was " + maxTrainingWeight);
        }
        this.snapshots = snapshots;
        this.maxTrainingWeight = maxTrainingWeight;
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

    /** Trainings finished since this trainer was made. */
    public long trainings() {
        return trainings.get();
    }

    /** Trains now, on this thread, and publishes the result. */
    public synchronized TasteModel trainNow() {
        Instant started = clock.instant();
        long seq = ledger.lastSeq();
        long changesSeen = ledger.changes();
        List<ItemProfile> catalog = byMedia(library.all());
        IdIndex items = IdIndex.of(catalog.stream().map(ItemProfile::id).toList());
        Interactions.Builder builder = Interactions.builder(new IdIndex(), items);
        for (String userId : ledger.users()) {
            builder.addUser(userId);
            ledger.snapshot(userId).values().forEach(interaction -> {
                if (interaction.weight() > 0 && items.indexOf(interaction.itemId()) >= 0) {
                    builder.add(userId, interaction.itemId(), (float) Math.min(interaction.weight(), maxTrainingWeight),
                            interaction.lastPlayed() == null ? 0 : interaction.lastPlayed().toEpochMilli());
                }
            });
        }
        Interactions data = builder.build();
        if (data.size() == 0) {
            log.info("no plays yet: the taste model waits for the first ones");
            return null;
        }
        long startedNanos = System.nanoTime();
        AlsModel trained = new AlsTrainer(alsSettings).fit(data);
        TasteModel taste = assemble(items, catalog, trained, started, data.size(), seq);
        current.set(taste);
        trainings.incrementAndGet();
        changesAtTraining = changesSeen;
        lastFailure.set(null);
        long tookNanos = System.nanoTime() - startedNanos;
        nextTrainingNanos = System.nanoTime() + spacingAfter(tookNanos, minimumSpacing.toNanos());
        log.info("taste model trained: {} interactions of {} people over {} items in {} ms",
                data.size(), data.userCount(), data.itemCount(), taste.trainingTime().toMillis());
        save(trained, items, taste);
        return taste;
    }

    /**
     * The catalog in model order: films and episodes first, then tracks, each part by id. A playlist holds one
     * media, so the items it may hold are contiguous and the candidate scan skips the other media's part
     * altogether instead of visiting and rejecting it item by item.
     */
    static List<ItemProfile> byMedia(List<ItemProfile> byId) {
        // A stable sort: within each media the order by id stays.
        return byId.stream().sorted(java.util.Comparator.comparing(item -> item.kind() == ItemProfile.ItemKind.TRACK))
                .toList();
    }

    /**
     * How long the trainer waits, after a training that took {@code tookNanos}, before the next one may start:
     * {@value #COOLDOWN_FACTOR} times the training (at most {@link #MAX_COOLDOWN}), and at least the minimum.
     */
    static long spacingAfter(long tookNanos, long minimumNanos) {
        return Math.max(minimumNanos, Math.min(MAX_COOLDOWN.toNanos(), COOLDOWN_FACTOR * tookNanos));
    }

    /** Nanoseconds until a retraining may start (0: it may start now). */
    long nanosUntilNextTraining() {
        return Math.max(0, nextTrainingNanos - System.nanoTime());
    }

    /** The content map, the next-item model and the candidate generator around trained iALS item vectors. */
    private TasteModel assemble(IdIndex items, List<ItemProfile> catalog, AlsModel trained, Instant started,
                                int interactions, long seq) {
        ContentModel content = new ContentTrainer(ContentSettings.defaults()).fit(catalog, trained);
        AlsModel model = content.withColdItems(trained);
        SessionModel sessions = new SessionTrainer(SessionSettings.defaults()).fit(sessionIndices(items), items.size());
        CandidateGenerator candidates = CandidateGenerator.builder(model, catalog).content(content).session(sessions).build();
        Duration took = Duration.between(started, clock.instant());
        return new TasteModel(items, catalog, model, content, candidates, clock.instant(), took, interactions, seq);
    }

    private void save(AlsModel trained, IdIndex items, TasteModel taste) {
        if (snapshots == null) {
            return;
        }
        List<String> ids = new ArrayList<>(items.size());
        for (int index = 0; index < items.size(); index++) {
            ids.add(items.idAt(index));
        }
        try {
            Path file = snapshots.save(trained, ids, taste.trainedAt(), taste.trainingTime(), taste.interactions(),
                    taste.lastSeq());
            lastSaveFailure.set(null);
            log.debug("taste model saved to {}", file);
        } catch (IOException | RuntimeException e) {
            lastSaveFailure.set(e.toString());
            log.warn("the taste model serves, but could not be saved (a restart would retrain): {}", e.toString());
        }
    }

    /**
     * Serves the newest complete snapshot, if there is one whose items the library still describes, and
     * schedules a retraining in the background when events arrived since it was trained (or the catalog
     * changed). Call at start, before {@link #trainNow}; returns whether a snapshot now serves.
     */
    public synchronized boolean restoreLatest() {
        if (snapshots == null) {
            return false;
        }
        Optional<ModelSnapshots.Snapshot> found = snapshots.latest(alsSettings);
        if (found.isEmpty()) {
            return false;
        }
        ModelSnapshots.Snapshot snapshot = found.get();
        List<ItemProfile> catalog = new ArrayList<>(snapshot.itemIds().size());
        for (String id : snapshot.itemIds()) {
            Optional<ItemProfile> item = library.find(id);
            if (item.isEmpty()) {
                log.info("model snapshot {} not used: item {} is no longer in the library", snapshot.file().getFileName(), id);
                return false;
            }
            catalog.add(item.get());
        }
        TasteModel restored = assemble(IdIndex.of(snapshot.itemIds()), catalog, snapshot.model(), clock.instant(),
                snapshot.interactions(), snapshot.lastSeq());
        current.set(new TasteModel(restored.items(), restored.catalog(), restored.model(), restored.content(),
                restored.candidates(), snapshot.trainedAt(), snapshot.trainingTime(), snapshot.interactions(),
                snapshot.lastSeq(), restored.tracks(), restored.series()));
        boolean behind = ledger.lastSeq() != snapshot.lastSeq() || library.size() != catalog.size();
        changesAtTraining = behind ? Long.MIN_VALUE / 2 : ledger.changes();
        log.info("taste model restored from snapshot {} (trained {}, up to event #{}; the log is at #{}){}",
                snapshot.file().getFileName(), snapshot.trainedAt(), snapshot.lastSeq(), ledger.lastSeq(),
                behind ? ": retraining in the background" : "");
        if (behind) {
            onEvent();
        }
        return true;
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

    /** Schedules a retraining on the background thread (spaced as usual), unless one is already waiting. */
    public void retrainSoon() {
        if (scheduled.compareAndSet(false, true)) {
            scheduleIn(Math.max(0, nextTrainingNanos - System.nanoTime()));
        }
    }

    private void scheduleIn(long nanos) {
        try {
            background.schedule(this::retrainWhenDue, nanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closed) {
            scheduled.set(false);
        }
    }

    /**
     * The scheduled retraining. The spacing is checked again here, not only when it was asked for: a retraining
     * asked for while another was running was computed from the spacing before that one, and would otherwise
     * follow it back to back.
     */
    private void retrainWhenDue() {
        long wait = nextTrainingNanos - System.nanoTime();
        if (wait > 0) {
            scheduleIn(wait);
            return;
        }
        scheduled.set(false);
        try {
            trainNow();
        } catch (RuntimeException e) {
            lastFailure.set(e.toString());
            log.error("retraining failed; the previous model keeps serving", e);
        }
    }

    /** Whether a retraining is scheduled and has not started yet. */
    boolean retrainingWaiting() {
        return scheduled.get();
    }

    /**
     * Problems to report in health: none, or why training failed. No model before the first plays is
     * not a problem: playlists then rank by what the library knows without taste.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        String failure = lastFailure.get();
        if (failure != null) {
            problems.add("last model training failed: " + failure);
        }
        String saveFailure = lastSaveFailure.get();
        if (saveFailure != null) {
            problems.add("the taste model could not be saved: " + saveFailure);
        }
        return problems;
    }

    @Override
    public void close() {
        background.shutdownNow();
    }
}
