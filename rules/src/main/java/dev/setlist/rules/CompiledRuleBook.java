package dev.setlist.rules;

import dev.setlist.rules.guard.AllocationMeter;
import dev.setlist.rules.model.ActiveMode;
import dev.setlist.rules.model.Adjustment;
import dev.setlist.rules.model.Candidates;
import dev.setlist.rules.model.ArtistCap;
import dev.setlist.rules.model.ArtistSpacing;
import dev.setlist.rules.model.Curation;
import dev.setlist.rules.model.Exclusion;
import dev.setlist.rules.model.FeaturedCap;
import dev.setlist.rules.model.GenreCap;
import dev.setlist.rules.model.Item;
import dev.setlist.rules.model.KindCap;
import dev.setlist.rules.model.ListeningContext;
import dev.setlist.rules.model.Mode;
import dev.setlist.rules.model.OpenWith;
import dev.setlist.rules.model.PinItem;
import dev.setlist.rules.model.RelaxationOrder;
import dev.setlist.rules.model.RuleOutput;
import dev.setlist.rules.model.SeriesCap;
import dev.setlist.rules.model.SeriesSpacing;
import dev.setlist.rules.model.TimeBudget;
import dev.setlist.rules.model.Tuning;
import dev.setlist.rules.model.WildcardEvery;
import dev.setlist.scorer.candidates.Candidate;
import dev.setlist.scorer.sequencing.Constraint;
import dev.setlist.scorer.sequencing.ConstraintKind;
import dev.setlist.scorer.sequencing.Facet;
import dev.setlist.scorer.sequencing.Offer;
import dev.setlist.scorer.sequencing.Reason;
import org.kie.api.KieBase;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.ConsequenceException;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.Match;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A compiled, immutable rule book: a Drools {@link KieBase} built once and reused, evaluated in an
 * empty session per request (inserted, fired and read; nothing survives between requests). Sessions
 * come from a {@link SessionPool}: one that ran to the end is reset and reused, one stopped by a limit
 * or an exception is disposed.
 *
 * <p>After the rules, two always-on filters run in plain Java and cannot be switched off by any
 * rule file: hidden items are removed, and items above the parental ceiling (the profile's ceiling,
 * and the kids ceiling in kids mode) are removed; in kids mode, films and episodes with no known
 * rating are removed too. They also run when the rules fail.
 *
 * <p>Thread-safe and immutable; share freely. Built by {@link RuleCompiler}.
 */
public final class CompiledRuleBook implements RuleBook {

    /** The source named in exclusions made by the always-on filters. */
    public static final String ALWAYS_ON = "always on";
    /**
     * A context's parental ceiling at or below this age is a child's (the classification pack says the
     * same: kids are present): unrated films and episodes stay out in every mode, not only in kids mode.
     */
    public static final int CHILD_CEILING = 12;

    private final KieBase kieBase;
    private final String version;
    private final RuleLimits limits;
    private final Map<String, RuleLocation> ruleLocations;
    private final String releaseId;
    /** Reused sessions of {@link #kieBase}, shared by every relabelled copy of this book. */
    private final SessionPool sessions;

    CompiledRuleBook(KieBase kieBase, String version, RuleLimits limits, Map<String, RuleLocation> ruleLocations,
                     String releaseId) {
        this(kieBase, version, limits, ruleLocations, releaseId, new SessionPool(kieBase));
    }

    private CompiledRuleBook(KieBase kieBase, String version, RuleLimits limits,
                             Map<String, RuleLocation> ruleLocations, String releaseId, SessionPool sessions) {
        this.kieBase = Objects.requireNonNull(kieBase, "kieBase");
        this.sessions = sessions;
        this.version = Objects.requireNonNull(version, "version");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.ruleLocations = Map.copyOf(ruleLocations);
        this.releaseId = releaseId;
    }

    /** Where a rule is written, for reports. */
    record RuleLocation(String file, int line, int column) {
    }

    @Override
    public String version() {
        return version;
    }

    /** The same compiled rules under another version label (cheap; shares the knowledge base). */
    public CompiledRuleBook relabel(String newVersion) {
        return new CompiledRuleBook(kieBase, newVersion, limits, ruleLocations, releaseId, sessions);
    }

