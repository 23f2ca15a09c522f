package dev.setlist.plugin.together;

import dev.setlist.plugin.playlist.Playlist;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A playlist for people watching together, as the API returns it: the items in playing order (playlist
 * entries, each with its reasons), beside them how well each fits each member, and how each member fares
 * over the whole playlist.
 *
 * @param members        the people, with the mode each chose and how each fares
 * @param strategy       {@code least_misery} or {@code fair_blend}
 * @param strategyReason what the strategy promises, in words
 * @param floor          the misery floor asked for (fair blend), or {@code null} for least misery
 * @param floorUsed      the floor that answered: lower than asked when too few items cleared it, else equal
 * @param generatedAt    when it was made
 * @param media          video or music
 * @param mode           the mode used and why (a child present: kids mode)
 * @param rules          which rule book decided and what fired
 * @param relaxed        constraints that had to give way, and where
 * @param model          which taste model ranked it
 * @param items          the items in playing order
 * @param fairness       for each item, each member's percentile of it
 * @param notes          what the group had to give up (a lowered floor)
 */
public record GroupPlaylist(List<Member> members, String strategy, String strategyReason, Double floor,
                            Double floorUsed, Instant generatedAt, String media, Playlist.ModeUsed mode,
                            Playlist.RulesUsed rules, List<Playlist.Relaxed> relaxed, String model,
                            List<Playlist.Entry> items, List<Fit> fairness, List<String> notes) {

    /**
     * One member.
     *
     * @param id              the person id
     * @param name            their name
     * @param mode            the mode they chose, or {@code null}
     * @param parentalCeiling their parental ceiling, or {@code null}
     * @param basedOn         how many interactions their taste was folded from
     * @param meanFit         their average percentile over the playlist (1: all their favourites)
     * @param lowestFit       their lowest percentile in the playlist: how miserable the worst item makes them
     */
    public record Member(String id, String name, String mode, Integer parentalCeiling, int basedOn, double meanFit,
                         double lowestFit) {
    }

    /**
     * How one item fits the group.
     *
     * @param position 1-based place in the playlist
     * @param itemId   the item
     * @param byMember each member's percentile of it, by person id
     * @param lowest   the lowest of them
     * @param mean     their average
     */
    public record Fit(int position, String itemId, Map<String, Double> byMember, double lowest, double mean) {
    }
}
