package dev.setlist.plugin.rulebook;

import dev.setlist.rules.CompileResult;
import dev.setlist.rules.LiveRuleBook;
import dev.setlist.rules.PublishResult;
import dev.setlist.rules.RuleBookStatus;
import dev.setlist.rules.RuleCompiler;
import dev.setlist.rules.RuleFile;
import dev.setlist.rules.RuleLimits;
import dev.setlist.rules.RuleProblem;
import dev.setlist.rules.RuleSources;
import dev.setlist.rules.RuleVersion;
import dev.setlist.rules.scenario.Scenario;
import dev.setlist.rules.scenario.ScenarioFormatException;
import dev.setlist.rules.scenario.ScenarioLoader;
import dev.setlist.rules.scenario.ScenarioReport;
import dev.setlist.rules.scenario.ScenarioRunner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The curator's bench over the {@link LiveRuleBook}: what is published, and what a draft would do.
 *
 * <p>A {@link Draft} names the files it changes (path and full text) and the curator files it deletes; it is
 * laid over the curator files published now, so a draft of one file keeps every other published file. A shipped
 * pack is edited by saving a curator file of the same path (it replaces the pack), and "deleting" such a file
 * brings the shipped pack back.
 *
 * <p>{@link #check}, {@link #test} and {@link #diff} never change the book serving; {@link #publish} and
 * {@link #rollback} go through the live book, which refuses a book that does not build and keeps the previous
 * one serving.
 *
 * <p>Thread-safe: it holds no mutable state of its own; the live book serialises publishes.
 */
public final class RuleWorkbench {

    /** A draft over the published curator files: files written (path to text) and curator files deleted. */
    public record Draft(Map<String, String> files, Set<String> deleted) {

        public Draft {
            files = Map.copyOf(Objects.requireNonNull(files, "files"));
            deleted = Set.copyOf(Objects.requireNonNull(deleted, "deleted"));
            for (String path : files.keySet()) {
                if (deleted.contains(path)) {
                    throw new IllegalArgumentException("a draft cannot both write and delete " + path);
                }
            }
        }

        /** No change: the published files as they are. */
        public static final Draft NONE = new Draft(Map.of(), Set.of());
    }

    /**
     * One rule file as the editor lists it.
     *
     * @param path       relative path, the name a curator file of the same path would have
     * @param format     drl, dslr, dsl or decision table
     * @param shipped    whether a shipped pack of this path exists
     * @param curator    whether a published curator file of this path exists (replacing the pack when both)
     * @param lines      lines of the text in force
     */
    public record FileEntry(String path, String format, boolean shipped, boolean curator, int lines) {
    }

    /**
     * The text in force for one path.
     *
     * @param path      the path
     * @param text      the published curator file's text, else the shipped pack's
     * @param shipped   whether a shipped pack of this path exists
     * @param curator   whether the text is a published curator file
     * @param shippedText the shipped pack's text when there is one (to compare a replacement with), else null
     */
    public record FileText(String path, String text, boolean shipped, boolean curator, String shippedText) {
    }

    /**
     * One file's difference between what is published and the draft.
     *
     * @param path   the path
     * @param status {@code added}, {@code changed}, {@code deleted} or {@code unchanged}
     * @param lines  every line of both sides, in order
     */
    public record FileDiff(String path, String status, List<LineDiff.Line> lines) {
    }

    /**
     * The outcome of a check.
     *
     * @param ok       whether the draft builds
     * @param problems why not, each at {@code file:line:column}
     * @param rules    how many rules the draft's book holds (0 when it does not build)
     * @param millis   how long the check took
     */
    public record CheckResult(boolean ok, List<RuleProblem> problems, int rules, long millis) {
    }

    private final LiveRuleBook live;
    private final Path rulesFolder;
    private final RuleCompiler compiler = new RuleCompiler(RuleLimits.DEFAULTS);
    private final ScenarioRunner runner = new ScenarioRunner();
    private final ScenarioLoader loader = new ScenarioLoader();
    private final List<RuleFile> shipped = RuleSources.defaults().shipped();

    /**
     * @param live        the book serving
     * @param rulesFolder the curator folder (its scenario files run with the shipped ones), or null
     */
    public RuleWorkbench(LiveRuleBook live, Path rulesFolder) {
        this.live = Objects.requireNonNull(live, "live");
        this.rulesFolder = rulesFolder;
    }

    /** The live book's state. */
    public RuleBookStatus status() {
        return live.status();
    }

    /** Every published version, newest first. */
    public List<RuleVersion> history() {
        List<RuleVersion> versions = new ArrayList<>(live.versions());
        versions.sort(Comparator.comparingInt(RuleVersion::number).reversed());
        return versions;
    }

    /** The curator files of version {@code number}. @throws NoSuchElementException when there is none */
    public List<RuleFile> filesOf(int number) {
        return live.filesOf(number);
    }

    /** The curator files of the book serving now (none when it is the shipped packs alone). */
    public List<RuleFile> published() {
        String version = live.version();
        if (version.startsWith("v")) {
            try {
                return live.filesOf(Integer.parseInt(version.substring(1)));
            } catch (NumberFormatException | NoSuchElementException e) {
                return List.of();
            }
        }
        return List.of();
    }

    /** Shipped packs and published curator files, by path (a curator file replacing a pack is listed once). */
    public List<FileEntry> files() {
        Map<String, RuleFile> curator = byPath(published());
        Map<String, FileEntry> entries = new LinkedHashMap<>();
        for (RuleFile file : shipped) {
            RuleFile replacement = curator.get(file.path());
            entries.put(file.path(), new FileEntry(file.path(), formatName(file), true, replacement != null,
                    lineCount(replacement != null ? replacement : file)));
        }
        for (RuleFile file : curator.values()) {
            if (!entries.containsKey(file.path())) {
                entries.put(file.path(), new FileEntry(file.path(), formatName(file), false, true, lineCount(file)));
            }
        }
        return List.copyOf(entries.values());
    }

    /** The text in force for {@code path}, if there is a file of that path. */
    public Optional<FileText> text(String path) {
        RuleFile curator = byPath(published()).get(path);
        RuleFile pack = byPath(shipped).get(path);
        if (curator == null && pack == null) {
            return Optional.empty();
        }
        String shippedText = pack == null ? null : decode(pack);
        return Optional.of(new FileText(path, curator != null ? decode(curator) : shippedText, pack != null,
                curator != null, shippedText));
    }

    /**
     * The complete set of curator files the draft means.
     *
     * @throws IllegalArgumentException for a path that is not a rule file's, or a deletion of a file that is
     *                                  not published
     */
    public List<RuleFile> apply(Draft draft) {
        Map<String, RuleFile> files = byPath(published());
        for (String path : draft.deleted()) {
            if (files.remove(path) == null) {
                throw new IllegalArgumentException("no published curator file " + path + " to delete");
            }
        }
        for (Map.Entry<String, String> change : draft.files().entrySet()) {
            files.put(change.getKey(), RuleFile.of(change.getKey(), change.getValue()));
        }
        return files.values().stream().sorted(Comparator.comparing(RuleFile::path)).toList();
    }

    /** Builds the shipped packs with the draft, without publishing anything. */
    public CheckResult check(Draft draft) {
        CompileResult result = compiler.compile(RuleSources.defaultsPlus(apply(draft)), "draft");
        return new CheckResult(result.ok(), result.problems(), result.ok() ? result.book().ruleNames().size() : 0,
                result.elapsed().toMillis());
    }

    /**
     * Builds the draft and runs every scenario on it: the shipped scenarios and those in the rules folder
     * (a scenario file there with the name of a shipped one replaces it).
     */
    public ScenarioReport test(Draft draft) {
        List<String> fileErrors = new ArrayList<>();
        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        for (String name : resource(ScenarioRunner.SHIPPED_INDEX).split("\n")) {
            String file = name.strip();
            if (file.isEmpty() || file.startsWith("#")) {
                continue;
            }
            parse(file, resource(ScenarioRunner.SHIPPED_ROOT + file).getBytes(StandardCharsets.UTF_8), scenarios,
                    fileErrors);
        }
        if (rulesFolder != null && Files.isDirectory(rulesFolder)) {
            try (Stream<Path> walk = Files.walk(rulesFolder)) {
                for (Path path : walk.filter(Files::isRegularFile)
                        .filter(p -> ScenarioLoader.isScenarioFile(p.getFileName().toString())).sorted().toList()) {
                    String name = rulesFolder.relativize(path).toString().replace('\\', '/');
                    parse(name, Files.readAllBytes(path), scenarios, fileErrors);
                }
            } catch (IOException e) {
                fileErrors.add(rulesFolder + ": cannot read the scenario files: " + e.getMessage());
            }
        }
        CompileResult result = compiler.compile(RuleSources.defaultsPlus(apply(draft)), "draft");
        if (!result.ok()) {
            return new ScenarioReport("draft", 0, result.problems(), fileErrors, List.of());
        }
        ScenarioReport ran = runner.run(result.book(), "draft", List.copyOf(scenarios.values()));
        return new ScenarioReport("draft", ran.ruleCount(), List.of(), fileErrors, ran.results());
    }

    /** Each file the draft touches, against the text in force now (unchanged files are left out). */
    public List<FileDiff> diff(Draft draft) {
        List<FileDiff> diffs = new ArrayList<>();
        Set<String> paths = new TreeSet<>(draft.files().keySet());
        paths.addAll(draft.deleted());
        for (String path : paths) {
            Optional<FileText> before = text(path);
            String old = before.map(FileText::text).orElse("");
            if (draft.deleted().contains(path)) {
                // Deleting a curator file that replaced a pack brings the pack back.
                String after = before.map(FileText::shippedText).orElse(null);
                diffs.add(new FileDiff(path, after == null ? "deleted" : "changed",
                        LineDiff.between(old, after == null ? "" : after)));
                continue;
            }
            List<LineDiff.Line> lines = LineDiff.between(old, draft.files().get(path));
            String status = before.isEmpty() ? "added" : LineDiff.changes(lines) ? "changed" : "unchanged";
            diffs.add(new FileDiff(path, status, lines));
        }
        return diffs;
    }

    /** Publishes the draft as the next version; refused (nothing changes) when it does not build. */
    public PublishResult publish(Draft draft, String author, String message) {
        return live.publish(apply(draft), author, message);
    }

    /** Brings back version {@code number} as the next version. @throws NoSuchElementException for none */
    public PublishResult rollback(int number, String author) {
        live.filesOf(number);
        return live.rollback(number, author);
    }

    private void parse(String name, byte[] bytes, Map<String, Scenario> scenarios, List<String> fileErrors) {
        try {
            scenarios.put(name, loader.parse(name, bytes));
        } catch (ScenarioFormatException e) {
            fileErrors.add(e.getMessage());
        }
    }

    private static Map<String, RuleFile> byPath(List<RuleFile> files) {
        Map<String, RuleFile> map = new LinkedHashMap<>();
        for (RuleFile file : files) {
            map.put(file.path(), file);
        }
        return map;
    }

    private static String formatName(RuleFile file) {
        return switch (file.format()) {
            case DRL -> "drl";
            case DSLR -> "dslr";
            case DSL -> "dsl";
            case DECISION_TABLE -> "decision table";
        };
    }

    private static int lineCount(RuleFile file) {
        return LineDiff.lines(decode(file)).size();
    }

    /** The file's text; bytes that are not UTF-8 show as replacement characters (validation reports them). */
    static String decode(RuleFile file) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(file.bytes())).toString();
        } catch (CharacterCodingException e) {
            return new String(file.bytes(), StandardCharsets.UTF_8);
        }
    }

    private static String resource(String name) {
        try (InputStream in = RuleWorkbench.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("shipped scenario resource missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
