package dev.setlist.plugin.taste;

import dev.setlist.plugin.signals.InteractionLedger;
import dev.setlist.plugin.signals.SignalSettings;
import dev.setlist.plugin.store.EventLog;
import dev.setlist.plugin.store.TasteResetStore;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The people who reset their taste and kept their history. Their history stays in the event log and the
 * main {@link InteractionLedger}, for their own statistics and insights; their recommendations read a
 * ledger of their own instead, fed only with the events that arrived after the reset. Everyone else's
 * taste is the main ledger's, so this holds nothing for them.
 *
 * <p>Thread-safe. Rebuilt from the log at start ({@link #rebuild}), then fed every new event ({@link #apply}).
 */
public final class FreshStarts {

    private final TasteResetStore store;
    private final InteractionLedger sinceReset;
    private final Map<String, TasteResetStore.Reset> resets = new ConcurrentHashMap<>();

    public FreshStarts(TasteResetStore store, SignalSettings settings) {
        this.store = store;
        this.sinceReset = new InteractionLedger(settings);
    }

    /** Loads the resets and replays the events after the earliest one into the fresh ledger. */
    public FreshStarts rebuild(EventLog log) {
        resets.clear();
        store.all().forEach(reset -> resets.put(reset.personId(), reset));
        resets.values().stream().mapToLong(TasteResetStore.Reset::afterSeq).min()
                .ifPresent(earliest -> log.replay(earliest, this::apply));
        return this;
    }

    /** Feeds one stored event (as its person's): kept when that person reset their taste before it. */
    public void apply(EventLog.StoredEvent stored) {
        String personId = stored.event().userId();
        TasteResetStore.Reset reset = personId == null ? null : resets.get(personId);
        if (reset != null && stored.seq() > reset.afterSeq()) {
            sinceReset.apply(stored);
        }
    }

    /** Starts {@code personId}'s taste again from the events after {@code afterSeq}. */
    public void start(String personId, long afterSeq, Instant at) {
        TasteResetStore.Reset reset = new TasteResetStore.Reset(personId, afterSeq, at);
        store.save(reset);
        sinceReset.forget(personId);
        resets.put(personId, reset);
    }

    /** Forgets a person's fresh start: their history was deleted, so all that is left counts. */
    public void forget(String personId) {
        store.forget(personId);
        resets.remove(personId);
        sinceReset.forget(personId);
    }

    /** When the person last reset their taste, if they did and kept their history. */
    public Optional<Instant> since(String personId) {
        return Optional.ofNullable(resets.get(personId)).map(TasteResetStore.Reset::at);
    }

    /** The interactions the person's taste is folded from: since their reset, or all of {@code ledger}'s. */
    public Map<String, InteractionLedger.Interaction> interactions(String personId, InteractionLedger ledger) {
        return resets.containsKey(personId) ? sinceReset.snapshot(personId) : ledger.snapshot(personId);
    }
}
