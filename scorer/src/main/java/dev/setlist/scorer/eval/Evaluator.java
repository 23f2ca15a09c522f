package dev.setlist.scorer.eval;

import dev.setlist.scorer.RecommenderModel;
import dev.setlist.scorer.data.Interactions;
import dev.setlist.scorer.data.UserHistory;
import dev.setlist.scorer.eval.TemporalSplit.Stage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures a fitted model on a {@link TemporalSplit}: for every person, the model scores every item
 * from the person's training history, the training items are left out, the top {@code K} (largest
 * cutoff) are ranked (ties by item index), and each {@link CutoffMetrics} figure is computed against
 * the held-out items and averaged over people.
 *
 * <p>People are scored in parallel; each person's figures land in a slot of their own and are summed
 * in person order afterwards, so the result does not depend on the number of threads.
 *
 * <p>Immutable; share freely. {@link #evaluate} may run concurrently.
 */
public final class Evaluator {

    /** The list lengths every report uses. */
    public static final List<Integer> CUTOFFS = List.of(10, 20);

    private static final int USERS_PER_TASK = 16;

    private final TemporalSplit split;
    private final ItemGenres genres;
    private final List<Integer> cutoffs;
    private final int threads;

    /**
     * @param genres  the items' genres for diversity, indexed like the split's items
     * @param cutoffs the list lengths to measure at, ascending, each at least 1
     * @param threads how many threads score people (at least 1)
     */
    public Evaluator(TemporalSplit split, ItemGenres genres, List<Integer> cutoffs, int threads) {
        this.split = Objects.requireNonNull(split, "split");
        this.genres = Objects.requireNonNull(genres, "genres");
        this.cutoffs = List.copyOf(cutoffs);
        if (genres.itemCount() != split.itemCount()) {
            throw new IllegalArgumentException("genres cover " + genres.itemCount() + " items, the split "
                    + split.itemCount());
        }
        if (this.cutoffs.isEmpty()) {
            throw new IllegalArgumentException("at least one cutoff is needed");
        }
        for (int c = 0; c < this.cutoffs.size(); c++) {
            if (this.cutoffs.get(c) < 1 || (c > 0 && this.cutoffs.get(c) <= this.cutoffs.get(c - 1))) {
                throw new IllegalArgumentException("cutoffs must be positive and ascending, were " + cutoffs);
            }
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        this.threads = threads;
    }

    /** An evaluator at {@link #CUTOFFS} on all available processors. */
    public Evaluator(TemporalSplit split, ItemGenres genres) {
        this(split, genres, CUTOFFS, Runtime.getRuntime().availableProcessors());
    }

    public TemporalSplit split() {
        return split;
    }

    /**
     * Measures {@code model}, which must have been fitted on {@code split().training(stage)}, against
     * the items held out at {@code stage}.
     *
     * @throws IllegalArgumentException when the model scores a different number of items than the split has
     * @throws IllegalStateException    when the model scores an item as NaN
     */
    public Metrics evaluate(RecommenderModel model, Stage stage) {
        int itemCount = split.itemCount();
        if (model.itemCount() != itemCount) {
            throw new IllegalArgumentException("the model scores " + model.itemCount() + " items; the split has "
                    + itemCount + ": was it fitted on this split?");
        }
        Interactions training = split.training(stage);
        int userCount = split.userCount();
        int[] degrees = new int[itemCount];
        for (int item = 0; item < itemCount; item++) {
            degrees[item] = training.itemDegree(item);
        }
        double[] selfInformation = ListMetrics.selfInformation(degrees, userCount);
        int longest = cutoffs.get(cutoffs.size() - 1);

        int[][] rankedByUser = new int[userCount][];
        // perUser[c][figure][user]: recall, ndcg, hit, reciprocal rank, diversity, novelty.
        double[][][] perUser = new double[cutoffs.size()][6][userCount];
        forEachUserBlock(userCount, (from, to) -> {
            float[] scores = new float[itemCount];
            for (int user = from; user < to; user++) {
                UserHistory history = training.history(user);
                model.score(history, scores);
                int[] ranked = TopItems.select(scores, itemCount, history.items(), longest);
                rankedByUser[user] = ranked;
                int[] relevant = split.heldOut(stage, user);
                for (int c = 0; c < cutoffs.size(); c++) {
                    int k = cutoffs.get(c);
                    perUser[c][0][user] = ListMetrics.recall(ranked, relevant, k);
                    perUser[c][1][user] = ListMetrics.ndcg(ranked, relevant, k);
                    perUser[c][2][user] = ListMetrics.hit(ranked, relevant, k);
                    perUser[c][3][user] = ListMetrics.reciprocalRank(ranked, relevant, k);
                    perUser[c][4][user] = ListMetrics.diversity(ranked, k, genres);
                    perUser[c][5][user] = ListMetrics.novelty(ranked, k, selfInformation);
                }
            }
        });

        List<CutoffMetrics> result = new ArrayList<>(cutoffs.size());
        for (int c = 0; c < cutoffs.size(); c++) {
            int k = cutoffs.get(c);
            boolean[] recommended = new boolean[itemCount];
            int distinct = 0;
            for (int[] ranked : rankedByUser) {
                for (int r = 0; r < Math.min(k, ranked.length); r++) {
                    if (!recommended[ranked[r]]) {
                        recommended[ranked[r]] = true;
                        distinct++;
                    }
                }
            }
            double[][] figures = perUser[c];
            result.add(new CutoffMetrics(k, mean(figures[0]), mean(figures[1]), mean(figures[2]),
                    mean(figures[3]), (double) distinct / itemCount, mean(figures[4]), mean(figures[5])));
        }
        return new Metrics(userCount, result);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    @FunctionalInterface
    private interface UserBlock {
        void run(int from, int to);
    }

    private void forEachUserBlock(int userCount, UserBlock block) {
        int tasks = (userCount + USERS_PER_TASK - 1) / USERS_PER_TASK;
        AtomicInteger next = new AtomicInteger();
        Runnable drain = () -> {
            for (int t = next.getAndIncrement(); t < tasks; t = next.getAndIncrement()) {
                block.run(t * USERS_PER_TASK, Math.min(userCount, (t + 1) * USERS_PER_TASK));
            }
        };
        int helpers = Math.min(threads, tasks) - 1;
        if (helpers <= 0) {
            drain.run();
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(helpers, runnable -> {
            Thread thread = new Thread(runnable, "evaluator");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> running = new ArrayList<>(helpers);
            for (int h = 0; h < helpers; h++) {
                running.add(pool.submit(drain));
            }
            drain.run();
            for (Future<?> future : running) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while evaluating", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
