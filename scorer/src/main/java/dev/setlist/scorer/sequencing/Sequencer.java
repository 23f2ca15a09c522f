package dev.setlist.scorer.sequencing;

import dev.setlist.scorer.catalog.ItemProfile;
import dev.setlist.scorer.sequencing.Constraint.DurationBudget;
import dev.setlist.scorer.sequencing.Constraint.GroupCap;
import dev.setlist.scorer.sequencing.Constraint.MinSpacing;
import dev.setlist.scorer.sequencing.Constraint.Opener;
import dev.setlist.scorer.sequencing.Constraint.Pin;
import dev.setlist.scorer.sequencing.Constraint.SetCap;
import dev.setlist.scorer.sequencing.Constraint.WildcardSlots;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders candidates into a playlist, one position at a time. At each position it takes, among the
 * candidates every active constraint admits, the one with the best MMR-like value
 * {@code (1 - λ)·relevance - λ·redundancy}, where relevance is the candidate's score rescaled to
 * [0, 1] over the request, redundancy is its highest {@link ItemSimilarity} to anything already
 * chosen, and λ is the request's diversity strength. With a {@link Calibration} of strength γ, the
 * value is {@code (1 - γ)·mmr - γ·KL(p ‖ q̃)}: the divergence of the list's genres, with the candidate
 * added, from the person's (Steck's calibrated recommendations, chosen greedily as in the paper).
 *
 * <p>Placement directives come first: a pinned item takes its position (and is held back until
 * then); a wildcard slot goes to the best admissible wildcard when one is left. When no remaining
 * candidate is admissible, the sequencer relaxes one constraint (the first in the relaxation order
 * that blocks a remaining candidate), records it, and tries again; when nothing is left to relax,
 * or nothing left fits the duration budget, the playlist ends. Every relaxation is reported.
 *
 * <p>Greedy by design: one pass, {@code O(length × candidates × constraints)}, a few hundred
 * microseconds for 500 candidates. Stateless; share freely.
 */
public final class Sequencer {

    /** Sequences {@code request}; never fails for lack of candidates (the playlist is then shorter). */
    public Playlist sequence(SequenceRequest request) {
        return new Run(request).build();
    }

    /** The mutable state of one sequencing. Not thread-safe; one per call. */
    private static final class Run {
        private final SequenceRequest request;
        private final List<Offer> pool;
        private final double[] relevance;
        private final double[] redundancy;
        private final boolean[] taken;
        private final boolean[] reserved;
        private final int[] seconds;
        private final boolean[] wildcard;
        private final ItemSimilarity.Features[] features;
        /** groupIds[facet.ordinal()][i]: the group numbers of pool item i under that facet. */
        private final int[][][] groupIds;
        private final Map<GroupKey, Integer> groupNumbers = new HashMap<>();
        private final LowerCaseMemo lowerCase = new LowerCaseMemo();
        private final int[] groupCount;
        private final int[] groupLast;
        /** For a cap on one group value: that group's number (-2 when no candidate is in it). */
        private final Map<Constraint, Integer> onlyGroup = new java.util.IdentityHashMap<>();
        private final List<Constraint> active = new ArrayList<>();
        private final Map<Integer, Pin> pinsByPosition = new HashMap<>();
        private final List<PlaylistEntry> entries = new ArrayList<>();
        private final List<Relaxation> relaxations = new ArrayList<>();
        private final Map<String, Integer> countBySet = new HashMap<>();
        /** Calibration: the target's shares, by target genre number (null when calibration is off). */
        private final double[] targetShare;
        /** Calibration: per pool item, the target genre numbers it belongs to (each takes 1/|genres| of it). */
        private final int[][] targetGenres;
        private final double[] genreShare;
        /** Calibration: the shares the list so far holds of each target genre, and its size. */
        private final double[] listShare;
        private int listSize;
        /** Calibration: per target genre, its term of KL(p ‖ q̃) for the list so far plus one item of no target genre. */
        private final double[] baseTerm;
        private double baseDivergence;
        private WildcardSlots wildcardSlots;
        private DurationBudget budget;
        private int secondsUsed;

