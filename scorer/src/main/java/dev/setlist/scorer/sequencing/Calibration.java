package dev.setlist.scorer.sequencing;

import dev.setlist.scorer.catalog.ItemProfile;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Calibration of a playlist to a person's interests (Steck, "Calibrated Recommendations", RecSys 2018):
 * the genres of the list should be spread as the genres of what the person played are, so that a person
 * who plays mostly science fiction and now and then a comedy gets now and then a comedy, not a list of
 * their first interest only. The sequencer charges each candidate the Kullback–Leibler divergence
 * {@code KL(p ‖ q̃)} between the {@link #target() target} {@code p} and the genres {@code q} of the list
 * with that candidate added, smoothed as {@code q̃ = (1 − α)·q + α·p} with {@code α} = {@value #SMOOTHING}
 * so that a genre of the target the list lacks costs much but not infinitely; an item spreads itself
 * evenly over its genres, in the target and in the list alike.
 *
 * <p>Immutable; share freely.
 *
 * @param target   the person's genre distribution: lower-case genre to a share; normalised to sum to 1,
 *                 genres with no share left out; empty when there is nothing to calibrate to
 * @param strength {@code γ} in [0, 1]: a candidate's value is {@code (1 − γ)·mmr − γ·KL}, where {@code mmr} is
 *                 the sequencer's relevance-and-diversity value; 0 turns calibration off
 */
public record Calibration(Map<String, Double> target, double strength) {

    /** No calibration: the sequencer orders by relevance and diversity alone. */
    public static final Calibration NONE = new Calibration(Map.of(), 0);
    /**
     * The strength Setlist's playlists use by default: off. Measured on the simulated household (see
     * docs/behaviours.md, Filter bubble), strengths 0.1, 0.3 and 0.6 did not widen what the household played at
     * every seed, and each cost another row at some seed; a person's sessions play the first one to three videos
     * of a list, and the calibrated list's second interest, placed second or third, is taken less often.
     */
    public static final double DEFAULT_STRENGTH = 0;
    /** {@code α} of the smoothing {@code q̃ = (1 − α)·q + α·p}, as in Steck's paper. */
    public static final double SMOOTHING = 0.01;

    public Calibration {
        Objects.requireNonNull(target, "target");
        if (!(strength >= 0 && strength <= 1)) {
            throw new IllegalArgumentException("calibration strength must be in [0, 1], was " + strength);
        }
        double total = 0;
        for (Map.Entry<String, Double> entry : target.entrySet()) {
            double share = entry.getValue();
            if (!(share >= 0) || Double.isInfinite(share)) {
                throw new IllegalArgumentException("the share of " + entry.getKey() + " must be finite and not negative, was "
                        + share);
            }
            total += share;
        }
        Map<String, Double> normalised = new HashMap<>();
        for (Map.Entry<String, Double> entry : target.entrySet()) {
            if (entry.getValue() > 0) {
                normalised.merge(entry.getKey().toLowerCase(Locale.ROOT), entry.getValue() / total, Double::sum);
            }
        }
        target = Map.copyOf(normalised);
    }

    /**
     * The genre distribution of a history: each item's weight spread evenly over its genres (items with no
     * genre add nothing), normalised.
     *
     * @param weights  items the person played, with how much each counts (non-positive weights are left out)
     * @param strength as in the record
     */
    public static Calibration of(Map<ItemProfile, Double> weights, double strength) {
        Map<String, Double> genres = new HashMap<>();
        weights.forEach((item, weight) -> {
            if (weight > 0 && !item.genres().isEmpty()) {
                double share = weight / item.genres().size();
                for (String genre : item.genres()) {
                    genres.merge(genre.toLowerCase(Locale.ROOT), share, Double::sum);
                }
            }
        });
        return new Calibration(genres, strength);
    }

    /** Whether the sequencer has anything to do with it. */
    public boolean active() {
        return strength > 0 && !target.isEmpty();
    }

    /**
     * {@code KL(p ‖ q̃)} of a list whose items spread over genres as {@code listShares} (genre to the summed
     * shares of the list's items, each item's shares summing to 1) with {@code listSize} items; in nats.
     * For tests and explanations; the sequencer computes the same incrementally.
     */
    public double divergence(Map<String, Double> listShares, int listSize) {
        double divergence = 0;
        for (Map.Entry<String, Double> entry : target.entrySet()) {
            double p = entry.getValue();
            double q = listSize == 0 ? 0 : listShares.getOrDefault(entry.getKey(), 0.0) / listSize;
            divergence += p * Math.log(p / ((1 - SMOOTHING) * q + SMOOTHING * p));
        }
        return divergence;
    }
}