    /** The same compiled rules with other limits. */
    public CompiledRuleBook withLimits(RuleLimits newLimits) {
        return new CompiledRuleBook(kieBase, version, newLimits, ruleLocations, releaseId, sessions);
    }

    /** The Maven-style release id the book was built under (unique per build). */
    public String releaseId() {
        return releaseId;
    }

    /** Sessions kept for reuse right now (for tests). */
    int idleSessions() {
        return sessions.idle();
    }

    /** Names of all rules in the book, sorted. */
    public List<String> ruleNames() {
        return ruleLocations.keySet().stream().sorted().toList();
    }

    /** Where {@code ruleName} is written, as {@code file:line:column}, or null when unknown. */
    public String locationOf(String ruleName) {
        RuleLocation location = ruleLocations.get(ruleName);
        return location == null ? null : location.file() + ":" + location.line() + ":" + location.column();
    }

    @Override
    public RuleOutcome evaluate(ListeningContext context, Tuning tuning, List<Candidate> candidates, Curation curation) {
        long start = System.nanoTime();
        // Candidates by position (first occurrence of an id wins): per-candidate state below lives in
        // arrays indexed by that position, so the evaluation path hashes each id once.
        Positions positions = new Positions(candidates.size());
        List<Candidate> unique = new ArrayList<>(candidates.size());
        for (Candidate candidate : candidates) {
            if (positions.add(candidate.itemId(), unique.size())) {
                unique.add(candidate);
            }
        }
        int count = unique.size();
        Item[] items = new Item[count];
        java.time.Instant now = context.localTime().toInstant(java.time.ZoneOffset.UTC);
        for (int i = 0; i < count; i++) {
            items[i] = Item.of(unique.get(i), context, curation, tuning, now);
        }
        Session session = new Session(start + limits.timeLimit().toNanos());
        String failure = session.run(context, tuning, curation, items);
        List<String> notes = new ArrayList<>();

        Collected collected = failure == null ? session.collect(positions, curation, notes) : Collected.NOTHING;
        ModeDecision mode = failure == null ? session.mode(context, collected.modes(), notes) : fallbackMode(context);
        boolean[] excluded = new boolean[count];
        List<Exclusion> exclusions = new ArrayList<>(collected.exclusions().size() + 16);
        for (Exclusion exclusion : collected.exclusions()) {
            int position = positions.get(exclusion.itemId());
            if (position >= 0 && !excluded[position]) {
                excluded[position] = true;
                exclusions.add(exclusion);
            }
        }
        applyAlwaysOnFilters(context, tuning, mode.mode(), items, excluded, exclusions);

        List<Offer> offers = offers(unique, positions, collected.adjustments(), excluded);
        List<ConstraintKind> relaxationOrder = failure == null ? collected.relaxationOrder()
                : ConstraintKind.DEFAULT_RELAXATION_ORDER;
        return new RuleOutcome(version, mode, offers, exclusions, collected.adjustments(), collected.constraints(),
                relaxationOrder, List.copyOf(session.fired), session.firings, failure, notes, tuning,
                Duration.ofNanos(System.nanoTime() - start));
    }

    private static ModeDecision fallbackMode(ListeningContext context) {
        return context.mode() != null
                ? new ModeDecision(context.mode(), true, null, "chosen by the request")
                : new ModeDecision(Mode.EVERYDAY, false, null, "the rules failed; no mode was inferred");
    }

    private static void applyAlwaysOnFilters(ListeningContext context, Tuning tuning, Mode mode, Item[] items,
                                             boolean[] excluded, List<Exclusion> exclusions) {
        Integer ceiling = context.parentalCeiling();
        // A profile's own ceiling of a child's age keeps unrated films out even when a parent picked another mode.
        boolean childsCeiling = ceiling != null && ceiling <= CHILD_CEILING;
        if (mode == Mode.KIDS) {
            ceiling = ceiling == null ? tuning.kidsCeiling() : Math.min(ceiling, tuning.kidsCeiling());
        }
        for (int i = 0; i < items.length; i++) {
            if (excluded[i]) {
                continue;
            }
            Item item = items[i];
            String reason = null;
            if (item.hidden()) {
                reason = "hidden by the curator";
            } else if (ceiling != null && item.minimumAge() > ceiling) {
                reason = "rated " + item.rating() + ", above the parental ceiling of age " + ceiling;
            } else if (ceiling != null && item.minimumAge() < 0 && mode == Mode.KIDS
                    && item.kind() != dev.setlist.scorer.catalog.ItemProfile.ItemKind.TRACK) {
                reason = "no known rating, and kids mode offers only rated films and episodes";
            } else if (childsCeiling && item.minimumAge() < 0
                    && item.kind() != dev.setlist.scorer.catalog.ItemProfile.ItemKind.TRACK) {
                reason = "no known rating, and a child's profile sees only rated films and episodes, in any mode";
            }
            if (reason != null) {
                excluded[i] = true;
                exclusions.add(new Exclusion(item.id(), reason, ALWAYS_ON));
            }
        }
    }