        Run(SequenceRequest request) {
            this.request = request;
            this.pool = dedupe(request.offers());
            this.relevance = rescaledScores(pool);
            this.redundancy = new double[pool.size()];
            this.taken = new boolean[pool.size()];
            this.reserved = new boolean[pool.size()];
            this.seconds = new int[pool.size()];
            this.wildcard = new boolean[pool.size()];
            for (int i = 0; i < pool.size(); i++) {
                seconds[i] = pool.get(i).candidate().item().runtimeSeconds();
                wildcard[i] = pool.get(i).candidate().wildcard();
            }
            this.features = new ItemSimilarity.Features[pool.size()];
            this.groupIds = new int[Facet.values().length][pool.size()][];
            Map<String, Integer> words = new HashMap<>();
            for (int i = 0; i < pool.size(); i++) {
                ItemProfile item = pool.get(i).candidate().item();
                features[i] = ItemSimilarity.Features.of(item, words, lowerCase);
                for (Facet facet : Facet.values()) {
                    groupIds[facet.ordinal()][i] = groupNumbersOf(facet, facet.valuesOf(item));
                }
            }
            Calibration calibration = request.calibration();
            if (calibration.active()) {
                Map<String, Integer> genreNumbers = new HashMap<>();
                targetShare = new double[calibration.target().size()];
                for (Map.Entry<String, Double> entry : calibration.target().entrySet()) {
                    targetShare[genreNumbers.size()] = entry.getValue();
                    genreNumbers.put(entry.getKey(), genreNumbers.size());
                }
                targetGenres = new int[pool.size()][];
                genreShare = new double[pool.size()];
                for (int i = 0; i < pool.size(); i++) {
                    List<String> genres = pool.get(i).candidate().item().genres();
                    targetGenres[i] = genres.stream().map(lowerCase::of).distinct()
                            .map(genreNumbers::get).filter(java.util.Objects::nonNull).mapToInt(Integer::intValue).toArray();
                    genreShare[i] = genres.isEmpty() ? 0 : 1.0 / genres.stream().map(lowerCase::of).distinct().count();
                }
                listShare = new double[targetShare.length];
                baseTerm = new double[targetShare.length];
                updateDivergence();
            } else {
                targetShare = null;
                targetGenres = null;
                genreShare = null;
                listShare = null;
                baseTerm = null;
            }
            this.groupCount = new int[groupNumbers.size()];
            this.groupLast = new int[groupNumbers.size()];
            java.util.Arrays.fill(groupLast, -1);
            for (Constraint constraint : request.constraints()) {
                if (constraint instanceof Pin pin) {
                    placePin(pin);
                } else if (constraint instanceof WildcardSlots slots) {
                    if (wildcardSlots == null || slots.every() < wildcardSlots.every()) {
                        wildcardSlots = slots;
                    }
                } else if (constraint instanceof DurationBudget newBudget) {
                    if (budget == null || newBudget.minutes() < budget.minutes()) {
                        budget = newBudget;
                    }
                } else {
                    active.add(constraint);
                }
            }
            for (Constraint constraint : active) {
                if (constraint instanceof GroupCap cap && cap.value() != null) {
                    onlyGroup.put(cap, groupNumber(cap.facet(), cap.value()));
                }
            }
        }

        private static List<Offer> dedupe(List<Offer> offers) {
            Map<String, Offer> byId = new LinkedHashMap<>();
            for (Offer offer : offers) {
                byId.merge(offer.itemId(), offer,
                        (first, second) -> second.candidate().score() > first.candidate().score() ? second : first);
            }
            return List.copyOf(byId.values());
        }

        private static double[] rescaledScores(List<Offer> offers) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (Offer offer : offers) {
                min = Math.min(min, offer.candidate().score());
                max = Math.max(max, offer.candidate().score());
            }
            double[] scaled = new double[offers.size()];
            double range = max - min;
            for (int i = 0; i < scaled.length; i++) {
                scaled[i] = range > 0 ? (offers.get(i).candidate().score() - min) / range : 1;
            }
            return scaled;
        }

        private void placePin(Pin pin) {
            if (pin.position() >= request.length()) {
                relaxations.add(new Relaxation(pin, pin.position(),
                        "the playlist has only " + request.length() + " positions"));
            } else if (indexOf(pin.itemId()) < 0) {
                relaxations.add(new Relaxation(pin, pin.position(), "the item is not among the candidates"));
            } else if (pinsByPosition.containsKey(pin.position()) || reserved[indexOf(pin.itemId())]) {
                relaxations.add(new Relaxation(pin, pin.position(), "another pin already holds that position or item"));
            } else {
                pinsByPosition.put(pin.position(), pin);
                reserved[indexOf(pin.itemId())] = true;
            }
        }

