package dev.setlist.scorer.bench;

import dev.setlist.scorer.als.AlsModel;
import dev.setlist.scorer.als.AlsSettings;
import dev.setlist.scorer.als.AlsTrainer;
import dev.setlist.scorer.candidates.CandidateGenerator;
import dev.setlist.scorer.candidates.CandidateRequest;
import dev.setlist.scorer.catalog.ItemProfile;
import dev.setlist.scorer.data.Interactions;
import dev.setlist.scorer.data.SyntheticInteractions;
import dev.setlist.scorer.data.UserHistory;
import dev.setlist.scorer.path.TastePath;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Prints the scorer's goal figures in one short run (about a minute on two cores):
 * <pre>
 *   train    1M synthetic interactions (100k users x 20k items), k = 64, 10 iterations      goal <= 10 s
 *   solvers  CG against exact Cholesky at equal iterations: time and planted-ranking recall
 *   serving  fold-in of 200 interactions (goal < 1 ms), top-20 over 100k items (goal < 3 ms),
 *            retained heap of a 100k-item, 10k-user model at k = 64 (goal < 100 MB)
 *   journey  the scorer's part of a journey over the same 100k items: the taste path, then the best 36
 *            items near each of 30 points
 * </pre>
 * Arguments: any of {@code train solvers serving journey}, or {@code all}. Wall and CPU time are both printed,
 * with the load average, because the machine may be shared. JMH gives the careful latency figures
 * ({@link FoldInBenchmark}, {@link CandidateBenchmark}); this runner gives all figures quickly.
 */
public final class ScorerBench {

    private ScorerBench() {
    }

