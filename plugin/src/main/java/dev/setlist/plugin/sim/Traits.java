package dev.setlist.plugin.sim;

/**
 * How a simulated person behaves, apart from what they like.
 *
 * @param sessionsPerDay      mean number of sessions a day (each day draws 0 to twice this)
 * @param firstHour           the hour their sessions usually start (local time)
 * @param musicShare          share of their sessions that are music rather than films and episodes
 * @param bingeChance         chance that a series session runs 3 to 6 episodes rather than 1 or 2
 * @param fallsAsleep         whether they put something on late at night and fall asleep while autoplay goes on
 * @param backgroundChance    chance that a music session plays muted in the background
 * @param rewatchChance       chance that a self-chosen film is one they finished before
 * @param ratesEverythingHigh whether every rating they give is 8 to 10 of 10, whatever they thought
 * @param ratingChance        chance that they rate an item they finished
 * @param wildcardAcceptance  chance that they take a wildcard Setlist offers (0: never)
 * @param setlistChance       chance that a session starts from the playlist Setlist offers rather than browsing
 */
public record Traits(double sessionsPerDay, int firstHour, double musicShare, double bingeChance, boolean fallsAsleep,
                     double backgroundChance, double rewatchChance, boolean ratesEverythingHigh, double ratingChance,
                     double wildcardAcceptance, double setlistChance) {

    public Traits {
        if (!(sessionsPerDay >= 0 && sessionsPerDay <= 6)) {
            throw new IllegalArgumentException("sessionsPerDay must be in [0, 6], was " + sessionsPerDay);
        }
        if (firstHour < 0 || firstHour > 23) {
            throw new IllegalArgumentException("firstHour must be 0 to 23, was " + firstHour);
        }
        probability("musicShare", musicShare);
        probability("bingeChance", bingeChance);
        probability("backgroundChance", backgroundChance);
        probability("rewatchChance", rewatchChance);
        probability("ratingChance", ratingChance);
        probability("wildcardAcceptance", wildcardAcceptance);
        probability("setlistChance", setlistChance);
    }

    private static void probability(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], was " + value);
        }
    }
}
