package dev.setlist.plugin.playlist;

import dev.setlist.scorer.candidates.ScoreParts;

import java.util.List;

/**
 * Why an item is, or is not, in a person's playlist ("why this").
 *
 * @param itemId      the item
 * @param title       its title
 * @param inPlaylist  whether it made the playlist
 * @param entry       its place and reasons when it did, else {@code null}
 * @param rank        its rank among the candidates by score (1 is best), 0 when it was not a candidate
 * @param candidates  how many candidates there were
 * @param score       its score before the rules, or {@code null} when it was not a candidate
 * @param parts       what that score is made of, or {@code null}
 * @param because     the item of the person's history it is closest to in taste, or {@code null}
 * @param rules       what rules did to it: excluded, boosted or buried, each with the rule and reason
 * @param notes       other reasons it is out (finished, disliked, another media, outscored)
 * @param mode        the mode the playlist was built in
 */
public record Explanation(String itemId, String title, boolean inPlaylist, Playlist.Entry entry, int rank,
                          int candidates, Double score, ScoreParts parts, Playlist.Reason because,
                          List<RuleEffect> rules, List<String> notes, String mode) {

    /** One rule's effect: {@code excluded} (factor 0), {@code boosted} or {@code buried} by {@code factor}. */
    public record RuleEffect(String rule, String effect, double factor, String reason) {
    }
}
