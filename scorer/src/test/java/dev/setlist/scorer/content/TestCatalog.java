package dev.setlist.scorer.content;

import dev.setlist.scorer.catalog.ItemProfile;
import dev.setlist.scorer.data.SyntheticInteractions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Item profiles for tests: terse factories, and a catalog whose features follow the clusters of synthetic data. */
public final class TestCatalog {

    private static final Instant ADDED = Instant.parse("2024-01-01T00:00:00Z");

    private TestCatalog() {
    }

    public static ItemProfile movie(String id, List<String> genres, List<String> tags, Integer year) {
        return new ItemProfile(id, ItemProfile.ItemKind.MOVIE, "Title " + id, genres, tags, List.of(), null, year,
                5400, null, null, 0, 0, null, null, null, ADDED);
    }

    public static ItemProfile track(String id, String artist, List<String> genres) {
        return new ItemProfile(id, ItemProfile.ItemKind.TRACK, "Track " + id, genres, List.of(), List.of(artist), null,
                null, 200, null, null, 0, 0, artist, null, null, ADDED);
    }

    /**
     * Profiles for every item of clustered data: cluster {@code c} is genre {@code g<c>}, each item carries
     * one of five tags of its cluster and a decade that says nothing about the cluster.
     */
    public static List<ItemProfile> forClusters(SyntheticInteractions.Clustered data) {
        List<ItemProfile> catalog = new ArrayList<>();
        for (int item = 0; item < data.itemCluster().length; item++) {
            catalog.add(clusterItem("i" + item, data.itemCluster()[item], item));
        }
        return catalog;
    }

    /** A profile in the style of {@link #forClusters}, for an item of cluster {@code cluster}. */
    public static ItemProfile clusterItem(String id, int cluster, int variant) {
        return movie(id, List.of("g" + cluster), List.of("t" + cluster + "-" + variant % 5),
                1970 + 10 * (variant % 5));
    }
}
