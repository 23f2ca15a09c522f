package dev.setlist.scorer.eval;

import dev.setlist.scorer.data.IdIndex;
import dev.setlist.scorer.data.Interactions;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Positive feedback split in time per person, by an {@link EvaluationProtocol}: TRAIN, VALIDATION
 * and TEST. People and items are indexed in ascending order of their numeric ids, the same in every
 * part, and the item universe is every item of the kept positives, so a model fitted on one part
 * scores the items of every part.
 *
 * <p>{@link Stage#VALIDATION} pairs TRAIN (to fit) with VALIDATION (to measure), for tuning;
 * {@link Stage#TEST} pairs TRAIN + VALIDATION with TEST, for the final figures.
 *
 * <p>Immutable; share freely. The arrays returned are shared and must not be changed.
 */
public final class TemporalSplit {

    /** What a model is fitted on and measured against. */
    public enum Stage {
        /** Fit on TRAIN, measure on VALIDATION: for choosing hyperparameters. */
        VALIDATION,
        /** Fit on TRAIN + VALIDATION, measure on TEST: for the figures reported. */
        TEST
    }

    private final EvaluationProtocol protocol;
    private final IdIndex users;
    private final IdIndex items;
    private final Interactions train;
    private final Interactions trainAndValidation;
    private final int[][] validation;
    private final int[][] test;
    private final Counts counts;

    private TemporalSplit(EvaluationProtocol protocol, IdIndex users, IdIndex items, Interactions train,
                          Interactions trainAndValidation, int[][] validation, int[][] test, Counts counts) {
        this.protocol = protocol;
        this.users = users;
        this.items = items;
        this.train = train;
        this.trainAndValidation = trainAndValidation;
        this.validation = validation;
        this.test = test;
        this.counts = counts;
    }

    /** A builder that collects ratings and applies {@code protocol} when built. */
    public static Builder builder(EvaluationProtocol protocol) {
        return new Builder(protocol);
    }

    /** Reads every rating of {@code reader} and splits it by {@code protocol}. */
    public static TemporalSplit read(MovieLensReader reader, EvaluationProtocol protocol) throws IOException {
        Builder builder = builder(protocol);
        reader.readRatings(builder::add);
        return builder.build();
    }

    public EvaluationProtocol protocol() {
        return protocol;
    }

    /** The kept people, by their data set ids (as decimal strings), in ascending numeric order. */
    public IdIndex users() {
        return users;
    }

    /** Every item of the kept positives, by data set id, in ascending numeric order. */
    public IdIndex items() {
        return items;
    }

    public int userCount() {
        return users.size();
    }

    public int itemCount() {
        return items.size();
    }

    /** How many ratings were read and kept, and the size of each part. */
    public Counts counts() {
        return counts;
    }

    /** The interactions a model is fitted on at {@code stage}: TRAIN, or TRAIN + VALIDATION. */
    public Interactions training(Stage stage) {
        return stage == Stage.VALIDATION ? train : trainAndValidation;
    }

    /** The items of {@code user} held out at {@code stage}, ascending: VALIDATION or TEST (never empty). */
    public int[] heldOut(Stage stage, int user) {
        return stage == Stage.VALIDATION ? validation[user] : test[user];
    }

    /**
     * Sizes of the data at each step of the protocol.
     *
     * @param ratings         ratings read
     * @param positives       distinct (person, item) positives
     * @param droppedUsers    people dropped for having too few positives
     * @param users           people kept
     * @param items           items among the kept positives
     * @param train           TRAIN positives
     * @param validation      VALIDATION positives
     * @param test            TEST positives
     */
    public record Counts(long ratings, long positives, int droppedUsers, int users, int items, long train,
                         long validation, long test) {
    }

    /**
     * Collects ratings, keeping only positives (as primitive arrays: about 16 bytes each), and
     * applies the protocol in {@link #build()}. A (person, item) pair rated positively more than once
     * is one positive, at the time of its latest positive rating.
     *
     * <p>Not thread-safe; one per split.
     */
    public static final class Builder {
        private final EvaluationProtocol protocol;
        private int[] userIds = new int[1 << 12];
        private int[] itemIds = new int[1 << 12];
        private long[] times = new long[1 << 12];
        private int size;
        private long ratings;

        private Builder(EvaluationProtocol protocol) {
            this.protocol = Objects.requireNonNull(protocol, "protocol");
        }

        /**
         * Adds one rating; kept only when it is a positive.
         *
         * @throws IllegalArgumentException when the rating is not a finite number
         */
        public Builder add(int userId, int itemId, float rating, long epochSeconds) {
            if (!Float.isFinite(rating)) {
                throw new IllegalArgumentException("rating of user " + userId + " for item " + itemId
                        + " must be finite, was " + rating);
            }
            ratings++;
            if (rating < protocol.positiveThreshold()) {
                return this;
            }
            if (size == userIds.length) {
                int capacity = Math.toIntExact(Math.min(Integer.MAX_VALUE - 8L, size * 2L));
                if (capacity == size) {
                    throw new IllegalStateException("more than " + size + " positives");
                }
                userIds = Arrays.copyOf(userIds, capacity);
                itemIds = Arrays.copyOf(itemIds, capacity);
                times = Arrays.copyOf(times, capacity);
            }
            userIds[size] = userId;
            itemIds[size] = itemId;
            times[size] = epochSeconds;
            size++;
            return this;
        }

        /**
         * Applies the protocol.
         *
         * @throws IllegalArgumentException when no person has enough positives
         */
        public TemporalSplit build() {
            int[] distinctUsers = distinctSorted(userIds, size);
            int[] distinctItems = distinctSorted(itemIds, size);

            // Group the positives by person (counting sort on the person's rank).
            int userCount = distinctUsers.length;
            int[] userOf = new int[size];
            int[] start = new int[userCount + 1];
            for (int e = 0; e < size; e++) {
                userOf[e] = Arrays.binarySearch(distinctUsers, userIds[e]);
                start[userOf[e] + 1]++;
            }
            for (int u = 0; u < userCount; u++) {
                start[u + 1] += start[u];
            }
            int[] byUser = new int[size];
            int[] next = Arrays.copyOf(start, userCount);
            for (int e = 0; e < size; e++) {
                byUser[next[userOf[e]]++] = e;
            }

            // Per person: one positive per item (its latest time), ordered by (time, item id).
            long positives = 0;
            List<long[]> orderedByUser = new ArrayList<>(userCount);
            boolean[] itemKept = new boolean[distinctItems.length];
            int keptUsers = 0;
            for (int u = 0; u < userCount; u++) {
                long[] ordered = orderedPositives(byUser, start[u], start[u + 1], distinctItems);
                positives += ordered.length / 2;
                if (ordered.length / 2 >= protocol.minimumPositives()) {
                    orderedByUser.add(ordered);
                    keptUsers++;
                    for (int k = 1; k < ordered.length; k += 2) {
                        itemKept[(int) ordered[k]] = true;
                    }
                } else {
                    orderedByUser.add(null);
                }
            }
            if (keptUsers == 0) {
                throw new IllegalArgumentException("no person has " + protocol.minimumPositives()
                        + " or more positives (ratings >= " + protocol.positiveThreshold() + ") among "
                        + ratings + " ratings");
            }

            List<String> userNames = new ArrayList<>(keptUsers);
            for (int u = 0; u < userCount; u++) {
                if (orderedByUser.get(u) != null) {
                    userNames.add(Integer.toString(distinctUsers[u]));
                }
            }
            int[] itemIndexOfRank = new int[distinctItems.length];
            List<String> itemNames = new ArrayList<>();
            for (int rank = 0; rank < distinctItems.length; rank++) {
                itemIndexOfRank[rank] = itemKept[rank] ? itemNames.size() : -1;
                if (itemKept[rank]) {
                    itemNames.add(Integer.toString(distinctItems[rank]));
                }
            }
            IdIndex users = IdIndex.of(userNames);
            IdIndex items = IdIndex.of(itemNames);

            Interactions.Builder train = Interactions.builder(users, items);
            Interactions.Builder trainAndValidation = Interactions.builder(users, items);
            int[][] validation = new int[keptUsers][];
            int[][] test = new int[keptUsers][];
            long trainCount = 0;
            long validationCount = 0;
            long testCount = 0;
            int user = 0;
            for (long[] ordered : orderedByUser) {
                if (ordered == null) {
                    continue;
                }
                String userId = users.idAt(user);
                int n = ordered.length / 2;
                int testSize = EvaluationProtocol.heldOutCount(n, protocol.testFraction());
                int rest = n - testSize;
                int validationSize = EvaluationProtocol.heldOutCount(rest, protocol.validationFraction());
                int trainSize = rest - validationSize;
                test[user] = itemIndices(ordered, rest, n, itemIndexOfRank);
                validation[user] = itemIndices(ordered, trainSize, rest, itemIndexOfRank);
                for (int k = 0; k < rest; k++) {
                    String itemId = items.idAt(itemIndexOfRank[(int) ordered[2 * k + 1]]);
                    long millis = ordered[2 * k] * 1000;
                    if (k < trainSize) {
                        train.add(userId, itemId, 1f, millis);
                    }
                    trainAndValidation.add(userId, itemId, 1f, millis);
                }
                trainCount += trainSize;
                validationCount += validationSize;
                testCount += testSize;
                user++;
            }
            Counts counts = new Counts(ratings, positives, userCount - keptUsers, keptUsers, items.size(),
                    trainCount, validationCount, testCount);
            return new TemporalSplit(protocol, users, items, train.build(), trainAndValidation.build(),
                    validation, test, counts);
        }

        /**
         * The positives of one person as {@code [time0, itemRank0, time1, itemRank1, ...]}, one per
         * item (its latest time), sorted by time and then item rank.
         */
        private long[] orderedPositives(int[] byUser, int from, int to, int[] distinctItems) {
            int length = to - from;
            // Sort by (item rank, time) to keep each item's latest positive.
            long[] itemThenPosition = new long[length];
            for (int k = 0; k < length; k++) {
                int e = byUser[from + k];
                itemThenPosition[k] = ((long) Arrays.binarySearch(distinctItems, itemIds[e]) << 32) | k;
            }
            Arrays.sort(itemThenPosition);
            int[] rankOf = new int[length];
            long[] timeOf = new long[length];
            int distinct = 0;
            for (int k = 0; k < length; k++) {
                int rank = (int) (itemThenPosition[k] >>> 32);
                long time = times[byUser[from + (int) itemThenPosition[k]]];
                if (distinct > 0 && rankOf[distinct - 1] == rank) {
                    timeOf[distinct - 1] = Math.max(timeOf[distinct - 1], time);
                } else {
                    rankOf[distinct] = rank;
                    timeOf[distinct] = time;
                    distinct++;
                }
            }
            // Sort by (time, item rank): times replaced by their rank among this person's times.
            long[] sortedTimes = Arrays.copyOf(timeOf, distinct);
            Arrays.sort(sortedTimes);
            long[] keys = new long[distinct];
            for (int k = 0; k < distinct; k++) {
                long timeRank = Arrays.binarySearch(sortedTimes, timeOf[k]);
                keys[k] = (timeRank << 32) | rankOf[k];
            }
            Arrays.sort(keys);
            long[] ordered = new long[2 * distinct];
            for (int k = 0; k < distinct; k++) {
                ordered[2 * k] = sortedTimes[(int) (keys[k] >>> 32)];
                ordered[2 * k + 1] = keys[k] & 0xffffffffL;
            }
            return ordered;
        }

        private static int[] itemIndices(long[] ordered, int from, int to, int[] itemIndexOfRank) {
            int[] result = new int[to - from];
            for (int k = from; k < to; k++) {
                result[k - from] = itemIndexOfRank[(int) ordered[2 * k + 1]];
            }
            Arrays.sort(result);
            return result;
        }

        private static int[] distinctSorted(int[] values, int size) {
            int[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            int distinct = 0;
            for (int k = 0; k < size; k++) {
                if (distinct == 0 || sorted[distinct - 1] != sorted[k]) {
                    sorted[distinct++] = sorted[k];
                }
            }
            return Arrays.copyOf(sorted, distinct);
        }
    }
}
