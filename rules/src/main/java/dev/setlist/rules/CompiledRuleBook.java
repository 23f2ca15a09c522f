package dev.setlist.rules;

import dev.setlist.rules.guard.AllocationMeter;
import dev.setlist.rules.model.ActiveMode;
import dev.setlist.rules.model.Adjustment;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A compiled, immutable rule book: a Drools {@link KieBase} built once and reused, evaluated in a
 * fresh session per request (inserted, fired, read and disposed; nothing survives between requests).
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

    CompiledRuleBook(KieBase kieBase, String version, RuleLimits limits, Map<String, RuleLocation> ruleLocations,
                     String releaseId) {
        this.kieBase = Objects.requireNonNull(kieBase, "kieBase");
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
        return new CompiledRuleBook(kieBase, newVersion, limits, ruleLocations, releaseId);
    }

    /** The same compiled rules with other limits. */
    public CompiledRuleBook withLimits(RuleLimits newLimits) {
        return new CompiledRuleBook(kieBase, version, newLimits, ruleLocations, releaseId);
    }

    /** The Maven-style release id the book was built under (unique per build). */
    public String releaseId() {
        return releaseId;
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
        Map<String, Candidate> byId = new LinkedHashMap<>();
        for (Candidate candidate : candidates) {
            byId.putIfAbsent(candidate.itemId(), candidate);
        }
        Map<String, Item> items = new LinkedHashMap<>(byId.size() * 2);
        java.time.Instant now = context.localTime().toInstant(java.time.ZoneOffset.UTC);
        for (Candidate candidate : byId.values()) {
            items.put(candidate.itemId(), Item.of(candidate, context, curation, now));
        }
        Session session = new Session(start + limits.timeLimit().toNanos());
        String failure = session.run(context, tuning, curation, items.values());
        List<String> notes = new ArrayList<>();

        ModeDecision mode = failure == null ? session.mode(context, notes) : fallbackMode(context);
        List<Adjustment> adjustments = failure == null ? session.outputs(Adjustment.class) : List.of();
        List<Exclusion> exclusions = new ArrayList<>(failure == null ? session.outputs(Exclusion.class) : List.of());
        Set<String> excluded = new HashSet<>();
        exclusions.removeIf(exclusion -> !byId.containsKey(exclusion.itemId()) || !excluded.add(exclusion.itemId()));
        applyAlwaysOnFilters(context, tuning, mode.mode(), items, excluded, exclusions);

        List<Offer> offers = offers(byId, adjustments, excluded);
        List<Constraint> constraints = new ArrayList<>();
        List<ConstraintKind> relaxationOrder = ConstraintKind.DEFAULT_RELAXATION_ORDER;
        if (failure == null) {
            relaxationOrder = session.constraints(curation, byId.keySet(), constraints, notes);
        }
        return new RuleOutcome(version, mode, offers, exclusions, adjustments, constraints, relaxationOrder,
                List.copyOf(session.fired), session.firings, failure, notes, tuning,
                Duration.ofNanos(System.nanoTime() - start));
    }

    private static ModeDecision fallbackMode(ListeningContext context) {
        return context.mode() != null
                ? new ModeDecision(context.mode(), true, null, "chosen by the request")
                : new ModeDecision(Mode.EVERYDAY, false, null, "the rules failed; no mode was inferred");
    }

    private static void applyAlwaysOnFilters(ListeningContext context, Tuning tuning, Mode mode, Map<String, Item> items,
                                             Set<String> excluded, List<Exclusion> exclusions) {
        Integer ceiling = context.parentalCeiling();
        // A profile's own ceiling of a child's age keeps unrated films out even when a parent picked another mode.
        boolean childsCeiling = ceiling != null && ceiling <= CHILD_CEILING;
        if (mode == Mode.KIDS) {
            ceiling = ceiling == null ? tuning.kidsCeiling() : Math.min(ceiling, tuning.kidsCeiling());
        }
        for (Item item : items.values()) {
            if (excluded.contains(item.id())) {
                continue;
            }
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
                excluded.add(item.id());
                exclusions.add(new Exclusion(item.id(), reason, ALWAYS_ON));
            }
        }
    }

    private static List<Offer> offers(Map<String, Candidate> byId, List<Adjustment> adjustments, Set<String> excluded) {
        Map<String, List<Adjustment>> byItem = new HashMap<>();
        for (Adjustment adjustment : adjustments) {
            byItem.computeIfAbsent(adjustment.itemId(), id -> new ArrayList<>()).add(adjustment);
        }
        List<Offer> offers = new ArrayList<>(byId.size());
        for (Candidate candidate : byId.values()) {
            if (excluded.contains(candidate.itemId())) {
                continue;
            }
            List<Adjustment> own = byItem.getOrDefault(candidate.itemId(), List.of());
            if (own.isEmpty()) {
                offers.add(Offer.of(candidate));
                continue;
            }
            double score = candidate.score();
            List<Reason> reasons = new ArrayList<>(own.size());
            for (Adjustment adjustment : own) {
                // Multiplying a negative score by a boost would lower it: divide instead, so a boost always helps.
                score = score >= 0 ? score * adjustment.factor() : score / adjustment.factor();
                String verb = adjustment.factor() >= 1 ? "boosted" : "buried";
                reasons.add(new Reason(adjustment.rule(), adjustment.reason() + " (" + verb + " ×"
                        + twoDecimals(adjustment.factor()) + ")"));
            }
            offers.add(new Offer(candidate.withScore(score), reasons));
        }
        offers.sort((left, right) -> Double.compare(right.candidate().score(), left.candidate().score()));
        return offers;
    }

    /** {@code 1.2} as {@code "1.20"}: String.format is costly on the evaluation path. */
    static String twoDecimals(double value) {
        long hundredths = Math.round(value * 100);
        long fraction = Math.abs(hundredths % 100);
        return (hundredths < 0 && hundredths > -100 ? "-" : "") + hundredths / 100 + "." + (fraction < 10 ? "0" : "")
                + fraction;
    }

    /** One evaluation's Drools session and what it collected. Not thread-safe; one per evaluation. */
    private final class Session {
        private final long deadline;
        private final Map<FactHandle, String> outputRules = new IdentityHashMap<>(1024);
        private final Map<FactHandle, Object> outputs = new LinkedHashMap<>(1024);
        private final Set<String> fired = new LinkedHashSet<>();
        private int firings;
        private KieSession kieSession;

        Session(long deadline) {
            this.deadline = deadline;
        }

        /** Runs the rules; returns null, or why they stopped early. */
        String run(ListeningContext context, Tuning tuning, Curation curation, Iterable<Item> items) {
            kieSession = kieBase.newKieSession();
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
                // Listen only from here on: the facts inserted above are inputs, and skipping their
                // events saves a few hundred event objects per evaluation.
                kieSession.addEventListener(new DefaultRuleRuntimeEventListener() {
                    @Override
                    public void objectInserted(ObjectInsertedEvent event) {
                        Object object = event.getObject();
                        if (object instanceof RuleOutput || object instanceof ActiveMode) {
                            outputs.put(event.getFactHandle(), object);
                            if (event.getRule() != null) {
                                outputRules.put(event.getFactHandle(), event.getRule().getName());
                            }
                        }
                    }

                    @Override
                    public void objectDeleted(ObjectDeletedEvent event) {
                        outputs.remove(event.getFactHandle());
                    }
                });
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
                return stop[0];
            } catch (ConsequenceException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                String rule = e.getMatch() == null ? "?" : e.getMatch().getRule().getName();
                return "rule '" + rule + "' failed: " + cause.getClass().getSimpleName()
                        + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
            } catch (RuntimeException | StackOverflowError | LinkageError | OutOfMemoryError e) {
                return "the rules failed: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } finally {
                kieSession.dispose();
            }
        }

        private List<RuleOutput> named;

        /** Every output still in working memory, named after the rule that inserted it (computed once). */
        private List<RuleOutput> named() {
            if (named == null) {
                named = new ArrayList<>(outputs.size());
                for (Map.Entry<FactHandle, Object> entry : outputs.entrySet()) {
                    if (entry.getValue() instanceof RuleOutput output) {
                        named.add(output.rule() != null ? output
                                : output.withRule(outputRules.getOrDefault(entry.getKey(), "(inserted outside a rule)")));
                    }
                }
            }
            return named;
        }

        <T extends RuleOutput> List<T> outputs(Class<T> type) {
            List<T> found = new ArrayList<>();
            for (RuleOutput output : named()) {
                if (type.isInstance(output)) {
                    found.add(type.cast(output));
                }
            }
            return found;
        }

        ModeDecision mode(ListeningContext context, List<String> notes) {
            ActiveMode chosen = null;
            String rule = null;
            for (Map.Entry<FactHandle, Object> entry : outputs.entrySet()) {
                if (entry.getValue() instanceof ActiveMode active) {
                    if (chosen == null) {
                        chosen = active;
                        rule = outputRules.get(entry.getKey());
                    } else if (active.mode() != chosen.mode()) {
                        notes.add("more than one active mode (" + chosen.mode().key() + ", " + active.mode().key()
                                + "); the first one inserted counts");
                    }
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

        List<ConstraintKind> constraints(Curation curation, Set<String> candidateIds, List<Constraint> into,
                                         List<String> notes) {
            List<ConstraintKind> order = ConstraintKind.DEFAULT_RELAXATION_ORDER;
            for (RuleOutput output : named()) {
                String rule = output.rule();
                if (output instanceof GenreCap cap) {
                    into.add(new Constraint.GroupCap(Facet.GENRE, cap.genre(), cap.max(), rule));
                } else if (output instanceof KindCap cap) {
                    into.add(new Constraint.GroupCap(Facet.KIND, cap.kind().name(), cap.max(), rule));
                } else if (output instanceof SeriesCap cap) {
                    into.add(new Constraint.GroupCap(Facet.SERIES, null, cap.max(), rule));
                } else if (output instanceof ArtistCap cap) {
                    into.add(new Constraint.GroupCap(Facet.ARTIST, null, cap.max(), rule));
                } else if (output instanceof SeriesSpacing spacing) {
                    into.add(new Constraint.MinSpacing(Facet.SERIES, spacing.gap(), rule));
                } else if (output instanceof ArtistSpacing spacing) {
                    into.add(new Constraint.MinSpacing(Facet.ARTIST, spacing.gap(), rule));
                } else if (output instanceof TimeBudget budget) {
                    into.add(new Constraint.DurationBudget(budget.minutes(), rule));
                } else if (output instanceof WildcardEvery slots) {
                    into.add(new Constraint.WildcardSlots(slots.every(), rule));
                } else if (output instanceof PinItem pin) {
                    into.add(new Constraint.Pin(pin.itemId(), pin.position() - 1, rule));
                } else if (output instanceof FeaturedCap cap) {
                    Set<String> featured = new HashSet<>(curation.featured());
                    featured.retainAll(candidateIds);
                    into.add(new Constraint.SetCap("featured", featured, cap.max(), rule));
                } else if (output instanceof OpenWith opener) {
                    into.add(new Constraint.Opener(Set.of(opener.kind()), opener.maxMinutes(), rule));
                } else if (output instanceof RelaxationOrder relaxation) {
                    order = parseOrder(relaxation, notes);
                }
            }
            return order;
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