        private int indexOf(String itemId) {
            for (int i = 0; i < pool.size(); i++) {
                if (pool.get(i).itemId().equals(itemId)) {
                    return i;
                }
            }
            return -1;
        }

        Playlist build() {
            for (int position = 0; position < request.length(); position++) {
                int chosen = choose(position);
                if (chosen < 0) {
                    break;
                }
            }
            return new Playlist(entries, relaxations);
        }

        /** Fills {@code position}; returns the pool index placed there, or -1 when the playlist ends. */
        private int choose(int position) {
            Pin pin = pinsByPosition.get(position);
            if (pin != null) {
                int index = indexOf(pin.itemId());
                reserved[index] = false;
                if (fitsBudget(pool.get(index).candidate().item())) {
                    place(index, position, new Reason(pin.source(), "pinned to position " + (position + 1)));
                    return index;
                }
                relaxations.add(new Relaxation(pin, position, "the item does not fit the remaining duration budget"));
            }
            boolean wildcardSlot = wildcardSlots != null && wildcardSlots.isSlot(position);
            while (true) {
                if (wildcardSlot) {
                    int wildcard = best(position, true);
                    if (wildcard >= 0) {
                        place(wildcard, position, new Reason(wildcardSlots.source(),
                                "wildcard slot: something a little outside the usual"));
                        return wildcard;
                    }
                }
                int best = best(position, false);
                if (best >= 0) {
                    place(best, position, null);
                    return best;
                }
                if (!relaxOne(position)) {
                    return -1;
                }
            }
        }

