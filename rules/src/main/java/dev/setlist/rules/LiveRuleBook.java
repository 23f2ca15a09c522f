package dev.setlist.rules;

import dev.setlist.rules.model.Curation;
import dev.setlist.rules.model.ListeningContext;
import dev.setlist.rules.model.Tuning;
import dev.setlist.scorer.candidates.Candidate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * The rule book the server holds: it serves the last good {@link CompiledRuleBook} while new ones are
 * checked off the request path, and swaps atomically when one passes. Sources are the shipped packs
 * plus the curator's rules folder; a save in the folder goes live within a debounce interval plus a
 * build (well under 2 s), a half-written or broken file never does (it is refused, reported with
 * {@code file:line:column}, and the previous book keeps serving).
 *
 * <p>Every book that goes live is stored as a {@link RuleVersion} (author, time, message) in the
 * {@link VersionStore}; {@link #rollback(int, String)} brings back any of them (and writes its files
 * back into the folder, so folder and live book agree).
 *
 * <p>On the shipped packs alone it starts from their precompiled model (at once), then builds them the
 * classic way in the background and serves that book under the same label (it evaluates faster).
 *
 * <p>Thread-safe. Evaluations never wait for a build. Builds (folder changes, publishes, rollbacks)
 * run one at a time. Close it to stop watching.
 */
