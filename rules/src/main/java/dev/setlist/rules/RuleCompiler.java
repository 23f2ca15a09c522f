package dev.setlist.rules;

import dev.setlist.rules.guard.SourceGuard;
import dev.setlist.rules.guard.Violation;
import org.drools.compiler.kie.builder.impl.DrlProject;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.drl.parser.lang.ExpanderException;
import org.drools.drl.parser.lang.dsl.DSLTokenizedMappingFile;
import org.drools.drl.parser.lang.dsl.DefaultExpander;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns rule sources into a {@link CompiledRuleBook}, or into problems at {@code file:line:column}.
 * In order: every file must be UTF-8; DSL files are parsed and {@code .dslr} files expanded;
 * decision tables ({@code .drl.csv}) are compiled to DRL; every resulting DRL text passes the
 * {@link SourceGuard allow-list}; rule names must be unique across files; then the classic DRL build
 * runs in a new {@link KieFileSystem} under a unique {@link ReleaseId}, and a smoke run on a fixed
 * probe must neither loop nor throw. Only then is a book returned.
 *
 * <p>The shipped packs alone (no curator file) are not compiled at run time: their executable model
 * was generated and compiled when this module was built ({@link ShippedModel}), the same checks having
 * run then, so the first book in a JVM is assembled from precompiled classes (no DRL parse, no Java
 * compiler) and only smoke-checked here. A stale or missing model falls back to the classic build.
 *
 * <p>Each build gets its own container and release id (never {@code updateToVersion}, which cannot
 * re-add a deleted rule: apache/incubator-kie#6423); the module is removed from the KIE repository
 * once the container holds it, so rebuilding all day does not accumulate modules.
 *
 * <p>Thread-safe: each call works on its own file system and builder.
 */
public final class RuleCompiler {

    /** Wall-clock time the smoke run of a new book may take at least (see {@link #compile}). */
    static final Duration SMOKE_TIME_FLOOR = Duration.ofSeconds(20);

    private static final Logger LOG = LoggerFactory.getLogger(RuleCompiler.class);
    private static final AtomicLong BUILDS = new AtomicLong();
    /** The loader that sees the fact model, Drools and this module: the parent of every book's class loader. */
    private static final ClassLoader MODEL_LOADER = RuleCompiler.class.getClassLoader();
    private static final Pattern LINE_COLUMN = Pattern.compile("Line (\\d+):(\\d+)");
    private static final Pattern RULE_DECLARATION =
            Pattern.compile("(?m)^[ \\t]*rule[ \\t]+(\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|[\\w$.-]+)");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)");
    private static final Pattern CSV_ROW = Pattern.compile("// rule values at ([A-Z]+)(\\d+)");
    private static final Pattern FAILED_RULE = Pattern.compile("rule '([^']+)'");
    private static final List<Pattern> NEEDLES = List.of(
            Pattern.compile("Unable to Analyse Expression (.+?):\\s*\\n", Pattern.DOTALL),
            Pattern.compile("strict-mode: [\\w.$]+?\\.(\\w+)\\(\\)"),
            Pattern.compile("Unable to resolve ObjectType '([\\w.$]+)'"),
            Pattern.compile("The method (\\w+)\\("),
            Pattern.compile("The constructor (\\w+)\\("),
            Pattern.compile("(\\w+) cannot be resolved"),
            Pattern.compile("Unable to find class '([\\w.$]+)'"),
            Pattern.compile("unable to resolve (?:method|property)[^:]*: [\\w.$]*?(\\w+)"));

    private final RuleLimits limits;
    private final ShippedModel shippedModel;

    public RuleCompiler(RuleLimits limits) {
        this(limits, ShippedModel.onClassPath());
    }

    /**
     * A compiler that always takes the classic build, the shipped packs alone too (for benchmarks and
     * checks that compare the two builds; a server has no reason to use it).
     */
    public static RuleCompiler classicOnly(RuleLimits limits) {
        return new RuleCompiler(limits, ShippedModel.NONE);
    }

    /** A compiler that uses {@code shippedModel} for the shipped packs alone ({@link ShippedModel#NONE}: never). */
    RuleCompiler(RuleLimits limits, ShippedModel shippedModel) {
        this.limits = limits;
        this.shippedModel = shippedModel;
    }

    public RuleCompiler() {
        this(RuleLimits.DEFAULTS);
    }

    /**
     * Checks and builds {@code sources}; the book is labelled {@code version}.
     *
     * <p>Drools finds its services and the parent of each book's class loader through the calling
     * thread's context class loader. The build runs with this module's class loader in that place,
     * whatever thread calls (the folder watcher, an HTTP worker, a host server's plugin thread with
     * another loader or none): otherwise the first build in a JVM can find no KIE services, and a
     * book's generated rule classes could resolve the fact model through a loader that cannot see it.
     * (The loader is not also passed to {@code newKieContainer}: a container given its own loader
     * re-initialises the project in it, and its books evaluated measurably slower, about 25 % CPU.)
     */
    public CompileResult compile(RuleSources sources, String version) {
        long start = System.nanoTime();
        Thread thread = Thread.currentThread();
        ClassLoader callers = thread.getContextClassLoader();
        thread.setContextClassLoader(MODEL_LOADER);
        try {
            List<RuleProblem> problems = new ArrayList<>();
            CompiledRuleBook book = shippedModel.serves(sources) ? precompiled(sources, version, problems) : null;
            if (book == null && problems.isEmpty()) {
                book = build(sources.effectiveFiles(), version, problems);
            }
            return new CompileResult(problems.isEmpty() ? book : null, problems,
                    Duration.ofNanos(System.nanoTime() - start));
        } finally {
            thread.setContextClassLoader(callers);
        }
    }

    /**
     * The shipped packs from their precompiled executable model, smoke-checked like any book; null
     * without problems when the model cannot be loaded (the caller then takes the classic build).
     */
    private CompiledRuleBook precompiled(RuleSources sources, String version, List<RuleProblem> problems) {
        KieBase kieBase;
        try {
            kieBase = shippedModel.newKieBase();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("the precompiled model of the shipped rule packs does not load ({}); they take the classic build",
                    e.toString());
            return null;
        }
        CompiledRuleBook book = new CompiledRuleBook(kieBase, version, limits, shippedModel.locations(),
                ShippedModel.RELEASE_PREFIX + "1.0." + BUILDS.incrementAndGet() + "-" + shippedModel.digest());
        return smokeChecked(book, problems);
    }

    /** One file turned into the DRL Drools compiles, with a map back to the source's lines. */
    record Unit(RuleFile file, String drl, int[] sourceLineOf, String[] sourceLines, String[] drlLines) {

        /**
         * Where the unit goes in the KIE file system: in the folder of its DRL package (Drools warns
         * otherwise), under a name that keeps shipped and curator files apart.
         */
        String kfsName() {
            Matcher matcher = PACKAGE.matcher(drl);
            String folder = matcher.find() ? matcher.group(1).replace('.', '/') + "/" : "";
            String base = folder + (file.shipped() ? "defaults__" : "curator__") + file.path().replace("/", "__");
            return file.format() == RuleFile.Format.DRL ? base : base + ".drl";
        }

        /** Source position of DRL line {@code drlLine} (1-based) and DRL column (1-based, 0 unknown). */
        RuleProblem problem(int drlLine, int drlColumn, String needle, String message) {
            if (drlLine <= 0 || drlLine > sourceLineOf.length) {
                return RuleProblem.ofFile(file.displayPath(), message);
            }
            int line = sourceLineOf[drlLine - 1];
            int column = drlColumn;
            boolean sameText = file.format() == RuleFile.Format.DRL;
            if (!sameText) {
                String source = line >= 1 && line <= sourceLines.length ? sourceLines[line - 1] : "";
                column = file.format() == RuleFile.Format.DECISION_TABLE ? 1 : columnOf(source, needle);
            }
            if (column <= 0) {
                column = firstNonBlank(line >= 1 && line <= sourceLines.length ? sourceLines[line - 1] : "");
            }
            return new RuleProblem(file.displayPath(), line, column, message);
        }
    }

    private CompiledRuleBook build(List<RuleFile> files, String version, List<RuleProblem> problems) {
        Prepared prepared = prepare(files, problems);
        if (prepared == null) {
            return null;
        }
        CompiledRuleBook book = kieBuild(prepared.units(), version, prepared.locations(), problems);
        return book == null ? null : smokeChecked(book, problems);
    }

    /** The sources turned into checked DRL units, with where each rule is written. */
    record Prepared(List<Unit> units, Map<String, CompiledRuleBook.RuleLocation> locations) {
    }

    /**
     * Everything before the Drools build: UTF-8, DSL expansion, decision tables, the allow-list and
     * unique rule names. Null (with {@code problems} filled) when the files are refused.
     */
    static Prepared prepare(List<RuleFile> files, List<RuleProblem> problems) {
        Map<RuleFile, String> texts = new LinkedHashMap<>();
        for (RuleFile file : files) {
            String text = decode(file, problems);
            if (text != null) {
                texts.put(file, text);
            }
        }
        if (files.stream().noneMatch(file -> file.format() != RuleFile.Format.DSL)) {
            problems.add(RuleProblem.ofFile("", "no rule files (.drl, .dslr or .drl.csv) to build a rule book from"));
            return null;
        }
        DefaultExpander expander = dslExpander(texts, problems);
        List<Unit> units = new ArrayList<>();
        for (Map.Entry<RuleFile, String> entry : texts.entrySet()) {
            Unit unit = switch (entry.getKey().format()) {
                case DRL -> identityUnit(entry.getKey(), entry.getValue());
                case DSLR -> expander == null ? null : expand(entry.getKey(), entry.getValue(), expander, problems);
                case DECISION_TABLE -> decisionTable(entry.getKey(), entry.getValue(), problems);
                case DSL -> null;
            };
            if (unit != null) {
                units.add(unit);
            }
        }
        SourceGuard guard = new SourceGuard();
        for (Unit unit : units) {
            for (Violation violation : guard.check(unit.drl())) {
                problems.add(unit.problem(violation.line(), violation.column(), null, violation.message()));
            }
        }
        Map<String, CompiledRuleBook.RuleLocation> locations = ruleLocations(units, problems);
        return problems.isEmpty() ? new Prepared(List.copyOf(units), locations) : null;
    }

    /** {@code book} when its smoke run passes; else null, with the failure in {@code problems}. */
    CompiledRuleBook smokeChecked(CompiledRuleBook book, List<RuleProblem> problems) {
        // The smoke run is the book's first evaluation: class loading and JIT happen here, and on a busy
        // machine a cold JVM took more than 5 s of wall clock for it. Loops are stopped by the firing limit
        // whatever the clock says; the floor only has to catch consequences that are slow one by one.
        Duration smokeTime = limits.timeLimit().compareTo(SMOKE_TIME_FLOOR) > 0 ? limits.timeLimit() : SMOKE_TIME_FLOOR;
        String failure = SmokeCheck.firstFailure(book.withLimits(new RuleLimits(limits.maxFirings(), smokeTime)));
        if (failure != null) {
            Matcher rule = FAILED_RULE.matcher(failure);
            String location = rule.find() ? book.locationOf(rule.group(1)) : null;
            problems.add(location == null ? RuleProblem.ofFile("", failure) : parseLocation(location, failure));
            return null;
        }
        return book;
    }

    private static RuleProblem parseLocation(String location, String message) {
        String[] parts = location.split(":");
        int n = parts.length;
        String file = String.join(":", java.util.Arrays.copyOf(parts, n - 2));
        return new RuleProblem(file, Integer.parseInt(parts[n - 2]), Integer.parseInt(parts[n - 1]), message);
    }

    private static String decode(RuleFile file, List<RuleProblem> problems) {
        byte[] bytes = file.bytes();
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            String text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            int bad = firstMalformedByte(bytes);
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            String column = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8);
            problems.add(new RuleProblem(file.displayPath(), line, column.length() + 1,
                    "the file is not UTF-8 (byte 0x" + String.format("%02X", bytes[bad] & 0xFF) + " at offset " + bad
                            + "); save it as UTF-8"));
            return null;
        }
    }

    private static int firstMalformedByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        java.nio.charset.CoderResult result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : bytes.length - 1;
    }

    private static DefaultExpander dslExpander(Map<RuleFile, String> texts, List<RuleProblem> problems) {
        DefaultExpander expander = new DefaultExpander();
        boolean ok = true;
        for (Map.Entry<RuleFile, String> entry : texts.entrySet()) {
            if (entry.getKey().format() != RuleFile.Format.DSL) {
                continue;
            }
            DSLTokenizedMappingFile mapping = new DSLTokenizedMappingFile();
            try {
                boolean parsed = mapping.parseAndLoad(new StringReader(entry.getValue()));
                for (KnowledgeBuilderResult error : mapping.getErrors()) {
                    int[] lines = error.getLines();
                    int line = lines != null && lines.length > 0 ? lines[0] : 0;
                    problems.add(new RuleProblem(entry.getKey().displayPath(), Math.max(line, 0), line > 0 ? 1 : 0,
                            "DSL: " + error.getMessage()));
                }
                if (parsed) {
                    expander.addDSLMapping(mapping.getMapping());
                } else {
                    ok = false;
                }
            } catch (IOException e) {
                problems.add(RuleProblem.ofFile(entry.getKey().displayPath(), "cannot read the DSL: " + e.getMessage()));
                ok = false;
            }
        }
        return ok ? expander : null;
    }

    private static Unit identityUnit(RuleFile file, String text) {
        String[] lines = text.split("\n", -1);
        int[] map = new int[lines.length];
        for (int i = 0; i < map.length; i++) {
            map[i] = i + 1;
        }
        return new Unit(file, text, map, lines, lines);
    }

    /**
     * Expands a {@code .dslr}. The expander joins each {@code -} constraint line to the pattern above
     * it; the line map accounts for that so positions stay those of the curator's file.
     */
    private static Unit expand(RuleFile file, String text, DefaultExpander expander, List<RuleProblem> problems) {
        String drl;
        synchronized (expander) {
            drl = expander.expand(text);
            for (ExpanderException error : expander.getErrors()) {
                problems.add(new RuleProblem(file.displayPath(), Math.max(error.getLine(), 0),
                        error.getLine() > 0 ? firstNonBlank(lineOf(text, error.getLine())) : 0,
                        "no DSL sentence matches: " + error.getMessage().replaceFirst("^\\[\\d+\\]\\s*", "")));
            }
        }
        String[] sourceLines = text.split("\n", -1);
        String[] drlLines = drl.split("\n", -1);
        int[] map = new int[drlLines.length];
        int source = 0;
        for (int d = 0; d < drlLines.length; d++) {
            while (source < sourceLines.length && sourceLines[source].strip().startsWith("-")) {
                source++;
            }
            map[d] = Math.min(source, sourceLines.length - 1) + 1;
            source++;
        }
        return new Unit(file, drl, map, sourceLines, drlLines);
    }

    private static Unit decisionTable(RuleFile file, String text, List<RuleProblem> problems) {
        String drl;
        try {
            drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                    InputType.CSV);
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            Matcher cell = Pattern.compile("cell ([A-Z]+)(\\d+)").matcher(message);
            problems.add(cell.find()
                    ? new RuleProblem(file.displayPath(), Integer.parseInt(cell.group(2)), columnNumber(cell.group(1)),
                            "decision table: " + message)
                    : RuleProblem.ofFile(file.displayPath(), "decision table: " + message));
            return null;
        }
        String[] drlLines = drl.split("\n", -1);
        int[] map = new int[drlLines.length];
        int row = 1;
        for (int d = 0; d < drlLines.length; d++) {
            Matcher matcher = CSV_ROW.matcher(drlLines[d]);
            if (matcher.find()) {
                row = Integer.parseInt(matcher.group(2));
            }
            map[d] = row;
        }
        return new Unit(file, drl, map, text.split("\n", -1), drlLines);
    }

    private static int columnNumber(String letters) {
        int column = 0;
        for (char c : letters.toCharArray()) {
            column = column * 26 + (c - 'A' + 1);
        }
        return column;
    }

    private static Map<String, CompiledRuleBook.RuleLocation> ruleLocations(List<Unit> units, List<RuleProblem> problems) {
        Map<String, CompiledRuleBook.RuleLocation> locations = new HashMap<>();
        for (Unit unit : units) {
            Matcher matcher = RULE_DECLARATION.matcher(unit.drl());
            while (matcher.find()) {
                String raw = matcher.group(1);
                String name = raw.startsWith("\"") || raw.startsWith("'") ? raw.substring(1, raw.length() - 1) : raw;
                int offset = matcher.start(1);
                int drlLine = lineAt(unit.drl(), offset);
                int drlColumn = offset - unit.drl().lastIndexOf('\n', offset - 1);
                RuleProblem here = unit.problem(drlLine, drlColumn, name, "");
                CompiledRuleBook.RuleLocation location =
                        new CompiledRuleBook.RuleLocation(here.file(), here.line(), here.column());
                CompiledRuleBook.RuleLocation earlier = locations.putIfAbsent(name, location);
                if (earlier != null) {
                    problems.add(new RuleProblem(here.file(), here.line(), here.column(), "rule \"" + name
                            + "\" is already defined at " + earlier.file() + ":" + earlier.line() + ":"
                            + earlier.column() + "; rule names must be unique across all files"));
                }
            }
        }
        return locations;
    }

    private CompiledRuleBook kieBuild(List<Unit> units, String version, Map<String, CompiledRuleBook.RuleLocation> locations,
                                      List<RuleProblem> problems) {
        KieServices services = KieServices.get();
        KieFileSystem kfs = services.newKieFileSystem();
        ReleaseId releaseId = services.newReleaseId("dev.setlist.rulebook", "book",
                "1.0." + BUILDS.incrementAndGet() + "-" + Long.toHexString(System.nanoTime()));
        kfs.generateAndWritePomXML(releaseId);
        Map<String, Unit> byKfsName = new LinkedHashMap<>();
        for (Unit unit : units) {
            byKfsName.put(unit.kfsName(), unit);
            kfs.write("src/main/resources/" + unit.kfsName(), unit.drl());
        }
        KieBuilder builder = services.newKieBuilder(kfs).buildAll(DrlProject.class);
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            List<RuleProblem> found = new ArrayList<>();
            java.util.Set<String> filesWithPositions = new java.util.HashSet<>();
            for (Message message : errors) {
                Unit unit = unitOf(byKfsName, message.getPath());
                if (unit == null) {
                    found.add(RuleProblem.ofFile("", message.getText()));
                    continue;
                }
                RuleProblem problem = locate(unit, message.getLine(), message.getText());
                if (problem.line() > 0) {
                    filesWithPositions.add(problem.file());
                }
                found.add(problem);
            }
            // "Parser returned a null Package" only repeats that a file did not parse.
            found.removeIf(problem -> problem.line() == 0 && filesWithPositions.contains(problem.file())
                    && problem.message().contains("null Package"));
            problems.addAll(found);
            services.getRepository().removeKieModule(releaseId);
            return null;
        }
        KieContainer container = services.newKieContainer(releaseId);
        CompiledRuleBook book = new CompiledRuleBook(container.getKieBase(), version, limits, locations,
                releaseId.toString());
        services.getRepository().removeKieModule(releaseId);
        return book;
    }

    private static Unit unitOf(Map<String, Unit> byKfsName, String path) {
        if (path == null) {
            return null;
        }
        for (Map.Entry<String, Unit> entry : byKfsName.entrySet()) {
            if (path.endsWith(entry.getKey())) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** Finds the exact position of a build message, whose own column is always 0. */
    private static RuleProblem locate(Unit unit, int line, String text) {
        String message = text.strip();
        Matcher lineColumn = LINE_COLUMN.matcher(message);
        if (lineColumn.find()) {
            int reportedLine = Integer.parseInt(lineColumn.group(1));
            int column = Integer.parseInt(lineColumn.group(2)) + 1;
            return unit.problem(reportedLine > 0 ? reportedLine : line, column, null, message);
        }
        String needle = null;
        for (Pattern pattern : NEEDLES) {
            Matcher matcher = pattern.matcher(message + "\n");
            if (matcher.find()) {
                needle = matcher.group(1).strip();
                break;
            }
        }
        if (needle != null && line > 0) {
            for (int l = line; l <= unit.drlLines().length && l < line + 60; l++) {
                int column = columnOf(unit.drlLines()[l - 1], needle);
                if (column > 0) {
                    return unit.problem(l, column, needle, firstLineOf(message));
                }
                if (l > line && unit.drlLines()[l - 1].strip().equals("end")) {
                    break;
                }
            }
        }
        if (needle != null && line <= 0) {
            // Some messages (for example from a pattern expanded out of a DSL) carry no line: the first
            // occurrence of the offending text is the best position there is.
            for (int l = 1; l <= unit.drlLines().length; l++) {
                int column = columnOf(unit.drlLines()[l - 1], needle);
                if (column > 0) {
                    return unit.problem(l, column, needle, firstLineOf(message));
                }
            }
        }
        return unit.problem(line, 0, needle, firstLineOf(message));
    }

    private static String firstLineOf(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline).strip();
    }

    /** 1-based column of {@code needle} in {@code line} as a whole word (or whole expression), or 0. */
    static int columnOf(String line, String needle) {
        if (needle == null || needle.isEmpty()) {
            return 0;
        }
        int from = 0;
        while (true) {
            int at = line.indexOf(needle, from);
            if (at < 0) {
                return 0;
            }
            boolean startOk = at == 0 || !Character.isJavaIdentifierPart(line.charAt(at - 1))
                    || !Character.isJavaIdentifierPart(needle.charAt(0));
            int end = at + needle.length();
            boolean endOk = end >= line.length() || !Character.isJavaIdentifierPart(line.charAt(end))
                    || !Character.isJavaIdentifierPart(needle.charAt(needle.length() - 1));
            if (startOk && endOk) {
                return at + 1;
            }
            from = at + 1;
        }
    }

    private static int firstNonBlank(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (!Character.isWhitespace(line.charAt(i))) {
                return i + 1;
            }
        }
        return 1;
    }

    private static String lineOf(String text, int line) {
        String[] lines = text.split("\n", -1);
        return line >= 1 && line <= lines.length ? lines[line - 1] : "";
    }

    private static int lineAt(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
