package dev.setlist.scorer.sequencing;

import dev.setlist.scorer.candidates.Candidate;
import dev.setlist.scorer.candidates.ScoreParts;
import dev.setlist.scorer.catalog.ItemProfile;
import dev.setlist.scorer.catalog.ItemProfile.ItemKind;

import java.time.Instant;
import java.util.List;

/** Small builders for sequencing tests. */
final class Items {

    private Items() {
    }

    static ItemProfile movie(String id, int minutes, String... genres) {
        return new ItemProfile(id, ItemKind.MOVIE, "Movie " + id, List.of(genres), List.of(), List.of(), null,
                2020, minutes * 60, null, null, 0, 0, null, null, "PG", Instant.EPOCH);
    }

    static ItemProfile episode(String id, String series, int minutes, String... genres) {
        return new ItemProfile(id, ItemKind.EPISODE, "Episode " + id, List.of(genres), List.of(), List.of(), null,
                2020, minutes * 60, series, "Series " + series, 1, 1, null, null, "TV-PG", Instant.EPOCH);
    }

    static ItemProfile track(String id, String artist, String... genres) {
        return new ItemProfile(id, ItemKind.TRACK, "Track " + id, List.of(genres), List.of(), List.of(), null,
                2020, 200, null, null, 0, 0, artist, "Album", null, Instant.EPOCH);
    }

    static Offer offer(ItemProfile item, double score) {
        return Offer.of(new Candidate(item, score, ScoreParts.NONE, false));
    }

    static Offer wildcard(ItemProfile item, double score) {
        return Offer.of(new Candidate(item, score, ScoreParts.NONE, true));
    }
}
