package dev.setlist.scorer.sequencing;

import dev.setlist.scorer.catalog.ItemProfile;

import java.util.List;

/**
 * How alike two items feel in a session, in [0, 1]: the redundancy term of the sequencer's
 * MMR-like objective. Two episodes of one series are the same thing (1); two tracks by one artist
 * nearly so (0.8); otherwise a blend of genre overlap (weight 0.6) and tag overlap (0.4), each the
 * Jaccard index of the two sets, halved when the items are of different kinds.
 *
 * <p>Stateless; share freely.
 */
public final class ItemSimilarity {

    static final double SAME_ARTIST = 0.8;

    private ItemSimilarity() {
    }

    /** The similarity of {@code a} and {@code b}; symmetric, 1 for an item with itself. */
    public static double between(ItemProfile a, ItemProfile b) {
        if (a.id().equals(b.id())) {
            return 1;
        }
        if (a.seriesId() != null && a.seriesId().equals(b.seriesId())) {
            return 1;
        }
        double overlap = 0.6 * jaccard(a.genres(), b.genres()) + 0.4 * jaccard(a.tags(), b.tags());
        if (a.kind() != b.kind()) {
            overlap *= 0.5;
        }
        if (a.artist() != null && a.artist().equalsIgnoreCase(b.artist())) {
            return Math.max(SAME_ARTIST, overlap);
        }
        return overlap;
    }

    /** Jaccard index of two small lists treated as case-insensitive sets; 0 when both are empty. */
    static double jaccard(List<String> left, List<String> right) {
        if (left.isEmpty() || right.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String value : left) {
            for (String other : right) {
                if (value.equalsIgnoreCase(other)) {
                    common++;
                    break;
                }
            }
        }
        int union = left.size() + right.size() - common;
        return (double) common / union;
    }
}
