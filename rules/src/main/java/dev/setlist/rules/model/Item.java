package dev.setlist.rules.model;

import dev.setlist.scorer.candidates.Candidate;
import dev.setlist.scorer.catalog.ItemProfile;
import dev.setlist.scorer.catalog.ItemProfile.ItemKind;
import org.kie.api.definition.type.ClassReactive;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * One candidate as a flat fact: the item's attributes, the scorer's numbers and what this request
 * knows about it (new, featured, hidden, last played). Flat so that rule conditions read plainly
 * ({@code Item(kind == ItemKind.MOVIE, runtimeMinutes < 130, featured)}) and match fast.
 *
 * <p>Immutable; share freely. Declared {@link ClassReactive}: nothing can modify an item, so there is no
 * property mask to compute, and constraints such as {@code hasGenre($genre)} (a method called with a
 * variable bound in another pattern, whose properties Drools cannot infer) build without the
 * "causes class reactivity" warning.
 *
 * @param id                  item id
 * @param kind                movie, episode or track
 * @param title               display title
 * @param genres              genres as the server spells them
 * @param tags                free tags
 * @param people              cast, crew or performers
 * @param studio              studio or label, or {@code null}
 * @param year                production year, {@code 0} when unknown
 * @param runtimeMinutes      running time in minutes, {@code 0} when unknown
 * @param seriesId            series id for an episode, else {@code null}
 * @param seriesName          series name for an episode, else {@code null}
 * @param season              season number, {@code 0} when not an episode
 * @param episode             episode number, {@code 0} when not an episode
 * @param artist              artist of a track, else {@code null}
 * @param album               album of a track, else {@code null}
 * @param rating              the official rating string, or {@code null}
 * @param minimumAge          the rating as a minimum age ({@link ParentalRatings}), {@code -1} when unknown
 * @param daysSinceAdded      whole days since the item entered the library (never negative)
 * @param newArrival          whether {@code daysSinceAdded} is at most the request's {@link Tuning#newArrivalDays()}:
 *                            a plain field, so that {@code Item( newArrival )} is tested once per item and
 *                            stores only the new arrivals, where {@code Item( daysSinceAdded <= $days )}
 *                            joined with the tuning stores every candidate
 * @param daysSinceLastPlayed whole days since this person last played it, {@code -1} when never (as far as we know)
 * @param featured            whether the curator features it
 * @param hidden              whether the curator hid it
 * @param wildcard            whether the scorer offered it as a wildcard
 * @param score               the scorer's combined score
 * @param taste               collaborative taste part of the score
 * @param content             content-similarity part
 * @param sessionAffinity     next-item part from this session
 * @param exploration         exploration part
 * @param popularity          popularity in the library, 0 to 1
 */
@ClassReactive
public record Item(String id, ItemKind kind, String title, List<String> genres, List<String> tags, List<String> people,
                   String studio, int year, int runtimeMinutes, String seriesId, String seriesName, int season,
                   int episode, String artist, String album, String rating, int minimumAge, int daysSinceAdded,
                   boolean newArrival, int daysSinceLastPlayed, boolean featured, boolean hidden, boolean wildcard, double score,
                   double taste, double content, double sessionAffinity, double exploration, double popularity) {

    public Item {
        genres = List.copyOf(genres);
        tags = List.copyOf(tags);
        people = List.copyOf(people);
    }

    /** The fact for {@code candidate} in {@code context}, with {@code tuning}'s new-arrival window. */
    public static Item of(Candidate candidate, ListeningContext context, Curation curation, Tuning tuning) {
        return of(candidate, context, curation, tuning, context.localTime().toInstant(ZoneOffset.UTC));
    }

    /**
     * The fact for {@code candidate}, with {@code now} the context's local time read as UTC (the
     * day counts only need a consistent clock), computed once per evaluation by the caller.
     */
    public static Item of(Candidate candidate, ListeningContext context, Curation curation, Tuning tuning,
                          Instant now) {
        ItemProfile item = candidate.item();
        Instant lastPlayed = context.lastPlayed().isEmpty() ? null : context.lastPlayed().get(item.id());
        long nowSeconds = now.getEpochSecond();
        int daysSincePlayed = lastPlayed == null ? -1 : (int) Math.max(0, (nowSeconds - lastPlayed.getEpochSecond()) / 86_400);
        int daysSinceAdded = (int) Math.max(0, (nowSeconds - item.added().getEpochSecond()) / 86_400);
        return new Item(item.id(), item.kind(), item.title(), item.genres(), item.tags(), item.people(), item.studio(),
                item.year() == null ? 0 : item.year(), item.runtimeMinutes(), item.seriesId(), item.seriesName(),
                item.season(), item.episode(), item.artist(), item.album(), item.parentalRating(),
                ParentalRatings.minimumAge(item.parentalRating()), daysSinceAdded,
                daysSinceAdded <= tuning.newArrivalDays(), daysSincePlayed,
                !curation.featured().isEmpty() && curation.featured().contains(item.id()),
                !curation.hidden().isEmpty() && curation.hidden().contains(item.id()), candidate.wildcard(),
                candidate.score(), candidate.parts().taste(), candidate.parts().content(), candidate.parts().session(),
                candidate.parts().exploration(), candidate.parts().popularity());
    }

    /** Whether one of the genres equals {@code genre}, ignoring case. */
    public boolean hasGenre(String genre) {
        return containsIgnoreCase(genres, genre);
    }

    /** Whether one of the tags equals {@code tag}, ignoring case. */
    public boolean hasTag(String tag) {
        return containsIgnoreCase(tags, tag);
    }

    /** Whether the title, genres or tags mention {@code word}, ignoring case. */
    public boolean mentions(String word) {
        String needle = word.toLowerCase(Locale.ROOT);
        if (title.toLowerCase(Locale.ROOT).contains(needle)) {
            return true;
        }
        for (String value : genres) {
            if (value.toLowerCase(Locale.ROOT).contains(needle)) {
                return true;
            }
        }
        for (String value : tags) {
            if (value.toLowerCase(Locale.ROOT).contains(needle)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The id's hash: equal items have equal ids, so this agrees with the record's {@code equals}. The
     * record's own hash combines all 29 components, lists included; Drools hashes every item that a
     * {@code from $candidates} pattern produces, and that cost about a tenth of a kids-mode evaluation.
     */
    @Override
    public int hashCode() {
        return id.hashCode();
    }

    /**
     * Called for every candidate by every rule that names a genre or tag (about 25 calls per item with
     * the shipped packs, most of them misses), so it is kept to an indexed loop (no iterator) over the
     * immutable list, and a miss is usually decided without {@code equalsIgnoreCase}: by the length, or
     * by the first character when both are ASCII (an ASCII letter and its other case differ only in bit
     * {@code 0x20}; other characters go the full way).
     */
    private static boolean containsIgnoreCase(List<String> values, String wanted) {
        int length = wanted.length();
        char first = length == 0 ? 0 : wanted.charAt(0);
        for (int i = 0, size = values.size(); i < size; i++) {
            String value = values.get(i);
            if (value == wanted) {
                return true;
            }
            if (value.length() != length) {
                continue;
            }
            char other = length == 0 ? 0 : value.charAt(0);
            if (first < 128 && other < 128 && (first | 0x20) != (other | 0x20)) {
                continue;
            }
            if (value.equalsIgnoreCase(wanted)) {
                return true;
            }
        }
        return false;
    }
}