    /**
     * The surviving candidates with their adjustments applied, best first (ties keep the candidates'
     * order). Each candidate's adjustments are chained through two int arrays rather than a map of
     * lists: most candidates have none or one.
     */
    private static List<Offer> offers(List<Candidate> unique, Positions positions,
                                      List<Adjustment> adjustments, boolean[] excluded) {
        int count = unique.size();
        int[] first = new int[count];
        int[] last = new int[count];
        java.util.Arrays.fill(first, -1);
        int[] next = new int[adjustments.size()];
        for (int a = 0; a < next.length; a++) {
            next[a] = -1;
            int position = positions.get(adjustments.get(a).itemId());
            if (position < 0) {
                continue;
            }
            if (first[position] < 0) {
                first[position] = a;
            } else {
                next[last[position]] = a;
            }
            last[position] = a;
        }
        Offer[] offers = new Offer[count];
        double[] scores = new double[count];
        ReasonTexts texts = new ReasonTexts();
        int kept = 0;
        for (int i = 0; i < count; i++) {
            if (excluded[i]) {
                continue;
            }
            Candidate candidate = unique.get(i);
            if (first[i] < 0) {
                scores[kept] = candidate.score();
                offers[kept++] = Offer.of(candidate);
                continue;
            }
            double score = candidate.score();
            List<Reason> reasons = new ArrayList<>(2);
            for (int a = first[i]; a >= 0; a = next[a]) {
                Adjustment adjustment = adjustments.get(a);
                // Multiplying a negative score by a boost would lower it: divide instead, so a boost always helps.
                score = score >= 0 ? score * adjustment.factor() : score / adjustment.factor();
                reasons.add(new Reason(adjustment.rule(), texts.of(adjustment.reason(), adjustment.factor())));
            }
            scores[kept] = score;
            offers[kept++] = new Offer(candidate.withScore(score), reasons);
        }
        return sortedByScore(offers, scores, kept);
    }

    /**
     * Each candidate id's position in the evaluation (first occurrence wins): open addressing over two
     * arrays, so that 500 ids cost no map entries and no boxed positions.
     */
    private static final class Positions {
        private final String[] ids;
        private final int[] positions;
        private final int mask;

        Positions(int expected) {
            int capacity = Integer.highestOneBit(Math.max(8, expected * 2) - 1) << 1;
            ids = new String[capacity];
            positions = new int[capacity];
            mask = capacity - 1;
        }

        /** Records {@code id} at {@code position} unless it is already known; returns whether it was new. */
        boolean add(String id, int position) {
            int slot = slot(id);
            for (String known = ids[slot]; known != null; known = ids[slot]) {
                if (known.equals(id)) {
                    return false;
                }
                slot = (slot + 1) & mask;
            }
            ids[slot] = id;
            positions[slot] = position;
            return true;
        }

        /** The position of {@code id}, or -1 when it is not a candidate. */
        int get(String id) {
            if (id == null) {
                return -1;
            }
            int slot = slot(id);
            for (String known = ids[slot]; known != null; known = ids[slot]) {
                if (known == id || known.equals(id)) {
                    return positions[slot];
                }
                slot = (slot + 1) & mask;
            }
            return -1;
        }

        private int slot(String id) {
            int hash = id.hashCode();
            return (hash ^ (hash >>> 16)) & mask;
        }
    }

