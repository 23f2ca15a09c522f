package dev.setlist.plugin.insights;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What each of one person's plays and ratings told Setlist, in time order: the weight it added to their
 * taste and, for a discounted play, each discount and its reason (a sleepy late-night autoplay chain, a
 * muted player, skipping ahead). The ledger keeps the most recent pieces of evidence per item, so a long
 * range shows the latest of each item's plays.
 *
 * @param personId the person
 * @param from     the first day
 * @param to       the last day (today)
 * @param summary  counts over the range
 * @param signals  every piece of evidence in the range, oldest first
 */
public record SignalTimeline(String personId, LocalDate from, LocalDate to, Summary summary, List<Signal> signals) {

    /**
     * Counts over the range.
     *
     * @param signals     pieces of evidence
     * @param discounted  how many were discounted
     * @param weight      the weight they added in all
     * @param byKind      how many of each kind (finished, skipped, favourite...)
     * @param byDiscount  how many discounts of each kind (sleepy_viewer, muted, skipped_ahead)
     */
    public record Summary(int signals, int discounted, double weight, Map<String, Integer> byKind,
                          Map<String, Integer> byDiscount) {
    }

    /**
     * One piece of evidence.
     *
     * @param at         when
     * @param itemId     the item
     * @param title      its title, when the catalog knows it
     * @param kind       finished, rewatched, abandoned, skipped, imported, favourite, liked, disliked...
     * @param fraction   for a play, how much of the item was reached (0 to 1), else {@code null}
     * @param baseWeight the weight before discounts
     * @param weight     the weight after them: what it added
     * @param discounts  the discounts applied, in order; empty when none
     * @param note       a short explanation
     */
    public record Signal(Instant at, String itemId, String title, String kind, Double fraction, double baseWeight,
                         double weight, List<Discount> discounts, String note) {
    }

    /** A discount: which rule, the factor it multiplied the weight by, and why. */
    public record Discount(String kind, double factor, String reason) {
    }
}
