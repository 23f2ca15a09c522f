package dev.setlist.scorer.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Generated interaction data with a known truth, for tests and benchmarks. User {@code u} has the id
 * {@code "u" + u} and index {@code u}; item {@code i} has the id {@code "i" + i} and index {@code i}.
 */
public final class SyntheticInteractions {

    private SyntheticInteractions() {
    }

    /**
     * Data drawn from planted factors: user and item vectors with standard normal entries; each user plays
     * {@code perUser} distinct items drawn without replacement with probability proportional to
     * {@code exp(sharpness * p_u . q_i / sqrt(rank))} (the Gumbel top-k trick).
     */
    public static Planted planted(int users, int items, int rank, int perUser, double sharpness, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] userFactors = gaussian(users * rank, random);
        float[] itemFactors = gaussian(items * rank, random);
        Interactions.Builder builder = registered(users, items);
        double scale = sharpness / Math.sqrt(rank);
        double[] keys = new double[items];
        Integer[] order = new Integer[items];
        for (int u = 0; u < users; u++) {
            for (int i = 0; i < items; i++) {
                double gumbel = -Math.log(-Math.log(random.nextDouble(Double.MIN_VALUE, 1.0)));
                keys[i] = scale * dot(userFactors, u, itemFactors, i, rank) + gumbel;
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(keys[b], keys[a]));
            for (int n = 0; n < perUser; n++) {
                builder.add("u" + u, "i" + order[n], 1f, n);
            }
        }
        return new Planted(builder.build(), userFactors, itemFactors, rank);
    }

    /**
     * Data with clusters, cheap enough for millions of events: item {@code i} belongs to cluster
     * {@code i % clusters} and is popular within it by a Zipf law on {@code i / clusters}; each user has a
     * favourite cluster and draws each event from it with probability {@code focus}, otherwise from the
     * whole catalog uniformly. Repeated draws of a pair add up, as repeated plays do.
     */
    public static Clustered clustered(int users, int items, int clusters, int perUser, double focus, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int perCluster = (items + clusters - 1) / clusters;
        double[] cumulative = new double[perCluster];
        double total = 0;
        for (int r = 0; r < perCluster; r++) {
            total += 1.0 / Math.pow(r + 1, 0.8);
            cumulative[r] = total;
        }
        int[] favourite = new int[users];
        int[] itemCluster = new int[items];
        for (int i = 0; i < items; i++) {
            itemCluster[i] = i % clusters;
        }
        Interactions.Builder builder = registered(users, items);
        for (int u = 0; u < users; u++) {
            favourite[u] = random.nextInt(clusters);
            String user = "u" + u;
            for (int n = 0; n < perUser; n++) {
                int item;
                if (random.nextDouble() < focus) {
                    do {
                        int rank = Arrays.binarySearch(cumulative, random.nextDouble(total));
                        rank = rank >= 0 ? rank : -rank - 1;
                        item = Math.min(rank, perCluster - 1) * clusters + favourite[u];
                    } while (item >= items);
                } else {
                    item = random.nextInt(items);
                }
                builder.add(user, "i" + item, 1f, (long) u * perUser + n);
            }
        }
        return new Clustered(builder.build(), favourite, itemCluster);
    }

    private static Interactions.Builder registered(int users, int items) {
        Interactions.Builder builder = Interactions.builder();
        for (int u = 0; u < users; u++) {
            builder.addUser("u" + u);
        }
        for (int i = 0; i < items; i++) {
            builder.addItem("i" + i);
        }
        return builder;
    }

    private static float[] gaussian(int n, SplittableRandom random) {
        float[] values = new float[n];
        for (int j = 0; j < n; j++) {
            values[j] = (float) random.nextGaussian();
        }
        return values;
    }

    static double dot(float[] a, int row, float[] b, int column, int rank) {
        double sum = 0;
        for (int f = 0; f < rank; f++) {
            sum += a[row * rank + f] * b[column * rank + f];
        }
        return sum;
    }

    /** Data from planted factors, with the factors. */
    public record Planted(Interactions data, float[] userFactors, float[] itemFactors, int rank) {

        /** The planted affinity of {@code user} for {@code item}. */
        public double affinity(int user, int item) {
            return dot(userFactors, user, itemFactors, item, rank);
        }
    }

    /** Clustered data, with each user's favourite cluster and each item's cluster. */
    public record Clustered(Interactions data, int[] favouriteCluster, int[] itemCluster) {
    }
}