    /**
     * A reason's text with its {@code " (boosted ×1.40)"} ending, made once per reason and factor in an
     * evaluation: a rule's reason is usually one string for every item it fires on, and hundreds of
     * adjustments share a handful of them. Reasons built per item (with a number in them) are made
     * each time, and at most {@link #LIMIT} are remembered.
     */
    private static final class ReasonTexts {
        private static final int LIMIT = 64;
        private final Map<String, Text> texts = new HashMap<>();
        private final double[] factors = new double[16];
        private final String[] suffixes = new String[16];
        private int size;

        private record Text(double factor, String text) {
        }

        String of(String reason, double factor) {
            Text known = texts.get(reason);
            if (known != null && known.factor() == factor) {
                return known.text();
            }
            String text = reason + suffix(factor);
            if (known == null && texts.size() < LIMIT) {
                texts.put(reason, new Text(factor, text));
            }
            return text;
        }

        private String suffix(double factor) {
            for (int i = 0; i < size; i++) {
                if (factors[i] == factor) {
                    return suffixes[i];
                }
            }
            String suffix = " (" + (factor >= 1 ? "boosted" : "buried") + " ×" + twoDecimals(factor) + ")";
            if (size < factors.length) {
                factors[size] = factor;
                suffixes[size++] = suffix;
            }
            return suffix;
        }
    }

    /**
     * The first {@code count} offers, highest score first, ties in their given order (a stable bottom-up
     * merge sort). Each score moves with its index, so a merge reads both runs front to back instead of
     * looking scores up through the index; two runs already in order are copied without comparing
     * (candidates usually arrive sorted, and only the adjusted ones move).
     */
    private static List<Offer> sortedByScore(Offer[] offers, double[] scores, int count) {
        double[] keys = java.util.Arrays.copyOf(scores, count);
        double[] keyBuffer = new double[count];
        int[] order = new int[count];
        int[] buffer = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        for (int width = 1; width < count; width *= 2) {
            for (int low = 0; low < count; low += 2 * width) {
                int middle = Math.min(low + width, count);
                int high = Math.min(low + 2 * width, count);
                if (middle >= high || Double.compare(keys[middle - 1], keys[middle]) >= 0) {
                    System.arraycopy(keys, low, keyBuffer, low, high - low);
                    System.arraycopy(order, low, buffer, low, high - low);
                    continue;
                }
                int left = low;
                int right = middle;
                for (int k = low; k < high; k++) {
                    // Take from the left run unless the right one is strictly better: that keeps ties in order.
                    if (left < middle && (right >= high || Double.compare(keys[left], keys[right]) >= 0)) {
                        keyBuffer[k] = keys[left];
                        buffer[k] = order[left++];
                    } else {
                        keyBuffer[k] = keys[right];
                        buffer[k] = order[right++];
                    }
                }
            }
            double[] swapKeys = keys;
            keys = keyBuffer;
            keyBuffer = swapKeys;
            int[] swap = order;
            order = buffer;
            buffer = swap;
        }
        Offer[] sorted = new Offer[count];
        for (int i = 0; i < count; i++) {
            sorted[i] = offers[order[i]];
        }
        return java.util.Arrays.asList(sorted);
    }

    /** {@code 1.2} as {@code "1.20"}: String.format is costly on the evaluation path. */
    static String twoDecimals(double value) {
        long hundredths = Math.round(value * 100);
        long fraction = Math.abs(hundredths % 100);
        return (hundredths < 0 && hundredths > -100 ? "-" : "") + hundredths / 100 + "." + (fraction < 10 ? "0" : "")
                + fraction;
    }

    /** What the rules left in working memory, sorted by kind, each output named after its rule. */
    private record Collected(List<Adjustment> adjustments, List<Exclusion> exclusions, List<Constraint> constraints,
                             List<ConstraintKind> relaxationOrder, List<Inserted> modes) {
        static final Collected NOTHING = new Collected(List.of(), List.of(), List.of(),
                ConstraintKind.DEFAULT_RELAXATION_ORDER, List.of());
    }

    /** One output or mode a rule inserted, with that rule's name (null when inserted outside a rule). */
    private record Inserted(FactHandle handle, Object fact, String rule) {
    }

    /** One evaluation's Drools session and what it collected. Not thread-safe; one per evaluation. */
    private final class Session {
        private final long deadline;
        /** Outputs and modes in insertion order; deleted ones are dropped when collected. */
        private final List<Inserted> inserted = new ArrayList<>(512);
        private Set<FactHandle> deleted;
        private final Set<String> fired = new LinkedHashSet<>();
        private int firings;
        private KieSession kieSession;

