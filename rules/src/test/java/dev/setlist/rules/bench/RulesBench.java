package dev.setlist.rules.bench;

import dev.setlist.rules.CompileResult;
import dev.setlist.rules.CompiledRuleBook;
import dev.setlist.rules.FileVersionStore;
import dev.setlist.rules.LiveRuleBook;
import dev.setlist.rules.RuleCompiler;
import dev.setlist.rules.RuleLimits;
import dev.setlist.rules.RuleOutcome;
import dev.setlist.rules.RuleSources;
import dev.setlist.rules.model.Curation;
import dev.setlist.rules.model.ListeningContext;
import dev.setlist.rules.model.Mode;
import dev.setlist.rules.model.SessionSoFar;
import dev.setlist.rules.model.Tuning;
import dev.setlist.scorer.candidates.Candidate;
import dev.setlist.scorer.candidates.ScoreParts;
import dev.setlist.scorer.catalog.ItemProfile;
import dev.setlist.scorer.catalog.ItemProfile.ItemKind;
import dev.setlist.scorer.sequencing.Sequencer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Prints the rules stage's figures: build time of the shipped packs (first build in a fresh JVM,
 * then warm), evaluation latency for 500 candidates with a reused book (p50, p90, p99, max over
 * several thousand evaluations across all modes), sequencing latency for the same 500, and the time
 * from a save in a watched folder until the new book serves. Latencies are given as wall time and
 * as the evaluating thread's CPU time: on a shared machine the second is the one that does not
 * depend on what the neighbours are doing.
 *
 * <p>Run with the command in docs/benchmarks.md. Arguments: {@code [evaluations] [warmup] [evaluate]}
 * (default 5000 and 3000; a third argument {@code evaluate} measures the evaluation only: one build,
 * no sequencing and no reload, for quick before/after runs while profiling; {@code compare <folder>} as the
 * third and fourth argument evaluates the shipped packs and the same packs with the folder's files replacing
 * theirs alternately in one JVM, the fair before/after of a pack change on a shared machine; {@code builds} as
 * the third evaluates the shipped packs' precompiled model and their classic build alternately in one JVM).
 */
public final class RulesBench {

    private static final String[] GENRES = {"Drama", "Comedy", "Action", "Thriller", "Horror", "Romance",
        "Documentary", "Animation", "Family", "Science Fiction", "Rock", "Electronic", "Jazz", "Ambient",
        "Classical", "Hip-Hop", "Crime", "Mystery"};
    private static final String[] TAGS = {"calm", "high-energy", "upbeat", "instrumental", "ambient",
        "cliffhanger", "slow-burn", "feel-good"};
    private static final String[] RATINGS = {"G", "PG", "PG-13", "R", "TV-Y", "TV-PG", "TV-14", "TV-MA", null};

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private RulesBench() {
    }

    public static void main(String[] args) throws Exception {
        int evaluations = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        System.out.printf(Locale.ROOT, "Java %s, %d processors, load average %s%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), loadAverage());

        if (args.length > 2 && args[2].equals("builds")) {
            compareBuilds(evaluations, warmup);
            return;
        }
        if (args.length > 3 && args[2].equals("compare")) {
            compare(Path.of(args[3]), evaluations, warmup);
            return;
        }
        boolean evaluateOnly = args.length > 2 && args[2].equals("evaluate");
        CompiledRuleBook book = evaluateOnly ? buildOnce() : buildFigures();
        for (int i = 1; evaluateOnly && args.length > 3 && i < Integer.parseInt(args[3]); i++) {
            buildOnce(); // more builds in this JVM, as in the full bench and a server that reloads often
        }
        evaluationFigures(book, evaluations, warmup, evaluateOnly);
        if (!evaluateOnly) {
            reloadFigures();
        }
    }

    private static CompiledRuleBook buildOnce() {
        // The classic build's book: the one a server serves once its background build replaced the model.
        CompileResult result = RuleCompiler.classicOnly(RuleLimits.DEFAULTS).compile(RuleSources.defaults(), "defaults");
        if (!result.ok()) {
            throw new IllegalStateException(result.report());
        }
        return result.book();
    }

    /**
     * The first build in this JVM is the server's: a {@link LiveRuleBook} starting on an empty rules
     * folder, which serves the shipped packs from their precompiled model. Then warm builds of the
     * same, and the classic build of the same packs (first in this JVM, then warm), which every book
     * with curator files takes.
     */
    private static CompiledRuleBook buildFigures() throws Exception {
        Path folder = Files.createTempDirectory("setlist-bench-start");
        Path versions = Files.createTempDirectory("setlist-bench-start-versions");
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        CompiledRuleBook first;
        try (LiveRuleBook live = new LiveRuleBook(new LiveRuleBook.Settings(folder, RuleLimits.DEFAULTS,
                Duration.ofMillis(200), false), new FileVersionStore(versions))) {
            first = live.current();
        }
        double firstMillis = (System.nanoTime() - start) / 1e6;
        double firstCpuMillis = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6;
        System.out.printf(Locale.ROOT, "build shipped packs (%d rules, incl. smoke check), first in JVM as a server "
                        + "starts (%s): %.0f ms, thread CPU %.0f ms%n", first.ruleNames().size(),
                first.releaseId().contains(":precompiled:") ? "precompiled model" : "classic build", firstMillis,
                firstCpuMillis);
        warmBuilds("precompiled model", new RuleCompiler(), 8);
        long classicStart = System.nanoTime();
        long classicCpu = THREADS.getCurrentThreadCpuTime();
        CompiledRuleBook classic = build(RuleCompiler.classicOnly(RuleLimits.DEFAULTS));
        System.out.printf(Locale.ROOT, "  classic build (DRL + ECJ: curator files, and the book that replaces the "
                        + "model in the background): first in JVM %.0f ms, thread CPU %.0f ms%n",
                (System.nanoTime() - classicStart) / 1e6, (THREADS.getCurrentThreadCpuTime() - classicCpu) / 1e6);
        warmBuilds("classic build", RuleCompiler.classicOnly(RuleLimits.DEFAULTS), 8);
        // What a server serves once its background build is done (LiveRuleBook), and what it served before.
        return classic;
    }

    private static void warmBuilds(String what, RuleCompiler compiler, int count) {
        double[] warm = new double[count];
        for (int i = 0; i < warm.length; i++) {
            long each = System.nanoTime();
            build(compiler);
            warm[i] = (System.nanoTime() - each) / 1e6;
        }
        Arrays.sort(warm);
        System.out.printf(Locale.ROOT, "  %s: warm median %.0f ms, min %.0f ms, max %.0f ms (n=%d)%n", what,
                warm[warm.length / 2], warm[0], warm[warm.length - 1], warm.length);
    }

    private static CompiledRuleBook build(RuleCompiler compiler) {
        CompileResult result = compiler.compile(RuleSources.defaults(), "defaults");
        if (!result.ok()) {
            throw new IllegalStateException(result.report());
        }
        return result.book();
    }

    /**
     * The shipped packs' precompiled book against their classic build, evaluated alternately in one
     * JVM: what the executable model costs or saves per evaluation.
     */
    private static void compareBuilds(int evaluations, int warmup) {
        CompiledRuleBook precompiled = build(new RuleCompiler());
        CompiledRuleBook classic = build(RuleCompiler.classicOnly(RuleLimits.DEFAULTS));
        compareBooks(new CompiledRuleBook[] {precompiled, classic}, new String[] {"precompiled model", "classic build"},
                evaluations, warmup);
    }

    /** The bench's request: 500 candidates, a curation and one context per mode (and one inferred). */
    private record Workload(List<Candidate> candidates, Curation curation, List<ListeningContext> contexts,
                            Tuning tuning) {
    }

    private static Workload workload() {
        LocalDateTime now = LocalDateTime.of(2025, 3, 7, 20, 30);
        List<Candidate> candidates = candidates(500, now, new Random(42));
        Set<String> featured = new HashSet<>();
        Set<String> hidden = new HashSet<>();
        Map<String, Instant> lastPlayed = new HashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            String id = candidates.get(i).itemId();
            if (i % 50 == 7) {
                featured.add(id);
            }
            if (i % 97 == 3) {
                hidden.add(id);
            }
            if (i % 13 == 5) {
                lastPlayed.put(id, now.minusDays(i % 20).toInstant(ZoneOffset.UTC));
            }
        }
        Curation curation = new Curation(featured, hidden);
        List<ItemProfile> played = candidates.subList(0, 4).stream().map(Candidate::item).toList();
        List<ListeningContext> contexts = new ArrayList<>();
        for (Mode mode : new Mode[] {null, Mode.EVERYDAY, Mode.WORKOUT, Mode.FOCUS, Mode.KIDS, Mode.LATE_NIGHT,
            Mode.MOVIE_NIGHT}) {
            contexts.add(new ListeningContext("bench", null, mode, now, "Living Room TV", "Jellyfin Android TV",
                    SessionSoFar.of(played), null, lastPlayed, Map.of()));
        }
        return new Workload(candidates, curation, contexts, Tuning.DEFAULTS.withBudgetMinutes(240));
    }

    /**
     * The shipped packs against the same packs with the files in {@code folder} replacing theirs
     * (say, the previous version of a pack), evaluated alternately in one JVM so that both see the
     * same machine: on a shared machine that is the only fair before/after.
     */
    private static void compare(Path folder, int evaluations, int warmup) throws Exception {
        // Both books from the classic build, so that only the pack change differs.
        CompiledRuleBook shipped = build(RuleCompiler.classicOnly(RuleLimits.DEFAULTS));
        CompileResult other = RuleCompiler.classicOnly(RuleLimits.DEFAULTS).compile(RuleSources.defaultsPlus(RuleSources.readFolder(folder)),
                "other");
        if (!other.ok()) {
            throw new IllegalStateException(other.report());
        }
        compareBooks(new CompiledRuleBook[] {shipped, other.book()},
                new String[] {"shipped", folder.getFileName().toString()}, evaluations, warmup);
    }

    private static void compareBooks(CompiledRuleBook[] books, String[] names, int evaluations, int warmup) {
        Workload load = workload();
        List<ListeningContext> contexts = load.contexts();
        for (int i = 0; i < warmup; i++) {
            for (CompiledRuleBook book : books) {
                book.evaluate(contexts.get(i % contexts.size()), load.tuning(), load.candidates(), load.curation());
            }
        }
        long[][] cpu = new long[2][evaluations];
        long[][][] cpuByMode = new long[2][contexts.size()][(evaluations + contexts.size() - 1) / contexts.size()];
        int[][] firingsByMode = new int[2][contexts.size()];
        for (int i = 0; i < evaluations; i++) {
            for (int b = 0; b < 2; b++) {
                // Alternate which book goes first, so that neither always runs on a cache the other warmed.
                int which = (i & 1) == 0 ? b : 1 - b;
                long cpuStart = THREADS.getCurrentThreadCpuTime();
                RuleOutcome outcome = books[which].evaluate(contexts.get(i % contexts.size()), load.tuning(),
                        load.candidates(), load.curation());
                cpu[which][i] = THREADS.getCurrentThreadCpuTime() - cpuStart;
                if (outcome.failed()) {
                    throw new IllegalStateException(outcome.failure());
                }
                cpuByMode[which][i % contexts.size()][i / contexts.size()] = cpu[which][i];
                firingsByMode[which][i % contexts.size()] = outcome.firings();
            }
        }
        for (int b = 0; b < 2; b++) {
            print("evaluate 500 candidates, " + names[b] + ", thread CPU", cpu[b]);
            System.out.println(byMode(contexts, cpuByMode[b], firingsByMode[b], evaluations));
        }
        System.out.printf(Locale.ROOT, "load average at the end %s%n", loadAverage());
    }

    private static String byMode(List<ListeningContext> contexts, long[][] cpuByMode, int[] firingsByMode,
                                 int evaluations) {
        StringBuilder byMode = new StringBuilder("  thread CPU p50 by mode (firings):");
        for (int m = 0; m < contexts.size(); m++) {
            int n = evaluations / contexts.size() + (m < evaluations % contexts.size() ? 1 : 0);
            if (n == 0) {
                continue;
            }
            long[] sorted = Arrays.copyOf(cpuByMode[m], n);
            Arrays.sort(sorted);
            Mode mode = contexts.get(m).mode();
            byMode.append(String.format(Locale.ROOT, " %s %.2f ms (%d)%s", mode == null ? "inferred" : mode.key(),
                    percentile(sorted, 0.5), firingsByMode[m], m + 1 < contexts.size() ? "," : ""));
        }
        return byMode.toString();
    }

    private static void evaluationFigures(CompiledRuleBook book, int evaluations, int warmup, boolean evaluateOnly) {
        Workload load = workload();
        List<Candidate> candidates = load.candidates();
        Curation curation = load.curation();
        List<ListeningContext> contexts = load.contexts();
        Tuning tuning = load.tuning();
        for (int i = 0; i < warmup; i++) {
            book.evaluate(contexts.get(i % contexts.size()), tuning, candidates, curation);
        }
        long[] nanos = new long[evaluations];
        long[] cpu = new long[evaluations];
        long[][] cpuByMode = new long[contexts.size()][(evaluations + contexts.size() - 1) / contexts.size()];
        int[] firingsByMode = new int[contexts.size()];
        int firings = 0;
        long allocatedBefore = dev.setlist.rules.guard.AllocationMeter.allocatedByThisThread();
        for (int i = 0; i < evaluations; i++) {
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            RuleOutcome outcome = book.evaluate(contexts.get(i % contexts.size()), tuning, candidates, curation);
            nanos[i] = System.nanoTime() - start;
            cpu[i] = THREADS.getCurrentThreadCpuTime() - cpuStart;
            if (outcome.failed()) {
                throw new IllegalStateException(outcome.failure());
            }
            firings += outcome.firings();
            cpuByMode[i % contexts.size()][i / contexts.size()] = cpu[i];
            firingsByMode[i % contexts.size()] = outcome.firings();
        }
        print("evaluate 500 candidates (reused book, all modes), wall", nanos);
        print("evaluate 500 candidates (reused book, all modes), thread CPU", cpu);
        long allocated = dev.setlist.rules.guard.AllocationMeter.allocatedByThisThread() - allocatedBefore;
        System.out.printf(Locale.ROOT, "  mean rule firings per evaluation: %.0f; allocated per evaluation: %.0f KB "
                + "(with the bench's own bookkeeping)%n", (double) firings / evaluations, allocated / 1024.0 / evaluations);
        System.out.println(byMode(contexts, cpuByMode, firingsByMode, evaluations));
        if (evaluateOnly) {
            return;
        }

        Sequencer sequencer = new Sequencer();
        List<RuleOutcome> outcomes = new ArrayList<>();
        for (ListeningContext context : contexts) {
            outcomes.add(book.evaluate(context, tuning, candidates, curation));
        }
        for (int i = 0; i < warmup; i++) {
            sequencer.sequence(outcomes.get(i % outcomes.size()).toSequenceRequest());
        }
        long[] sequencing = new long[evaluations];
        long[] sequencingCpu = new long[evaluations];
        for (int i = 0; i < evaluations; i++) {
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            sequencer.sequence(outcomes.get(i % outcomes.size()).toSequenceRequest());
            sequencing[i] = System.nanoTime() - start;
            sequencingCpu[i] = THREADS.getCurrentThreadCpuTime() - cpuStart;
        }
        print("sequence 500 offers into 20 entries, wall", sequencing);
        print("sequence 500 offers into 20 entries, thread CPU", sequencingCpu);
    }

    private static void reloadFigures() throws Exception {
        Path rules = Files.createTempDirectory("setlist-bench-rules");
        Path versions = Files.createTempDirectory("setlist-bench-versions");
        try (LiveRuleBook live = new LiveRuleBook(new LiveRuleBook.Settings(rules, RuleLimits.DEFAULTS,
                Duration.ofMillis(200), true), new FileVersionStore(versions))) {
            // A server that starts on the precompiled model replaces it with the classic build's book in the
            // background; a save in those first seconds waits for that build. Measure saves after it.
            long started = System.nanoTime();
            while (live.current().releaseId().contains(":precompiled:")) {
                if (System.nanoTime() - started > Duration.ofSeconds(60).toNanos()) {
                    throw new IllegalStateException("the model was not replaced within 60 s: " + live.status());
                }
                Thread.sleep(5);
            }
            System.out.printf(Locale.ROOT, "classic book replaced the precompiled model %.0f ms after the start%n",
                    (System.nanoTime() - started) / 1e6);
            double[] millis = new double[5];
            for (int round = 0; round < millis.length; round++) {
                String expected = "v" + (round + 1);
                String drl = """
                        package curator
                        import dev.setlist.rules.model.*
                        rule "Curator boost"
                        when
                            $item : Item( hasGenre("Drama") )
                        then
                            insert(Adjustment.boost($item, %d, "bench"));
                        end
                        """.formatted(10 + round);
                long start = System.nanoTime();
                Files.writeString(rules.resolve("curator.drl"), drl);
                while (!live.version().equals(expected)) {
                    if (System.nanoTime() - start > Duration.ofSeconds(30).toNanos()) {
                        throw new IllegalStateException("no reload within 30 s: " + live.status());
                    }
                    Thread.sleep(5);
                }
                millis[round] = (System.nanoTime() - start) / 1e6;
            }
            double[] sorted = millis.clone();
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "folder save until the new book serves (debounce 200 ms): %s ms; median %.0f ms%n",
                    Arrays.toString(Arrays.stream(millis).map(Math::rint).toArray()), sorted[sorted.length / 2]);
        }
    }

    /**
     * The bench's candidates: films, episodes and tracks in turn, random genres, tags, runtimes, series,
     * artists, ratings and arrival dates (also the equivalence test's input across all modes).
     */
    public static List<Candidate> candidates(int count, LocalDateTime now, Random random) {
        List<Candidate> candidates = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ItemKind kind = ItemKind.values()[i % 3];
            List<String> genres = List.of(GENRES[random.nextInt(GENRES.length)], GENRES[random.nextInt(GENRES.length)]);
            List<String> tags = List.of(TAGS[random.nextInt(TAGS.length)]);
            int minutes = switch (kind) {
                case MOVIE -> 80 + random.nextInt(80);
                case EPISODE -> 20 + random.nextInt(40);
                case TRACK -> 3 + random.nextInt(5);
            };
            String series = kind == ItemKind.EPISODE ? "series-" + random.nextInt(25) : null;
            String artist = kind == ItemKind.TRACK ? "artist-" + random.nextInt(40) : null;
            Instant added = now.minusDays(random.nextInt(400)).toInstant(ZoneOffset.UTC);
            ItemProfile item = new ItemProfile("item-" + i, kind, "Title " + i, genres, tags, List.of(), null, 2000,
                    minutes * 60, series, series, 1, 1, artist, null, RATINGS[random.nextInt(RATINGS.length)], added);
            candidates.add(new Candidate(item, random.nextDouble(), ScoreParts.NONE, random.nextInt(20) == 0));
        }
        return candidates;
    }

    private static void print(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%s: p10 %.3f ms, p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms (n=%d)%n",
                what, percentile(sorted, 0.10), percentile(sorted, 0.50), percentile(sorted, 0.90),
                percentile(sorted, 0.99), sorted[sorted.length - 1] / 1e6, sorted.length);
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private static String loadAverage() {
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f", load);
    }
}