public final class LiveRuleBook implements RuleBook, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveRuleBook.class);

    /** The author recorded for versions that come from a save in the watched folder. */
    public static final String FOLDER_AUTHOR = "folder";

    /**
     * How the live book is set up.
     *
     * @param rulesFolder the curator's rules folder, or {@code null} for the shipped packs only
     * @param limits      per-evaluation limits
     * @param debounce    quiet time after the last change before a rebuild (default 200 ms)
     * @param watch       whether to watch the folder (default true)
     */
    public record Settings(Path rulesFolder, RuleLimits limits, Duration debounce, boolean watch) {

        public Settings {
            Objects.requireNonNull(limits, "limits");
            Objects.requireNonNull(debounce, "debounce");
        }

        /** Watch {@code rulesFolder} with the default limits and debounce. */
        public static Settings watching(Path rulesFolder) {
            return new Settings(rulesFolder, RuleLimits.DEFAULTS, Duration.ofMillis(200), true);
        }
    }

    private record Served(CompiledRuleBook book, String digest, Instant since) {
    }

    private final Settings settings;
    private final VersionStore versions;
    private final RuleCompiler compiler;
    private final RuleSources defaults;
    private final Clock clock;
    private final AtomicReference<Served> current = new AtomicReference<>();
    private final Object buildLock = new Object();
    private final ScheduledExecutorService rebuilds;
    private volatile Instant lastAttempt;
    private volatile List<RuleProblem> lastProblems = List.of();
    private volatile long rebuildCount;
    private volatile long refusalCount;
    private ScheduledFuture<?> pending;
    private WatchService watchService;
    private Thread watcher;

    /**
     * Builds the first book (the folder's rules; if they are refused, the newest stored version that
     * builds; else the shipped packs alone) and starts watching.
     *
     * @throws IllegalStateException when not even the shipped packs build (a packaging error)
     */
    public LiveRuleBook(Settings settings, VersionStore versions) {
        this(settings, versions, Clock.systemUTC());
    }

    LiveRuleBook(Settings settings, VersionStore versions, Clock clock) {
        this(settings, versions, clock, RuleSources.defaults());
    }

    /** A live book over other base files than the shipped packs (tests of the machinery). */
    LiveRuleBook(Settings settings, VersionStore versions, Clock clock, RuleSources base) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.versions = Objects.requireNonNull(versions, "versions");
        this.clock = clock;
        this.compiler = new RuleCompiler(settings.limits());
        this.defaults = base;
        this.rebuilds = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "setlist-rules-rebuild");
            thread.setDaemon(true);
            return thread;
        });
        start();
        if (settings.watch() && settings.rulesFolder() != null) {
            startWatching();
        }
        if (current().releaseId().startsWith(ShippedModel.RELEASE_PREFIX)) {
            rebuilds.execute(this::replaceModelWithClassicBuild);
        }
    }

    /**
     * Started on the shipped packs' precompiled model, which serves at once: now builds the same files
     * the classic way, off the request path, and serves that book instead under the same label. The
     * two decide the same (tested), but the classic build's jitted constraints evaluate about 15 %
     * faster, and a curator's first save then finds the classic build loaded. If anything went live
     * in the meantime, or the build fails, the model keeps serving.
     */
    private void replaceModelWithClassicBuild() {
        Served served = current.get();
        if (served == null || !served.book().releaseId().startsWith(ShippedModel.RELEASE_PREFIX)) {
            return;
        }
        long start = System.nanoTime();
        CompileResult result = RuleCompiler.classicOnly(settings.limits()).compile(defaults, served.book().version());
        if (!result.ok()) {
            LOG.warn("the classic build of the shipped rule packs failed; their precompiled model keeps serving:\n{}",
                    result.report());
            return;
        }
        if (current.compareAndSet(served, new Served(result.book(), served.digest(), served.since()))) {
            LOG.info("rules: the shipped packs' classic build ({} ms, in the background) replaced their precompiled "
                    + "model", (System.nanoTime() - start) / 1_000_000);
        }
    }

    private void start() {
        synchronized (buildLock) {
            if (settings.rulesFolder() != null) {
                try {
                    Files.createDirectories(settings.rulesFolder());
                } catch (IOException e) {
                    LOG.warn("cannot create the rules folder {}: {}", settings.rulesFolder(), e.toString());
                }
                reloadFromFolder("loaded at start");
                if (current.get() != null) {
                    return;
                }
            }
            List<RuleProblem> folderProblems = lastProblems;
            List<RuleVersion> newestFirst = new ArrayList<>(versions.list());
            java.util.Collections.reverse(newestFirst);
            for (RuleVersion version : newestFirst) {
                List<RuleFile> files = versions.files(version.number());
                CompileResult result = compiler.compile(defaults.withCurator(files), version.label());
                if (result.ok()) {
                    current.set(new Served(result.book(), RuleFile.digest(files), clock.instant()));
                    LOG.warn("rules folder refused at start; serving stored version {}", version.label());
                    lastProblems = folderProblems;
                    return;
                }
            }
            CompileResult result = compiler.compile(defaults, "defaults");
            if (!result.ok()) {
                throw new IllegalStateException("the shipped rule packs do not build:\n" + result.report());
            }
            current.set(new Served(result.book(), RuleFile.digest(List.of()), clock.instant()));
            lastProblems = folderProblems;
        }
    }

    @Override
    public RuleOutcome evaluate(ListeningContext context, Tuning tuning, List<Candidate> candidates, Curation curation) {
        return current.get().book().evaluate(context, tuning, candidates, curation);
    }

    @Override
    public String version() {
        return current.get().book().version();
    }

    /** The book serving now. */
    public CompiledRuleBook current() {
        return current.get().book();
    }

    public RuleBookStatus status() {
        Served served = current.get();
        return new RuleBookStatus(served.book().version(), served.since(), served.book().releaseId(),
                lastAttempt == null ? served.since() : lastAttempt, lastProblems, rebuildCount, refusalCount);
    }

    /** Every published version, oldest first. */
    public List<RuleVersion> versions() {
        return versions.list();
    }

    /** The curator files of a published version (for the editor's history view). */
    public List<RuleFile> filesOf(int version) {
        return versions.files(version);
    }

    /** Checks curator files without publishing them: the problems, or an empty list. */
    public List<RuleProblem> check(List<RuleFile> curatorFiles) {
        return compiler.compile(defaults.withCurator(curatorFiles), "check").problems();
    }

    /**
     * Publishes {@code curatorFiles} (the complete set) as a new version: checked, then written into
     * the rules folder (when there is one), stored, and swapped in. When refused, nothing changes.
     */
    public PublishResult publish(List<RuleFile> curatorFiles, String author, String message) {
        synchronized (buildLock) {
            CompileResult result = attempt(curatorFiles, "next");
            if (!result.ok()) {
                return new PublishResult(null, result.problems());
            }
            if (settings.rulesFolder() != null) {
                writeFolder(curatorFiles);
            }
            return new PublishResult(goLive(result.book(), curatorFiles, author, message), List.of());
        }
    }

    /** Brings back version {@code number} as a new version. */
    public PublishResult rollback(int number, String author) {
        List<RuleFile> files = versions.files(number);
        return publish(files, author, "rollback to v" + number);
    }

    /** Rebuilds from the folder now (the watcher does this by itself after a save). */
    public PublishResult reload() {
        synchronized (buildLock) {
            return reloadFromFolder(null);
        }
    }

    private PublishResult reloadFromFolder(String message) {
        List<RuleFile> files;
        try {
            files = RuleSources.readFolder(settings.rulesFolder());
        } catch (IOException | UncheckedIOException e) {
            List<RuleProblem> problems = List.of(RuleProblem.ofFile(String.valueOf(settings.rulesFolder()),
                    "cannot read the rules folder: " + e.getMessage()));
            refuse(problems);
            return new PublishResult(null, problems);
        }
        Served served = current.get();
        if (served != null && served.digest().equals(RuleFile.digest(files))) {
            // The folder is back to what serves (a refused file deleted or undone): nothing is pending any more.
            lastProblems = List.of();
            return new PublishResult(versions.latest().orElse(null), List.of());
        }
        CompileResult result = attempt(files, "next");
        if (!result.ok()) {
            return new PublishResult(null, result.problems());
        }
        String why = message != null ? message : "saved in the rules folder: " + changedPaths(files);
        return new PublishResult(goLive(result.book(), files, FOLDER_AUTHOR, why), List.of());
    }

    private CompileResult attempt(List<RuleFile> files, String label) {
        lastAttempt = clock.instant();
        CompileResult result = compiler.compile(defaults.withCurator(files), label);
        if (!result.ok()) {
            refuse(result.problems());
        }
        return result;
    }

    private void refuse(List<RuleProblem> problems) {
        lastProblems = problems;
        refusalCount++;
        LOG.warn("rule book refused; {} keeps serving:\n{}", current.get() == null ? "nothing" : version(),
                problems.stream().map(RuleProblem::toString).reduce((a, b) -> a + "\n" + b).orElse(""));
    }

    private RuleVersion goLive(CompiledRuleBook book, List<RuleFile> files, String author, String message) {
        String digest = RuleFile.digest(files);
        Served served = current.get();
        RuleVersion version = null;
        boolean sameAsLatest = versions.latest().map(latest -> latest.digest().equals(digest)).orElse(files.isEmpty());
        if (!sameAsLatest) {
            version = versions.save(files, author, message, clock.instant());
        } else {
            version = versions.latest().orElse(null);
        }
        String label = version == null ? "defaults" : version.label();
        current.set(new Served(book.relabel(label), digest, clock.instant()));
        lastProblems = List.of();
        rebuildCount++;
        LOG.info("rule book {} live ({}; was {})", label, message, served == null ? "nothing" : served.book().version());
        return version;
    }

    private String changedPaths(List<RuleFile> files) {
        Set<String> paths = new TreeSet<>();
        Set<RuleFile> before = new HashSet<>();
        versions.latest().ifPresent(latest -> before.addAll(versions.files(latest.number())));
        Set<String> now = new HashSet<>();
        for (RuleFile file : files) {
            now.add(file.path());
            if (!before.contains(file)) {
                paths.add(file.path());
            }
        }
        for (RuleFile file : before) {
            if (!now.contains(file.path())) {
                paths.add(file.path() + " (deleted)");
            }
        }
        return paths.isEmpty() ? "no change" : String.join(", ", paths);
    }

    private void writeFolder(List<RuleFile> files) {
        Path folder = settings.rulesFolder();
        try {
            Files.createDirectories(folder);
            Set<String> keep = new HashSet<>();
            for (RuleFile file : files) {
                keep.add(file.path());
                Path target = folder.resolve(file.path());
                Files.createDirectories(target.getParent());
                Path temporary = target.resolveSibling("." + target.getFileName() + ".tmp");
                Files.write(temporary, file.bytes());
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            for (RuleFile existing : RuleSources.readFolder(folder)) {
                if (!keep.contains(existing.path())) {
                    Files.delete(folder.resolve(existing.path()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write rule files into " + folder, e);
        }
    }

    private void startWatching() {
        try {
            watchService = FileSystems.getDefault().newWatchService();
            registerTree(settings.rulesFolder());
        } catch (IOException e) {
            LOG.warn("cannot watch {}; changes go live on reload only: {}", settings.rulesFolder(), e.toString());
            return;
        }
        watcher = new Thread(this::watchLoop, "setlist-rules-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private void registerTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path folder : walk.filter(Files::isDirectory).toList()) {
                folder.register(watchService, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    private void watchLoop() {
        while (true) {
            WatchKey key;
            try {
                key = watchService.take();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            }
            Path folder = (Path) key.watchable();
            for (WatchEvent<?> event : key.pollEvents()) {
                if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && event.context() instanceof Path name
                        && Files.isDirectory(folder.resolve(name))) {
                    try {
                        registerTree(folder.resolve(name));
                    } catch (IOException e) {
                        LOG.warn("cannot watch new folder {}: {}", folder.resolve(name), e.toString());
                    }
                }
            }
            key.reset();
            scheduleRebuild();
        }
    }

    private synchronized void scheduleRebuild() {
        if (pending != null) {
            pending.cancel(false);
        }
        pending = rebuilds.schedule(() -> {
            try {
                reload();
            } catch (RuntimeException e) {
                LOG.error("rule rebuild failed", e);
            }
        }, settings.debounce().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        rebuilds.shutdownNow();
        if (watchService != null) {
            try {
                watchService.close();
            } catch (IOException e) {
                LOG.debug("closing the watch service", e);
            }
        }
        if (watcher != null) {
            watcher.interrupt();
        }
    }
}