        Session(long deadline) {
            this.deadline = deadline;
        }

        /** Runs the rules; returns null, or why they stopped early. */
        String run(ListeningContext context, Tuning tuning, Curation curation, Item[] items) {
            kieSession = sessions.take();
            DefaultRuleRuntimeEventListener listener = null;
            String outcome = "not run";
            try {
                kieSession.insert(context);
                kieSession.insert(context.session());
                kieSession.insert(tuning);
                kieSession.insert(curation);
                if (context.mode() != null) {
                    kieSession.insert(new ActiveMode(context.mode(), true, "chosen by the request"));
                }
                for (Item item : items) {
                    kieSession.insert(item);
                }
                kieSession.insert(new Candidates(java.util.Arrays.asList(items)));
                // Listen only from here on: the facts inserted above are inputs, and skipping their
                // events saves a few hundred event objects per evaluation.
                listener = new DefaultRuleRuntimeEventListener() {
                    @Override
                    public void objectInserted(ObjectInsertedEvent event) {
                        Object object = event.getObject();
                        if (object instanceof RuleOutput || object instanceof ActiveMode) {
                            inserted.add(new Inserted(event.getFactHandle(), object,
                                    event.getRule() == null ? null : event.getRule().getName()));
                        }
                    }

                    @Override
                    public void objectDeleted(ObjectDeletedEvent event) {
                        Object object = event.getOldObject();
                        if (object instanceof RuleOutput || object instanceof ActiveMode) {
                            if (deleted == null) {
                                deleted = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
                            }
                            deleted.add(event.getFactHandle());
                        }
                    }
                };
                kieSession.addEventListener(listener);
                String[] stop = new String[1];
                long allocatedBefore = AllocationMeter.allocatedByThisThread();
                AgendaFilter guard = (Match match) -> {
                    String name = match.getRule().getName();
                    if (firings >= limits.maxFirings()) {
                        stop[0] = "stopped after " + limits.maxFirings() + " rule firings (the firing limit); rule '"
                                + name + "' was about to fire again: does a rule modify a fact it matches "
                                + "without no-loop?";
                    } else if (System.nanoTime() > deadline) {
                        stop[0] = "stopped at the time limit of " + limits.timeLimit().toMillis() + " ms before rule '"
                                + name + "'";
                    } else if (AllocationMeter.allocatedByThisThread() - allocatedBefore > limits.maxAllocatedBytes()) {
                        stop[0] = "stopped after allocating more than " + (limits.maxAllocatedBytes() >> 20)
                                + " MiB (the allocation limit) before rule '" + name + "': does a rule grow a value "
                                + "every time it fires?";
                    }
                    if (stop[0] != null) {
                        kieSession.halt();
                        return false;
                    }
                    firings++;
                    fired.add(name);
                    return true;
                };
                kieSession.fireAllRules(guard);
                outcome = stop[0];
            } catch (ConsequenceException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                String rule = e.getMatch() == null ? "?" : e.getMatch().getRule().getName();
                outcome = "rule '" + rule + "' failed: " + cause.getClass().getSimpleName()
                        + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
            } catch (RuntimeException | StackOverflowError | LinkageError | OutOfMemoryError e) {
                outcome = "the rules failed: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } finally {
                // Only a session that ran to the end is reset and reused; a stopped or failed one is disposed.
                boolean cleanly = outcome == null;
                if (listener != null && cleanly) {
                    kieSession.removeEventListener(listener);
                }
                sessions.giveBack(kieSession, cleanly);
            }
            return outcome;
        }

