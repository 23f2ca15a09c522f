package dev.setlist.scorer.bench;

import dev.setlist.scorer.als.AlsModel;
import dev.setlist.scorer.als.AlsSettings;
import dev.setlist.scorer.als.AlsTrainer;
import dev.setlist.scorer.catalog.ItemProfile;
import dev.setlist.scorer.data.Interactions;
import dev.setlist.scorer.data.SyntheticInteractions;
import dev.setlist.scorer.data.UserHistory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** The data and models the benchmarks share: built the same way every time, from fixed seeds. */
final class BenchFixtures {

    /** The serving-size setup: 10k users, a 100k-item catalog, k = 64. */
    static final int SERVING_USERS = 10_000;
    static final int SERVING_ITEMS = 100_000;
    static final int FACTORS = 64;

    private BenchFixtures() {
    }

    /** 1M interactions: 100k users x 20k items, 200 taste clusters, 11 draws per user (some repeat). */
    static Interactions trainingData() {
        return SyntheticInteractions.clustered(100_000, 20_000, 200, 11, 0.8, 1).data();
    }

    /** 10k users over a 100k-item catalog, 50 draws each (500k events). */
    static Interactions servingData() {
        return SyntheticInteractions.clustered(SERVING_USERS, SERVING_ITEMS, 500, 50, 0.8, 2).data();
    }

    /** A k = 64 model of {@link #servingData()}; two iterations suffice, speed does not depend on quality. */
    static AlsModel servingModel(Interactions data) {
        return new AlsTrainer(AlsSettings.defaults().withFactors(FACTORS).withIterations(2)).fit(data);
    }

    /** A history of {@code size} distinct items with random weights in [1, 3). */
    static UserHistory history(int size, int itemCount, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] items = random.ints(0, itemCount).distinct().limit(size).sorted().toArray();
        float[] weights = new float[items.length];
        for (int k = 0; k < weights.length; k++) {
            weights[k] = 1f + 2f * random.nextFloat();
        }
        return new UserHistory(items, weights);
    }

    /** Plain profiles for every item of {@code data} (genre by cluster-like modulus, a tag, a decade). */
    static List<ItemProfile> catalog(Interactions data) {
        List<ItemProfile> catalog = new ArrayList<>(data.itemCount());
        Instant added = Instant.parse("2024-01-01T00:00:00Z");
        for (int item = 0; item < data.itemCount(); item++) {
            catalog.add(new ItemProfile(data.items().idAt(item), ItemProfile.ItemKind.TRACK, "Track " + item,
                    List.of("genre" + item % 40), List.of("tag" + item % 300), List.of("artist" + item % 5000),
                    null, 1960 + item % 60, 200, null, null, 0, 0, "artist" + item % 5000, null, null, added));
        }
        return catalog;
    }

    /** Sessions of 8 consecutive plays drawn from the data's histories, for the session model. */
    static List<int[]> sessions(Interactions data, int count) {
        SplittableRandom random = new SplittableRandom(3);
        List<int[]> sessions = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            UserHistory history = data.history(random.nextInt(data.userCount()));
            int[] items = history.items().clone();
            for (int k = items.length - 1; k > 0; k--) {
                int j = random.nextInt(k + 1);
                int swap = items[k];
                items[k] = items[j];
                items[j] = swap;
            }
            sessions.add(Arrays.copyOf(items, Math.min(8, items.length)));
        }
        return sessions;
    }
}
