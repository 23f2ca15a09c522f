package dev.setlist.plugin.journey;

import dev.setlist.plugin.playlist.Playlist;

import java.time.Instant;
import java.util.List;

/**
 * A journey as the API returns it: the items in playing order, each a playlist entry with its reasons
 * ("step 3 of 8 on the way from A to B", the rules that touched it), and beside them where each step
 * lies on the path.
 *
 * @param userId         the person
 * @param userName       their name
 * @param generatedAt    when it was made
 * @param media          video or music
 * @param from           where it starts
 * @param to             where it arrives
 * @param endsSimilarity the cosine of the two ends' vectors: near 1 a short trip, below 0 a long one
 * @param tastePull      how strongly the steps leaned towards the person's taste
 * @param mode           the mode used
 * @param rules          which rule book decided and what fired
 * @param relaxed        constraints that had to give way, and where
 * @param model          which taste model placed the items
 * @param basedOn        how many of the person's interactions their taste was folded from
 * @param items          the items in playing order, both ends included
 * @param path           for each item, where it lies on the path
 * @param notes          anything the journey had to give up (a step no item could fill under the rules)
 */
public record Journey(String userId, String userName, Instant generatedAt, String media, End from, End to,
                      double endsSimilarity, double tastePull, Playlist.ModeUsed mode, Playlist.RulesUsed rules,
                      List<Playlist.Relaxed> relaxed, String model, int basedOn, List<Playlist.Entry> items,
                      List<Waypoint> path, List<String> notes) {

    /** One end of the journey. */
    public record End(String itemId, String title, String kind) {
    }

    /**
     * Where one item lies on the path.
     *
     * @param position  1-based place in the journey
     * @param itemId    the item
     * @param target    the point of the path its step aimed at, 0 (the start) to 1 (the end)
     * @param progress  how far along the path the item actually lies, 0 to 1
     * @param closeness the cosine of the item with the path at its target point
     * @param taste     the cosine of the item with the person's taste (0 when no taste is known yet)
     */
    public record Waypoint(int position, String itemId, double target, double progress, double closeness,
                           double taste) {
    }
}