        /**
         * Every output still in working memory, in insertion order and named after the rule that
         * inserted it, sorted by kind in one pass: adjustments, exclusions, sequencing constraints
         * and the relaxation order; and the modes, for {@link #mode}.
         */
        Collected collect(Positions candidateIds, Curation curation, List<String> notes) {
            List<Adjustment> adjustments = new ArrayList<>(inserted.size());
            List<Exclusion> exclusions = new ArrayList<>();
            List<Constraint> constraints = new ArrayList<>();
            List<Inserted> modes = new ArrayList<>(2);
            List<ConstraintKind> order = ConstraintKind.DEFAULT_RELAXATION_ORDER;
            for (Inserted entry : inserted) {
                if (deleted != null && deleted.contains(entry.handle())) {
                    continue;
                }
                if (!(entry.fact() instanceof RuleOutput raw)) {
                    modes.add(entry);
                    continue;
                }
                RuleOutput output = raw.rule() != null ? raw
                        : raw.withRule(entry.rule() == null ? "(inserted outside a rule)" : entry.rule());
                String rule = output.rule();
                if (output instanceof Adjustment adjustment) {
                    adjustments.add(adjustment);
                } else if (output instanceof Exclusion exclusion) {
                    exclusions.add(exclusion);
                } else if (output instanceof GenreCap cap) {
                    constraints.add(new Constraint.GroupCap(Facet.GENRE, cap.genre(), cap.max(), rule));
                } else if (output instanceof KindCap cap) {
                    constraints.add(new Constraint.GroupCap(Facet.KIND, cap.kind().name(), cap.max(), rule));
                } else if (output instanceof SeriesCap cap) {
                    constraints.add(new Constraint.GroupCap(Facet.SERIES, null, cap.max(), rule));
                } else if (output instanceof ArtistCap cap) {
                    constraints.add(new Constraint.GroupCap(Facet.ARTIST, null, cap.max(), rule));
                } else if (output instanceof SeriesSpacing spacing) {
                    constraints.add(new Constraint.MinSpacing(Facet.SERIES, spacing.gap(), rule));
                } else if (output instanceof ArtistSpacing spacing) {
                    constraints.add(new Constraint.MinSpacing(Facet.ARTIST, spacing.gap(), rule));
                } else if (output instanceof TimeBudget budget) {
                    constraints.add(new Constraint.DurationBudget(budget.minutes(), rule));
                } else if (output instanceof WildcardEvery slots) {
                    constraints.add(new Constraint.WildcardSlots(slots.every(), rule));
                } else if (output instanceof PinItem pin) {
                    constraints.add(new Constraint.Pin(pin.itemId(), pin.position() - 1, rule));
                } else if (output instanceof FeaturedCap cap) {
                    Set<String> featured = new HashSet<>();
                    for (String id : curation.featured()) {
                        if (candidateIds.get(id) >= 0) {
                            featured.add(id);
                        }
                    }
                    constraints.add(new Constraint.SetCap("featured", featured, cap.max(), rule));
                } else if (output instanceof OpenWith opener) {
                    constraints.add(new Constraint.Opener(Set.of(opener.kind()), opener.maxMinutes(), rule));
                } else if (output instanceof RelaxationOrder relaxation) {
                    order = parseOrder(relaxation, notes);
                }
            }
            return new Collected(adjustments, exclusions, constraints, order, modes);
        }

        ModeDecision mode(ListeningContext context, List<Inserted> modes, List<String> notes) {
            ActiveMode chosen = null;
            String rule = null;
            for (Inserted entry : modes) {
                ActiveMode active = (ActiveMode) entry.fact();
                if (chosen == null) {
                    chosen = active;
                    rule = entry.rule();
                } else if (active.mode() != chosen.mode()) {
                    notes.add("more than one active mode (" + chosen.mode().key() + ", " + active.mode().key()
                            + "); the first one inserted counts");
                }
            }
            if (context.mode() != null) {
                return new ModeDecision(context.mode(), true, null, "chosen by the request");
            }
            if (chosen == null) {
                return new ModeDecision(Mode.EVERYDAY, false, null, "no rule inferred a mode");
            }
            return new ModeDecision(chosen.mode(), false, rule, chosen.reason());
        }

        private List<ConstraintKind> parseOrder(RelaxationOrder relaxation, List<String> notes) {
            List<ConstraintKind> order = new ArrayList<>();
            for (String label : relaxation.kinds().split(",")) {
                String normal = label.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
                if (normal.isEmpty()) {
                    continue;
                }
                try {
                    order.add(ConstraintKind.valueOf(normal));
                } catch (IllegalArgumentException e) {
                    notes.add("rule '" + relaxation.rule() + "' names an unknown constraint kind '" + label.strip()
                            + "' in its relaxation order; known: " + java.util.Arrays.stream(ConstraintKind.values())
                            .map(ConstraintKind::label).toList());
                }
            }
            return order;
        }
    }
}