    public static void main(String[] args) {
        Set<String> modes = Set.of(args.length == 0 ? new String[] {"all"} : args);
        boolean all = modes.contains("all");
        System.out.printf("scorer bench: %d processors, load average %.2f, java %s%n",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), System.getProperty("java.version"));
        if (all || modes.contains("train")) {
            train();
        }
        if (all || modes.contains("solvers")) {
            solvers();
        }
        if (all || modes.contains("serving")) {
            serving();
        }
        if (all || modes.contains("journey")) {
            journey();
        }
    }

    private static void journey() {
        Interactions data = BenchFixtures.servingData();
        AlsModel model = BenchFixtures.servingModel(data);
        int[] ends = IntStream.range(0, model.itemCount()).filter(item -> model.itemFrequency(item) > 0)
                .limit(2).toArray();
        float[] person = model.foldIn(data.history(17));
        System.out.printf("journey: %,d items, k = %d%n", model.itemCount(), model.factors());
        System.out.printf("  taste path (cosines of every item with both ends and the person): %s%n",
                perCall(() -> TastePath.between(model, ends[0], ends[1], person), 50));
        TastePath path = TastePath.between(model, ends[0], ends[1], person);
        System.out.printf("  the best 36 near each of 30 points: %s%n", perCall(() -> {
            for (int step = 1; step < 29; step++) {
                path.nearest(step / 29.0, 36, 0.3, item -> true);
            }
        }, 10));
    }

    private static void train() {
        Interactions data = BenchFixtures.trainingData();
        AlsSettings settings = AlsSettings.defaults().withFactors(64).withIterations(10);
        System.out.printf("train: %,d users x %,d items, %,d interactions, k = %d, %d iterations, %d threads, %s%n",
                data.userCount(), data.itemCount(), data.size(), settings.factors(), settings.iterations(),
                settings.effectiveThreads(), settings.solver());
        for (int run = 1; run <= 2; run++) {
            Timer timer = Timer.start();
            new AlsTrainer(settings).fit(data);
            System.out.printf("  run %d: %s%n", run, timer);
        }
    }

    private static void solvers() {
        SyntheticInteractions.Planted planted = SyntheticInteractions.planted(3000, 1000, 8, 30, 3.0, 5);
        System.out.printf("solvers: planted rank 8, %,d users x %,d items, %,d interactions, k = 32, 10 iterations%n",
                planted.data().userCount(), planted.data().itemCount(), planted.data().size());
        for (AlsSettings.Solver solver : AlsSettings.Solver.values()) {
            AlsSettings settings = AlsSettings.defaults().withFactors(32).withIterations(10)
                    .withRegularization(0.01).withSolver(solver);
            Timer timer = Timer.start();
            AlsModel model = new AlsTrainer(settings).fit(planted.data());
            String time = timer.toString();
            System.out.printf("  %-5s %s, planted recall@10 %.4f%n", solver, time, plantedRecall(planted, model));
        }
    }

    /** Mean over users of the overlap of the model's and the plant's top 10 unplayed items. */
    private static double plantedRecall(SyntheticInteractions.Planted planted, AlsModel model) {
        Interactions data = planted.data();
        float[] scores = new float[data.itemCount()];
        double total = 0;
        int users = Math.min(1000, data.userCount());
        for (int user = 0; user < users; user++) {
            UserHistory history = data.history(user);
            model.score(history, scores);
            int finalUser = user;
            int[] byModel = top10(i -> scores[i], history, data.itemCount());
            Set<Integer> byPlant = Set.of(Arrays.stream(top10(i -> planted.affinity(finalUser, i), history,
                    data.itemCount())).boxed().toArray(Integer[]::new));
            total += Arrays.stream(byModel).filter(byPlant::contains).count() / 10.0;
        }
        return total / users;
    }

    private static int[] top10(java.util.function.IntToDoubleFunction score, UserHistory history, int items) {
        return IntStream.range(0, items).filter(i -> !history.contains(i)).boxed()
                .sorted((a, b) -> Double.compare(score.applyAsDouble(b), score.applyAsDouble(a)))
                .limit(10).mapToInt(Integer::intValue).toArray();
    }

    private static void serving() {
        long before = usedHeapAfterGc();
        Interactions data = BenchFixtures.servingData();
        long afterData = usedHeapAfterGc();
        AlsModel model = BenchFixtures.servingModel(data);
        long afterModel = usedHeapAfterGc();
        System.out.printf("serving: %,d users x %,d items, %,d interactions, k = %d%n",
                data.userCount(), data.itemCount(), data.size(), model.factors());
        System.out.printf("  retained heap: model %.1f MB, interactions %.1f MB, together %.1f MB%n",
                mb(afterModel - afterData), mb(afterData - before), mb(afterModel - before));

        UserHistory history = BenchFixtures.history(200, model.itemCount(), 7);
        System.out.printf("  fold-in, 200 interactions: %s%n", perCall(() -> model.foldIn(history), 500));

        List<ItemProfile> catalog = BenchFixtures.catalog(data);
        CandidateGenerator generator = CandidateGenerator.builder(model, catalog).build();
        CandidateRequest request = CandidateRequest.of(data.history(17), 20);
        System.out.printf("  top-20 of %,d items (fold-in, scores, selection, parts): %s%n", catalog.size(),
                perCall(() -> generator.generate(request), 100));
        // Keep the model reachable until here, so the heap figure above is what a server holds.
        if (model.itemCount() != catalog.size()) {
            throw new IllegalStateException("catalog and model disagree");
        }
    }

    /**
     * Per-call time of {@code call} over five rounds of {@code calls} calls after a warm-up: the mean wall
     * time of the best round, and the calling thread's CPU time per call in that round (which leaves out
     * time spent descheduled on a shared machine).
     */
    private static String perCall(Runnable call, int calls) {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int warm = 0; warm < 3 * calls; warm++) {
            call.run();
        }
        double bestWall = Double.MAX_VALUE;
        double bestCpu = Double.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long wall = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            for (int c = 0; c < calls; c++) {
                call.run();
            }
            bestWall = Math.min(bestWall, (System.nanoTime() - wall) / 1e6 / calls);
            bestCpu = Math.min(bestCpu, (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / calls);
        }
        return String.format("%.3f ms wall, %.3f ms cpu per call (best of 5 rounds of %d)", bestWall, bestCpu, calls);
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    /** Wall and process CPU time since start. */
    private record Timer(long wallStart, long cpuStart) {
        static Timer start() {
            return new Timer(System.nanoTime(), cpu());
        }

        double millis() {
            return (System.nanoTime() - wallStart) / 1e6;
        }

        private static long cpu() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }

        @Override
        public String toString() {
            return String.format("wall %.2f s, cpu %.2f s", millis() / 1000, (cpu() - cpuStart) / 1e9);
        }
    }
}