        private int best(int position, boolean wildcardsOnly) {
            double lambda = request.diversityStrength();
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < pool.size(); i++) {
                if (taken[i] || reserved[i]) {
                    continue;
                }
                if (wildcardsOnly && !wildcard[i]) {
                    continue;
                }
                if (!fits(i) || blockingConstraint(i, position) != null) {
                    continue;
                }
                double value = (1 - lambda) * relevance[i] - lambda * redundancy[i];
                if (targetShare != null) {
                    double gamma = request.calibration().strength();
                    value = (1 - gamma) * value - gamma * divergenceWith(i);
                }
                if (value > bestValue) {
                    bestValue = value;
                    best = i;
                }
            }
            return best;
        }

        /** {@code KL(p ‖ q̃)} of the list so far with pool item {@code index} added. */
        private double divergenceWith(int index) {
            double divergence = baseDivergence;
            double size = listSize + 1;
            for (int genre : targetGenres[index]) {
                double p = targetShare[genre];
                double q = (listShare[genre] + genreShare[index]) / size;
                divergence += p * Math.log(p / ((1 - Calibration.SMOOTHING) * q + Calibration.SMOOTHING * p))
                        - baseTerm[genre];
            }
            return divergence;
        }

        /** Recomputes the divergence terms of the list so far, as if one item of no target genre were added. */
        private void updateDivergence() {
            double size = listSize + 1;
            baseDivergence = 0;
            for (int genre = 0; genre < targetShare.length; genre++) {
                double p = targetShare[genre];
                double q = listShare[genre] / size;
                baseTerm[genre] = p * Math.log(p / ((1 - Calibration.SMOOTHING) * q + Calibration.SMOOTHING * p));
                baseDivergence += baseTerm[genre];
            }
        }

        private boolean fits(int index) {
            return budget == null || secondsUsed + seconds[index] <= budget.minutes() * 60L;
        }

        private boolean fitsBudget(ItemProfile item) {
            return budget == null || secondsUsed + item.runtimeSeconds() <= budget.minutes() * 60L;
        }

        /** The first active constraint that refuses pool item {@code index} at {@code position}, or null. */
        private Constraint blockingConstraint(int index, int position) {
            for (Constraint constraint : active) {
                if (!admits(constraint, index, position)) {
                    return constraint;
                }
            }
            return null;
        }

        private boolean admits(Constraint constraint, int index, int position) {
            if (constraint instanceof GroupCap cap) {
                int only = cap.value() == null ? -1 : onlyGroup.get(cap);
                for (int group : groupIds[cap.facet().ordinal()][index]) {
                    if ((cap.value() == null || group == only) && groupCount[group] >= cap.max()) {
                        return false;
                    }
                }
                return true;
            }
            if (constraint instanceof MinSpacing spacing) {
                for (int group : groupIds[spacing.facet().ordinal()][index]) {
                    int last = groupLast[group];
                    if (last >= 0 && position - last - 1 < spacing.gap()) {
                        return false;
                    }
                }
                return true;
            }
            ItemProfile item = pool.get(index).candidate().item();
            if (constraint instanceof SetCap cap) {
                return !cap.itemIds().contains(item.id()) || countBySet.getOrDefault(cap.name(), 0) < cap.max();
            }
            if (constraint instanceof Opener opener) {
                return position != 0 || (opener.kinds().contains(item.kind())
                        && (opener.maxMinutes() == 0 || item.runtimeSeconds() <= opener.maxMinutes() * 60L));
            }
            return true;
        }

        /** Numbers the item's distinct group values under {@code facet}, adding new groups as they appear. */
        private int[] groupNumbersOf(Facet facet, List<String> values) {
            int[] numbers = new int[values.size()];
            int size = 0;
            for (String value : values) {
                GroupKey key = new GroupKey(facet, lowerCase.of(value));
                Integer number = groupNumbers.get(key);
                if (number == null) {
                    number = groupNumbers.size();
                    groupNumbers.put(key, number);
                }
                boolean seen = false;
                for (int k = 0; k < size; k++) {
                    seen |= numbers[k] == number;
                }
                if (!seen) {
                    numbers[size++] = number;
                }
            }
            return size == numbers.length ? numbers : java.util.Arrays.copyOf(numbers, size);
        }

        /** The number of a group value, or -2 when no candidate belongs to it. */
        private int groupNumber(Facet facet, String value) {
            Integer number = groupNumbers.get(new GroupKey(facet, lowerCase.of(value)));
            return number == null ? -2 : number;
        }

        /** A group: a facet and one of its lower-case values. */
        private record GroupKey(Facet facet, String value) {
        }

        /** Relaxes the first constraint in the relaxation order that blocks a remaining candidate. */
        private boolean relaxOne(int position) {
            for (ConstraintKind kind : request.relaxationOrder()) {
                for (Constraint constraint : active) {
                    if (constraint.kind() == kind && blocksSomething(constraint, position)) {
                        active.remove(constraint);
                        relaxations.add(new Relaxation(constraint, position,
                                "no remaining candidate satisfied every constraint"));
                        return true;
                    }
                }
            }
            return false;
        }

        private boolean blocksSomething(Constraint constraint, int position) {
            for (int i = 0; i < pool.size(); i++) {
                if (taken[i] || reserved[i]) {
                    continue;
                }
                if (fitsBudget(pool.get(i).candidate().item()) && !admits(constraint, i, position)) {
                    return true;
                }
            }
            return false;
        }

        private void place(int index, int position, Reason extra) {
            Offer offer = pool.get(index);
            ItemProfile item = offer.candidate().item();
            taken[index] = true;
            List<Reason> reasons = new ArrayList<>(offer.reasons());
            if (extra != null) {
                reasons.add(extra);
            }
            entries.add(new PlaylistEntry(position, offer.candidate(), reasons));
            secondsUsed += item.runtimeSeconds();
            for (Facet facet : Facet.values()) {
                for (int group : groupIds[facet.ordinal()][index]) {
                    groupCount[group]++;
                    groupLast[group] = position;
                }
            }
            Set<String> sets = new HashSet<>();
            for (Constraint constraint : request.constraints()) {
                if (constraint instanceof SetCap cap && cap.itemIds().contains(item.id())) {
                    sets.add(cap.name());
                }
            }
            for (String set : sets) {
                countBySet.merge(set, 1, Integer::sum);
            }
            if (targetShare != null) {
                for (int genre : targetGenres[index]) {
                    listShare[genre] += genreShare[index];
                }
                listSize++;
                updateDivergence();
            }
            if (request.diversityStrength() > 0) {
                for (int i = 0; i < pool.size(); i++) {
                    if (!taken[i]) {
                        redundancy[i] = Math.max(redundancy[i], ItemSimilarity.between(features[i], features[index]));
                    }
                }
            }
        }
    }
}
