package dev.setlist.scorer.sequencing;

import dev.setlist.scorer.catalog.ItemProfile.ItemKind;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A playlist constraint. Every constraint names its {@link #source()} (the rule that asked for it)
 * so that a relaxation can be explained in the curator's own words.
 *
 * <p>All implementations are immutable records; share freely.
 */
public sealed interface Constraint {

    /** The kind, as named in a relaxation order. */
    ConstraintKind kind();

    /** The rule (or stage) that asked for this constraint. */
    String source();

    /** A short description for reports, for example {@code "at most 2 items per genre"}. */
    String describe();

    private static void requireSource(String source) {
        Objects.requireNonNull(source, "source");
    }

    /**
     * At most {@code max} items in one group of {@code facet}: in the group {@code value} only, or in
     * every group when {@code value} is null ("at most 2 per genre" versus "at most 1 Horror").
     */
    record GroupCap(Facet facet, String value, int max, String source) implements Constraint {
        public GroupCap {
            Objects.requireNonNull(facet, "facet");
            requireSource(source);
            if (max < 0) {
                throw new IllegalArgumentException("max must not be negative: " + max);
            }
        }

        @Override
        public ConstraintKind kind() {
            return ConstraintKind.capOf(facet);
        }

        @Override
        public String describe() {
            return value == null
                    ? "at most " + max + " per " + facet.label()
                    : "at most " + max + " of " + facet.label() + " " + value;
        }
    }

    /**
     * Two items that share a value of {@code facet} have at least {@code gap} other items between
     * them; {@code gap} 1 means "never back to back".
     */
    record MinSpacing(Facet facet, int gap, String source) implements Constraint {
        public MinSpacing {
            Objects.requireNonNull(facet, "facet");
            requireSource(source);
            if (gap < 1) {
                throw new IllegalArgumentException("gap must be at least 1: " + gap);
            }
        }

        @Override
        public ConstraintKind kind() {
            return ConstraintKind.spacingOf(facet);
        }

        @Override
        public String describe() {
            return gap == 1
                    ? "no two items of the same " + facet.label() + " back to back"
                    : "at least " + gap + " items between two of the same " + facet.label();
        }
    }

    /** At most {@code max} items from a named set of item ids (for example the featured items). */
    record SetCap(String name, Set<String> itemIds, int max, String source) implements Constraint {
        public SetCap {
            Objects.requireNonNull(name, "name");
            itemIds = Set.copyOf(itemIds);
            requireSource(source);
            if (max < 0) {
                throw new IllegalArgumentException("max must not be negative: " + max);
            }
        }

        @Override
        public ConstraintKind kind() {
            return ConstraintKind.SET_CAP;
        }

        @Override
        public String describe() {
            return "at most " + max + " " + name + " item" + (max == 1 ? "" : "s");
        }
    }

    /** The total running time stays within {@code minutes}; items of unknown length count as zero. */
    record DurationBudget(int minutes, String source) implements Constraint {
        public DurationBudget {
            requireSource(source);
            if (minutes <= 0) {
                throw new IllegalArgumentException("minutes must be positive: " + minutes);
            }
        }

        @Override
        public ConstraintKind kind() {
            return ConstraintKind.DURATION_BUDGET;
        }

        @Override
        public String describe() {
            return "at most " + minutes + " minutes in all";
        }
    }

    /**
     * The first item is of one of {@code kinds} and, when {@code maxMinutes} is positive, runs no
     * longer than that: "open with one feature film that fits the evening".
     */
    record Opener(Set<ItemKind> kinds, int maxMinutes, String source) implements Constraint {
        public Opener {
            kinds = Set.copyOf(kinds);
            if (kinds.isEmpty()) {
                throw new IllegalArgumentException("an opener needs at least one kind");
            }
            requireSource(source);
            if (maxMinutes < 0) {
                throw new IllegalArgumentException("maxMinutes must not be negative: " + maxMinutes);
            }
        }

        @Override
        public ConstraintKind kind() {
            return ConstraintKind.OPENER;
        }

        @Override
        public String describe() {
            String what = kinds.stream().map(k -> k.name().toLowerCase(Locale.ROOT)).sorted()
                    .reduce((a, b) -> a + " or " + b).orElseThrow();
            return "open with a " + what + (maxMinutes > 0 ? " of at most " + maxMinutes + " minutes" : "");
        }
    }

    /** Item {@code itemId} goes to {@code position} (0-based) when it is among the candidates. */
    record Pin(String itemId, int position, String source) implements Constraint {
        public Pin {
            Objects.requireNonNull(itemId, "itemId");
            requireSource(source);
            if (position < 0) {
                throw new IllegalArgumentException("position must not be negative: " + position);
            }
        }

        @Override
        public ConstraintKind kind() {
            return ConstraintKind.PIN;
        }

        @Override
        public String describe() {
            return "item " + itemId + " at position " + (position + 1);
        }
    }

    /**
     * One position in every {@code every} goes to a wildcard candidate when one is left; otherwise to an
     * ordinary one. The first slot sits in the middle of the first {@code every} positions rather than at
     * its end (every 5: the 3rd, 8th, 13th, ...; every 2: the 2nd, 4th, ...), because people play only the
     * first few items of most playlists: at the end, a wildcard in a video playlist was seldom reached
     * (docs/behaviours.md, "Filter bubble").
     */
    record WildcardSlots(int every, String source) implements Constraint {
        public WildcardSlots {
            requireSource(source);
            if (every < 1) {
                throw new IllegalArgumentException("every must be at least 1: " + every);
            }
        }

        @Override
        public ConstraintKind kind() {
            return ConstraintKind.WILDCARD_SLOTS;
        }

        @Override
        public String describe() {
            return "a wildcard every " + every + " items";
        }

        boolean isSlot(int position) {
            return (position + 1 + (every - 1) / 2) % every == 0;
        }
    }
}
