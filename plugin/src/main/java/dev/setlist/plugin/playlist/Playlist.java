package dev.setlist.plugin.playlist;

import dev.setlist.scorer.candidates.Candidate;
import dev.setlist.scorer.candidates.ScoreParts;
import dev.setlist.scorer.catalog.ItemProfile;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * An ordered session for one person, as the API returns it: every item with its score parts and the
 * reasons it is there, the mode used and why, the tuning applied, and any constraint the catalog was
 * too small to keep.
 *
 * @param userId      the person
 * @param userName    their name
 * @param generatedAt when it was made
 * @param media       video or music: what the playlist holds
 * @param mode        the mode used: chosen by the person or the request (explicit) or inferred by a rule
 * @param tuning      what shaped it
 * @param rules       which rule book decided and what fired
 * @param relaxed     constraints that had to give way, and where
 * @param model       which taste model ranked it
 * @param basedOn     how many of the person's interactions it was folded from
 * @param items       the items in playing order
 */
public record Playlist(String userId, String userName, Instant generatedAt, String media, ModeUsed mode, TuningUsed tuning,
                       RulesUsed rules, List<Relaxed> relaxed, String model, int basedOn, List<Entry> items) {

    /** @param name the mode's key; {@code explicit}: chosen rather than inferred; {@code reason}: why */
    public record ModeUsed(String name, boolean explicit, String rule, String reason) {
    }

    /**
     * @param exploration the exploration rate used for this playlist
     * @param explorationMean the person's current adaptive rate (the posterior mean within their bounds)
     * @param diversity   the diversity strength
     * @param wildcards   how many wildcards were offered to the sequencer
     * @param budgetMinutes the duration budget, 0 for none
     */
    public record TuningUsed(double exploration, double explorationMean, double diversity, int wildcards,
                             int budgetMinutes) {
    }

    /** @param version the rule book; {@code fired} the rules that fired; {@code failure} why rules stopped early, if they did */
    public record RulesUsed(String version, List<String> fired, String failure) {
    }

    /** A constraint the sequencer relaxed: which, at which position, why. */
    public record Relaxed(String constraint, int position, String why) {
    }

    /** Why an item is where it is: {@code source} is a rule's name, {@code taste}, {@code sequencer}... */
    public record Reason(String source, String text) {
    }

    /**
     * One item of a playlist.
     *
     * @param position       1-based place in the order
     * @param itemId         the media server's id
     * @param title          display title (for an episode, the series name comes in {@code seriesName})
     * @param kind           movie, episode or track
     * @param seriesName     for an episode, its series
     * @param artist         for a track, its artist
     * @param year           production year, or {@code null}
     * @param runtimeMinutes running time in minutes
     * @param genres         genres
     * @param tags           mood and other tags
     * @param parentalRating the official rating, or {@code null}
     * @param score          the score that placed it, after the rules
     * @param parts          what the score is made of
     * @param reasons        why it is here
     * @param wildcard       whether it was offered as a wildcard
     */
    public record Entry(int position, String itemId, String title, String kind, String seriesName, String artist,
                       Integer year, int runtimeMinutes, List<String> genres, List<String> tags, String parentalRating,
                       double score, ScoreParts parts, List<Reason> reasons, boolean wildcard) {

        /** The entry at 1-based {@code position} for a candidate as it was placed, with its reasons. */
        public static Entry of(int position, Candidate candidate, List<Reason> reasons) {
            ItemProfile item = candidate.item();
            return new Entry(position, item.id(), item.title(), item.kind().name().toLowerCase(Locale.ROOT),
                    item.seriesName(), item.artist(), item.year(), item.runtimeMinutes(), item.genres(), item.tags(),
                    item.parentalRating(), candidate.score(), candidate.parts(), List.copyOf(reasons),
                    candidate.wildcard());
        }
    }
}
