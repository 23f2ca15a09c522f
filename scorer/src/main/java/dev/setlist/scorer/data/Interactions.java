package dev.setlist.scorer.data;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * Implicit feedback as a sparse user-by-item matrix of confidence weights, stored twice: by user
 * (CSR: {@link #userPointers()}, {@link #userItems()}, {@link #userWeights()}) for user-side solves and
 * histories, and by item (CSC: {@link #itemPointers()}, {@link #itemUsers()}, {@link #itemWeights()}) for
 * item-side solves. Within a row or column, indices are strictly increasing.
 *
 * <p>Immutable; share freely. The arrays are exposed for speed on hot paths and must not be changed.
 */
public final class Interactions {

    private final IdIndex users;
    private final IdIndex items;
    private final int[] userPointers;
    private final int[] userItems;
    private final float[] userWeights;
    private final int[] itemPointers;
    private final int[] itemUsers;
    private final float[] itemWeights;

    Interactions(IdIndex users, IdIndex items, int[] userPointers, int[] userItems, float[] userWeights) {
        this.users = users.freeze();
        this.items = items.freeze();
        this.userPointers = userPointers;
        this.userItems = userItems;
        this.userWeights = userWeights;
        int itemCount = this.items.size();
        int[] counts = new int[itemCount + 1];
        for (int item : userItems) {
            counts[item + 1]++;
        }
        for (int i = 0; i < itemCount; i++) {
            counts[i + 1] += counts[i];
        }
        this.itemPointers = counts.clone();
        this.itemUsers = new int[userItems.length];
        this.itemWeights = new float[userItems.length];
        int[] next = Arrays.copyOf(counts, itemCount);
        for (int user = 0; user < this.users.size(); user++) {
            for (int k = userPointers[user]; k < userPointers[user + 1]; k++) {
                int slot = next[userItems[k]]++;
                itemUsers[slot] = user;
                itemWeights[slot] = userWeights[k];
            }
        }
    }

    /** A builder that assigns indices to users and items as they first appear. */
    public static Builder builder() {
        return new Builder(new IdIndex(), new IdIndex());
    }

    /**
     * A builder over known item ids (for example the whole catalog, so that items nobody has played
     * still have an index); further items are appended as they appear.
     */
    public static Builder builder(IdIndex users, IdIndex items) {
        return new Builder(copyOf(users), copyOf(items));
    }

    private static IdIndex copyOf(IdIndex index) {
        IdIndex copy = new IdIndex();
        for (String id : index.ids()) {
            copy.add(id);
        }
        return copy;
    }

    public IdIndex users() {
        return users;
    }

    public IdIndex items() {
        return items;
    }

    public int userCount() {
        return users.size();
    }

    public int itemCount() {
        return items.size();
    }

    /** Number of stored (user, item) pairs. */
    public int size() {
        return userItems.length;
    }

    /** The history of one user in the data. */
    public UserHistory history(int user) {
        int from = userPointers[user];
        int to = userPointers[user + 1];
        return new UserHistory(Arrays.copyOfRange(userItems, from, to), Arrays.copyOfRange(userWeights, from, to));
    }

    /** Number of interactions of {@code user}. */
    public int userDegree(int user) {
        return userPointers[user + 1] - userPointers[user];
    }

    /** Number of interactions with {@code item}. */
    public int itemDegree(int item) {
        return itemPointers[item + 1] - itemPointers[item];
    }

    public int[] userPointers() {
        return userPointers;
    }

    public int[] userItems() {
        return userItems;
    }

    public float[] userWeights() {
        return userWeights;
    }

    public int[] itemPointers() {
        return itemPointers;
    }

    public int[] itemUsers() {
        return itemUsers;
    }

    public float[] itemWeights() {
        return itemWeights;
    }

    /**
     * Collects (user, item, weight, time) tuples. Repeated pairs accumulate their weights (two plays
     * say more than one), except that an exact repeat of the same tuple (same user, item, weight and
     * time) is one event seen twice and counts once. With a half-life set, each weight is multiplied by
     * {@code 0.5^(age / halfLife)}, the age measured back from {@link #asOf(Instant)}.
     *
     * <p>Not thread-safe; one per build.
     */
    public static final class Builder {
        private final IdIndex users;
        private final IdIndex items;
        private int[] rowOf = new int[1024];
        private int[] colOf = new int[1024];
        private float[] weightOf = new float[1024];
        private long[] timeOf = new long[1024];
        private int count;
        private Duration halfLife;
        private Instant asOf = Instant.now();

        private Builder(IdIndex users, IdIndex items) {
            this.users = users;
            this.items = items;
        }

        /** Confidence decays by half every {@code halfLife}; {@code null} (the default) turns decay off. */
        public Builder halfLife(Duration halfLife) {
            if (halfLife != null && (halfLife.isNegative() || halfLife.isZero())) {
                throw new IllegalArgumentException("halfLife must be positive, was " + halfLife);
            }
            this.halfLife = halfLife;
            return this;
        }

        /** The moment ages are measured from when decay is on; defaults to the builder's creation. */
        public Builder asOf(Instant asOf) {
            this.asOf = Objects.requireNonNull(asOf, "asOf");
            return this;
        }

        /**
         * Adds one interaction.
         *
         * @throws IllegalArgumentException when the weight is NaN, infinite, zero or negative
         */
        public Builder add(String userId, String itemId, float weight, long epochMillis) {
            if (!Float.isFinite(weight) || weight <= 0f) {
                throw new IllegalArgumentException("weight of (" + userId + ", " + itemId
                        + ") must be finite and positive, was " + weight);
            }
            int user = users.add(userId);
            int item = items.add(itemId);
            if (count == rowOf.length) {
                int capacity = count * 2;
                rowOf = Arrays.copyOf(rowOf, capacity);
                colOf = Arrays.copyOf(colOf, capacity);
                weightOf = Arrays.copyOf(weightOf, capacity);
                timeOf = Arrays.copyOf(timeOf, capacity);
            }
            rowOf[count] = user;
            colOf[count] = item;
            weightOf[count] = weight;
            timeOf[count] = epochMillis;
            count++;
            return this;
        }

        /** Registers a user with no interactions (yet), so that it has an index. */
        public Builder addUser(String userId) {
            users.add(userId);
            return this;
        }

        /** Registers an item with no interactions (yet), so that it has an index. */
        public Builder addItem(String itemId) {
            items.add(itemId);
            return this;
        }

        public Interactions build() {
            int userCount = users.size();
            // Counting sort by user, then a primitive sort by item within each user's segment.
            int[] pointers = new int[userCount + 1];
            for (int e = 0; e < count; e++) {
                pointers[rowOf[e] + 1]++;
            }
            for (int u = 0; u < userCount; u++) {
                pointers[u + 1] += pointers[u];
            }
            int[] byUser = new int[count];
            int[] next = Arrays.copyOf(pointers, userCount);
            for (int e = 0; e < count; e++) {
                byUser[next[rowOf[e]]++] = e;
            }
            double halfLifeMillis = halfLife == null ? 0 : halfLife.toMillis();
            long now = asOf.toEpochMilli();
            int[] cols = new int[count];
            float[] weights = new float[count];
            int[] stored = new int[userCount + 1];
            int size = 0;
            for (int u = 0; u < userCount; u++) {
                int from = pointers[u];
                int length = pointers[u + 1] - from;
                long[] keys = new long[length];
                for (int k = 0; k < length; k++) {
                    keys[k] = ((long) colOf[byUser[from + k]] << 32) | k;
                }
                Arrays.sort(keys);
                int groupStart = 0;
                while (groupStart < length) {
                    int item = (int) (keys[groupStart] >>> 32);
                    int groupEnd = groupStart;
                    while (groupEnd < length && (int) (keys[groupEnd] >>> 32) == item) {
                        groupEnd++;
                    }
                    float total = 0f;
                    for (int g = groupStart; g < groupEnd; g++) {
                        int e = byUser[from + (int) keys[g]];
                        if (!seenBefore(byUser, from, keys, groupStart, g, e)) {
                            total += decayed(weightOf[e], timeOf[e], now, halfLifeMillis);
                        }
                    }
                    cols[size] = item;
                    weights[size] = total;
                    size++;
                    groupStart = groupEnd;
                }
                stored[u + 1] = size;
            }
            return new Interactions(users, items, stored,
                    Arrays.copyOf(cols, size), Arrays.copyOf(weights, size));
        }

        /** Whether an exact repeat of event {@code e} (same time and weight) came earlier in its group. */
        private boolean seenBefore(int[] byUser, int from, long[] keys, int groupStart, int position, int e) {
            for (int g = groupStart; g < position; g++) {
                int earlier = byUser[from + (int) keys[g]];
                if (timeOf[earlier] == timeOf[e] && weightOf[earlier] == weightOf[e]) {
                    return true;
                }
            }
            return false;
        }

        private static float decayed(float weight, long time, long now, double halfLifeMillis) {
            if (halfLifeMillis <= 0) {
                return weight;
            }
            double age = Math.max(0, now - time);
            float result = (float) (weight * Math.pow(0.5, age / halfLifeMillis));
            return result > 0f ? result : Float.MIN_NORMAL;
        }
    }
}
