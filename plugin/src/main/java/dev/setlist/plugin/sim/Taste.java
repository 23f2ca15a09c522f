package dev.setlist.plugin.sim;

import dev.setlist.scorer.catalog.ItemProfile;

import java.util.Map;

/**
 * A simulated person's true taste: how much they like each genre and each mood tag, each in [0, 1].
 * Setlist never sees it; the simulator uses it to decide what the person plays, skips, rates and
 * answers, and the behaviour benchmarks use it as the ground truth.
 *
 * <p>Immutable; share freely.
 *
 * @param genres affinity by genre name; a genre not named counts {@value #UNNAMED}
 * @param moods  affinity by mood tag ({@code calm}, {@code intense}...); a tag not named counts {@value #NEUTRAL_MOOD}
 */
public record Taste(Map<String, Double> genres, Map<String, Double> moods) {

    /** Affinity of a genre the person never thinks about. */
    public static final double UNNAMED = 0.05;
    /** Affinity of a mood tag the person has no feeling about. */
    public static final double NEUTRAL_MOOD = 0.5;

    public Taste {
        genres = Map.copyOf(genres);
        moods = Map.copyOf(moods);
        genres.forEach(Taste::check);
        moods.forEach(Taste::check);
    }

    private static void check(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("affinity of " + name + " must be in [0, 1], was " + value);
        }
    }

    /** How much the person likes {@code genre}. */
    public double genre(String genre) {
        return genres.getOrDefault(genre, UNNAMED);
    }

    /**
     * How much the person likes an item, in [0, 1]: mostly its genres (the best one counts most, the
     * others pull towards their mean), a fifth its moods.
     */
    public double utility(ItemProfile item) {
        double best = 0;
        double sum = 0;
        for (String genre : item.genres()) {
            double value = genre(genre);
            best = Math.max(best, value);
            sum += value;
        }
        double genrePart = item.genres().isEmpty() ? UNNAMED : 0.7 * best + 0.3 * sum / item.genres().size();
        double moodSum = 0;
        int moodCount = 0;
        for (String tag : item.tags()) {
            if (!tag.startsWith("tempo:")) {
                moodSum += moods.getOrDefault(tag, NEUTRAL_MOOD);
                moodCount++;
            }
        }
        double moodPart = moodCount == 0 ? NEUTRAL_MOOD : moodSum / moodCount;
        return 0.8 * genrePart + 0.2 * moodPart;
    }
}
