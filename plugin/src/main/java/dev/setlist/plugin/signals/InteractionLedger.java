package dev.setlist.plugin.signals;

import dev.setlist.plugin.events.EventType;
import dev.setlist.plugin.events.PlaybackEvent;
import dev.setlist.plugin.events.PlaybackEvent.UserDataFacts;
import dev.setlist.plugin.signals.Evidence.Discount;
import dev.setlist.plugin.store.EventLog;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Turns the event log into interactions: for each person and item, a confidence weight and whether
 * the item was finished, disliked, a favourite or liked, with the evidence behind it. Built by
 * replaying the log at start, then kept current by every new event; replaying the same log always
 * gives the same ledger.
 *
 * <p>Plays are reconstructed per device from start, progress and stop events ({@link Viewing}), then
 * counted by {@link SignalSettings}:
 * <ul>
 *   <li>a finished play (Jellyfin's {@code PlayedToCompletion}, or a stop past {@code completeFraction})
 *       weighs its kind's weight (a film more than an episode, an episode more than a track), and a
 *       finished play of something finished before weighs {@code rewatchBonus} more;</li>
 *   <li>a stop between the skip and completion thresholds (an abandon) weighs the fraction reached;</li>
 *   <li>a stop before {@code skipFraction} or {@code skipSeconds} is a skip and weighs nothing;</li>
 *   <li>going back within a play adds {@code seekBackBonus};</li>
 *   <li>a favourite adds {@code favouriteWeight} and a like {@code likeWeight} while they last; a
 *       dislike (a rating below 6.5 of 10, as Jellyfin derives {@code Likes}) sets the weight to zero and
 *       keeps the item out of playlists.</li>
 * </ul>
 * and discounted, each discount recorded with its reason:
 * <ul>
 *   <li>the sleepy viewer: in a chain of items autoplayed one after another on one device late at night
 *       (begun in the late-night window; autoplay may carry it past the window's end),
 *       with no pause, seek or rating, the items after the first {@code sleepyFreeItems} count
 *       {@code sleepyDecay} times the one before; and once the chain goes past them, which is the evidence
 *       that nobody was watching, the first {@code sleepyFreeItems} are discounted after the fact by
 *       {@code sleepyDecay} each (the viewer may have been asleep from the first). By default
 *       {@code sleepyDecay} is 0: such a chain counts nothing, because implicit ALS takes any weight above 0
 *       for a positive and only shrinks its confidence (docs/behaviours.md, Sleepy viewer);</li>
 *   <li>muted play, when the client says so;</li>
 *   <li>skipping ahead, when continuous progress reports show that most of the distance covered was
 *       jumped over rather than played.</li>
 * </ul>
 * Automated progress ticks (one a second per viewer) only move a play's position and clock.
 *
 * <p>Thread-safe: events for one person are applied one at a time; readers see a consistent snapshot
 * of a person.
 */
public final class InteractionLedger {

    /** Jellyfin derives {@code Likes} from the rating: 6.5 of 10 or more is a like. */
    static final double LIKE_RATING = 6.5;

    /** What one person did with one item. Immutable. */
    public record Interaction(String itemId, double weight, boolean finished, boolean disliked, boolean favourite,
                              boolean liked, int plays, Instant lastPlayed, int skips, List<Evidence> evidence) {
        public Interaction {
            if (!Double.isFinite(weight) || weight < 0) {
                throw new IllegalArgumentException("weight must be finite and not negative: " + weight);
            }
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }

        /** An interaction without evidence (for callers that build their own). */
        public Interaction(String itemId, double weight, boolean finished, boolean disliked, boolean favourite,
                           boolean liked, int plays, Instant lastPlayed) {
            this(itemId, weight, finished, disliked, favourite, liked, plays, lastPlayed, 0, List.of());
        }
    }

    private final SignalSettings settings;
    private final Map<String, PersonSignals> byUser = new ConcurrentHashMap<>();
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong lastSeq = new AtomicLong();
    private final AtomicLong changes = new AtomicLong();

    /** A ledger with the default settings. */
    public InteractionLedger() {
        this(SignalSettings.defaults());
    }

    public InteractionLedger(SignalSettings settings) {
        this.settings = settings;
    }

    /** Replays the whole log into a new ledger with the default settings. */
    public static InteractionLedger replay(EventLog log) {
        return replay(log, SignalSettings.defaults());
    }

    /** Replays the whole log into a new ledger. */
    public static InteractionLedger replay(EventLog log, SignalSettings settings) {
        InteractionLedger ledger = new InteractionLedger(settings);
        log.replay(0, ledger::apply);
        return ledger;
    }

    public SignalSettings settings() {
        return settings;
    }

    /** Applies one stored event. */
    public void apply(EventLog.StoredEvent stored) {
        PlaybackEvent event = stored.event();
        lastSeq.accumulateAndGet(stored.seq(), Math::max);
        if (event.userId() != null) {
            byUser.computeIfAbsent(event.userId(), id -> new PersonSignals(settings, changes)).apply(event);
        }
        applied.incrementAndGet();
    }

    /** Forgets everything about one person (their data was deleted). */
    public void forget(String userId) {
        byUser.remove(userId);
    }

    /** One person's interactions with a positive weight, most recent first. */
    public List<Interaction> positives(String userId) {
        return snapshot(userId).values().stream()
                .filter(interaction -> interaction.weight() > 0)
                .sorted(Comparator.comparing(Interaction::lastPlayed, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    /** Items never to offer this person again unasked: finished ones and disliked ones. */
    public Set<String> excluded(String userId) {
        return snapshot(userId).values().stream()
                .filter(interaction -> interaction.finished() || interaction.disliked())
                .map(Interaction::itemId)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** A copy of one person's interactions by item id. */
    public Map<String, Interaction> snapshot(String userId) {
        PersonSignals person = byUser.get(userId);
        return person == null ? Map.of() : person.snapshot();
    }

    /**
     * Every person with at least one event applied, in order of id. The order is part of the contract: the
     * trainer numbers people in this order and seeds each one's starting vector by that number, so the same
     * events give the same model in every run ({@code Set.copyOf} iterates in an order salted per JVM).
     */
    public SortedSet<String> users() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(byUser.keySet()));
    }

    /** Number of events applied since this ledger was made. */
    public long appliedEvents() {
        return applied.get();
    }

    /**
     * How many times an interaction changed since this ledger was made. Progress ticks and other events
     * that change no weight do not count, so a model need not be retrained for them.
     */
    public long changes() {
        return changes.get();
    }

    /** The highest log sequence number applied. */
    public long lastSeq() {
        return lastSeq.get();
    }

    /** One person's plays in progress, their recent plays per device, and their interactions. Guarded by itself. */
    private static final class PersonSignals {

        private final SignalSettings settings;
        private final AtomicLong changes;
        private final Map<String, ItemSignals> items = new HashMap<>();
        private final Map<String, Viewing> open = new HashMap<>();
        private final Map<String, Ended> lastEnded = new HashMap<>();
        private final Map<String, Interaction> published = new HashMap<>();
        /** Per device: the plays counted in full so far in the late-night chain going on there. */
        private final Map<String, List<Counted>> quietChain = new HashMap<>();

        PersonSignals(SignalSettings settings, AtomicLong changes) {
            this.settings = settings;
            this.changes = changes;
        }

        /** A play of a late-night chain counted in full, and its evidence, until the chain says otherwise. */
        private record Counted(ItemSignals item, Evidence evidence, int chainIndex) {
        }

        /** How the last play on a device ended, to tell whether the next one was autoplayed. */
        private record Ended(String itemId, Instant at, boolean finished, int chainIndex, boolean lateNight) {
        }

        synchronized Map<String, Interaction> snapshot() {
            return Map.copyOf(published);
        }

        synchronized void apply(PlaybackEvent event) {
            switch (event.type()) {
                case PLAYBACK_START -> start(event);
                case PLAYBACK_PROGRESS -> progress(event);
                case PLAYBACK_STOP -> stop(event);
                case USER_DATA_SAVED -> userData(event);
                default -> {
                    // Library events concern nobody's taste.
                }
            }
        }

        private static String device(PlaybackEvent event) {
            if (event.sessionId() != null) {
                return event.sessionId();
            }
            return event.deviceName() + "|" + event.clientName();
        }

        private void start(PlaybackEvent event) {
            String device = device(event);
            Viewing previous = open.remove(device);
            if (previous != null) {
                close(previous, device, event.occurredAt(), -1, null);
            }
            open.put(device, begin(event, device));
        }

        private Viewing begin(PlaybackEvent event, String device) {
            Ended before = lastEnded.get(device);
            boolean autoplayed = before != null && before.finished() && !before.itemId().equals(event.itemId())
                    && !event.occurredAt().isBefore(before.at())
                    && Duration.between(before.at(), event.occurredAt()).compareTo(settings.autoplayGap()) <= 0;
            int chainIndex = autoplayed ? before.chainIndex() + 1 : 1;
            LocalTime local = event.occurredAt().atZone(settings.zone()).toLocalTime();
            // A chain begun late at night stays late-night when autoplay carries it past the window's end.
            boolean lateNight = settings.isLateNight(local) || autoplayed && before.lateNight();
            return new Viewing(event, autoplayed, chainIndex, lateNight);
        }

        private Viewing current(PlaybackEvent event, String device) {
            Viewing viewing = open.get(device);
            if (viewing != null && !viewing.itemId.equals(event.itemId())) {
                open.remove(device);
                close(viewing, device, event.occurredAt(), -1, null);
                viewing = null;
            }
            if (viewing == null) {
                viewing = begin(event, device);
                open.put(device, viewing);
            }
            return viewing;
        }

        private void progress(PlaybackEvent event) {
            current(event, device(event)).progress(event, settings.seekBackSeconds());
        }

        private void stop(PlaybackEvent event) {
            String device = device(event);
            Viewing viewing = current(event, device);
            open.remove(device);
            close(viewing, device, event.occurredAt(), event.positionSeconds(), event.playedToCompletion());
        }

        /**
         * Ends a play and counts it.
         *
         * @param stopPosition the stop's position in seconds, or -1 when the stop did not say (or the play was
         *                     ended by the next one): then the last progress report tells, if there was one
         * @param completed    the server's {@code PlayedToCompletion}, or {@code null} when unknown
         */
        private void close(Viewing viewing, String device, Instant at, double stopPosition, Boolean completed) {
            if (stopPosition > 0) {
                viewing.advance(stopPosition, at, settings.seekBackSeconds());
            }
            double runtime = viewing.runtimeSeconds();
            double reached = stopPosition > 0 ? stopPosition : viewing.lastPosition();
            double fraction;
            if (Boolean.TRUE.equals(completed)) {
                fraction = 1.0;
            } else if (runtime > 0 && (stopPosition >= 0 || viewing.reports() > 0)) {
                fraction = Math.min(1.0, reached / runtime);
            } else {
                lastEnded.put(device, new Ended(viewing.itemId, at, false, 1, false));
                return;
            }
            boolean finished = Boolean.TRUE.equals(completed) || fraction >= settings.completeFraction();
            double played = viewing.measured() ? viewing.playedSeconds() : fraction * Math.max(runtime, 0);
            boolean skipped = !finished && (fraction < settings.skipFraction() || played < settings.skipSeconds());

            ItemSignals item = items.computeIfAbsent(viewing.itemId, ItemSignals::new);
            double full = settings.finishedWeight(viewing.itemType);
            Evidence.Kind kind;
            double base;
            String note;
            if (finished) {
                boolean rewatch = item.finished;
                kind = rewatch ? Evidence.Kind.REWATCHED : Evidence.Kind.FINISHED;
                base = full * (rewatch ? 1 + settings.rewatchBonus() : 1);
                note = rewatch ? "finished again" : "finished";
            } else if (skipped) {
                kind = Evidence.Kind.SKIPPED;
                base = 0;
                note = "stopped after " + percent(fraction) + " (" + Math.round(played) + " s played): a skip";
            } else {
                kind = Evidence.Kind.ABANDONED;
                base = full * fraction;
                note = "stopped at " + percent(fraction);
            }
            if (viewing.seekedBack() && !skipped) {
                base += full * settings.seekBackBonus();
                note += "; went back to see part again";
            }
            List<Discount> discounts = new ArrayList<>(2);
            double weight = base;
            if (base > 0 && viewing.measured() && viewing.coveredSeconds() > 0) {
                double ratio = viewing.playedSeconds() / viewing.coveredSeconds();
                if (ratio < settings.seekAheadRatio()) {
                    discounts.add(new Discount(Discount.Kind.SKIPPED_AHEAD, ratio, "played only " + percent(ratio)
                            + " of the part it went through; skipped ahead over the rest"));
                    weight *= ratio;
                }
            }
            if (base > 0 && viewing.mostlyMuted()) {
                discounts.add(new Discount(Discount.Kind.MUTED, settings.mutedFactor(),
                        "the player reported being muted: probably playing in the background"));
                weight *= settings.mutedFactor();
            }
            int chainIndex = viewing.interacted() ? 1 : viewing.chainIndex;
            if (base > 0 && viewing.lateNight && !viewing.interacted() && chainIndex > settings.sleepyFreeItems()) {
                double factor = Math.pow(settings.sleepyDecay(), chainIndex - settings.sleepyFreeItems());
                discounts.add(new Discount(Discount.Kind.SLEEPY_VIEWER, factor, "item " + chainIndex
                        + " autoplayed in a row late at night (" + settings.lateNightStart() + " to "
                        + settings.lateNightEnd() + ") with no pause, seek or rating: maybe asleep"));
                weight *= factor;
            }
            Evidence piece = new Evidence(at, kind, fraction, base, weight, discounts, note);
            item.record(piece, settings.evidenceLimit());
            item.playWeight += weight;
            item.plays++;
            item.finished |= finished;
            if (skipped) {
                item.skips++;
            }
            item.lastPlayed = at;
            lastEnded.put(device, new Ended(viewing.itemId, at, finished, chainIndex, viewing.lateNight));
            publish(item);
            followChain(device, item, piece, chainIndex, base > 0 && viewing.lateNight && !viewing.interacted());
        }

        /**
         * Keeps the plays a late-night chain counted in full; when the chain goes past {@code sleepyFreeItems},
         * discounts them after the fact: nobody touched anything for that long, so the viewer may well have
         * been asleep from the first item on (the simulated sleepy viewer falls asleep in the first).
         */
        private void followChain(String device, ItemSignals item, Evidence piece, int chainIndex, boolean quiet) {
            if (chainIndex == 1) {
                quietChain.remove(device);
            }
            if (!quiet) {
                return;
            }
            if (chainIndex <= settings.sleepyFreeItems()) {
                quietChain.computeIfAbsent(device, d -> new ArrayList<>()).add(new Counted(item, piece, chainIndex));
                return;
            }
            List<Counted> counted = quietChain.remove(device);
            if (counted == null) {
                return;
            }
            double factor = settings.sleepyDecay();
            for (Counted earlier : counted) {
                ItemSignals signals = earlier.item();
                Evidence before = earlier.evidence();
                double weight = before.weight() * factor;
                signals.playWeight = Math.max(0, signals.playWeight - (before.weight() - weight));
                List<Discount> discounts = new ArrayList<>(before.discounts());
                discounts.add(new Discount(Discount.Kind.SLEEPY_VIEWER, factor, "item " + earlier.chainIndex()
                        + " of a late-night autoplay chain that went on past " + settings.sleepyFreeItems()
                        + " items with no pause, seek or rating: maybe asleep from the start"));
                Evidence after = new Evidence(before.at(), before.kind(), before.fraction(), before.baseWeight(), weight,
                        discounts, before.note());
                signals.replace(before, after);
                publish(signals);
            }
        }

        private void userData(PlaybackEvent event) {
            UserDataFacts data = event.userData();
            if (data == null) {
                return;
            }
            ItemSignals item = items.computeIfAbsent(event.itemId(), ItemSignals::new);
            boolean changed = false;
            String reason = data.saveReason() == null ? "" : data.saveReason();
            double full = settings.finishedWeight(event.item().itemType());
            if (reason.equals("Import")) {
                changed |= imported(item, event, data, full);
            } else if (reason.equals("TogglePlayed") && data.played() != null && data.played() != item.markedPlayed) {
                item.markedPlayed = data.played();
                double weight = data.played() && !item.finished ? full * settings.importWeight() : 0;
                item.finished = data.played();
                item.playWeight += weight;
                item.record(new Evidence(event.occurredAt(), Evidence.Kind.MARKED_PLAYED, -1, weight, weight, List.of(),
                        data.played() ? "marked played by hand" : "marked unplayed: may be offered again"),
                        settings.evidenceLimit());
                changed = true;
            }
            if (data.favorite() != null && data.favorite() != item.favourite) {
                item.favourite = data.favorite();
                double delta = item.favourite ? settings.favouriteWeight() : -settings.favouriteWeight();
                item.record(new Evidence(event.occurredAt(), item.favourite ? Evidence.Kind.FAVOURITE
                        : Evidence.Kind.UNFAVOURITE, -1, delta, delta, List.of(),
                        item.favourite ? "marked a favourite" : "no longer a favourite"), settings.evidenceLimit());
                changed = true;
            }
            changed |= rating(item, event, data);
            if (reason.equals("UpdateUserRating") || reason.equals("TogglePlayed")) {
                for (Viewing viewing : open.values()) {
                    if (viewing.itemId.equals(event.itemId())) {
                        viewing.interacted("rated or marked it");
                    }
                }
            }
            if (changed) {
                publish(item);
            }
        }

        private boolean imported(ItemSignals item, PlaybackEvent event, UserDataFacts data, double full) {
            if (!Boolean.TRUE.equals(data.played()) || item.imported) {
                return false;
            }
            item.imported = true;
            int count = data.playCount() == null ? 1 : Math.max(1, data.playCount());
            double weight = full * settings.importWeight() * (1 + settings.rewatchBonus() * Math.min(count - 1, 3));
            item.playWeight += weight;
            item.plays += count;
            item.finished = true;
            item.lastPlayed = event.occurredAt();
            item.record(new Evidence(event.occurredAt(), Evidence.Kind.IMPORTED, 1.0, weight, weight, List.of(),
                    "played " + count + (count == 1 ? " time" : " times") + " before Setlist (from the server's history)"),
                    settings.evidenceLimit());
            return true;
        }

        /**
         * Like and dislike as Jellyfin derives them from the rating: 6.5 or more is a like, a rating
         * above 0 and below 6.5 a dislike, 0 (no rating) neither. {@code Likes} is false both for a
         * dislike and for no rating at all, so it alone never means a dislike.
         */
        private boolean rating(ItemSignals item, PlaybackEvent event, UserDataFacts data) {
            boolean liked;
            boolean disliked;
            if (data.rating() != null) {
                liked = data.rating() >= LIKE_RATING || Boolean.TRUE.equals(data.likes());
                disliked = !liked && data.rating() > 0;
            } else if (Boolean.TRUE.equals(data.likes())) {
                liked = true;
                disliked = false;
            } else {
                return false;
            }
            if (liked == item.liked && disliked == item.disliked) {
                return false;
            }
            Evidence.Kind kind = liked ? Evidence.Kind.LIKED : disliked ? Evidence.Kind.DISLIKED : Evidence.Kind.RATING_CLEARED;
            double delta = (liked ? settings.likeWeight() : 0) - (item.liked ? settings.likeWeight() : 0);
            item.liked = liked;
            item.disliked = disliked;
            String note = switch (kind) {
                case LIKED -> "liked";
                case DISLIKED -> "disliked: counts nothing and is left out of playlists";
                default -> "like or dislike removed";
            };
            item.record(new Evidence(event.occurredAt(), kind, -1, delta, delta, List.of(), note), settings.evidenceLimit());
            return true;
        }

        private void publish(ItemSignals item) {
            published.put(item.itemId, item.toInteraction(settings));
            changes.incrementAndGet();
        }
    }

    /** The running state of one person and one item. Guarded by the person's lock. */
    private static final class ItemSignals {
        final String itemId;
        double playWeight;
        boolean finished;
        boolean favourite;
        boolean liked;
        boolean disliked;
        boolean imported;
        boolean markedPlayed;
        int plays;
        int skips;
        Instant lastPlayed;
        final ArrayDeque<Evidence> evidence = new ArrayDeque<>();

        ItemSignals(String itemId) {
            this.itemId = itemId;
        }

        /** Replaces a piece of evidence by its corrected self, when it is still kept. */
        void replace(Evidence before, Evidence after) {
            List<Evidence> kept = new ArrayList<>(evidence);
            for (int k = 0; k < kept.size(); k++) {
                if (kept.get(k) == before) {
                    kept.set(k, after);
                    evidence.clear();
                    evidence.addAll(kept);
                    return;
                }
            }
        }

        void record(Evidence piece, int limit) {
            evidence.addLast(piece);
            while (evidence.size() > limit) {
                evidence.removeFirst();
            }
        }

        Interaction toInteraction(SignalSettings settings) {
            double weight = disliked ? 0 : playWeight + (favourite ? settings.favouriteWeight() : 0)
                    + (liked ? settings.likeWeight() : 0);
            return new Interaction(itemId, Math.max(0, weight), finished, disliked, favourite, liked, plays, lastPlayed,
                    skips, List.copyOf(evidence));
        }
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }
}
