package dev.setlist.rules.guard;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks DRL source text (plain, expanded from a DSL or generated from a decision table) against
 * the allow-list. See the package documentation for what is refused.
 *
 * <p>Stateless; share freely.
 */
public final class SourceGuard {

    /** Imports and fully qualified names a rule may use: the fact model and a few harmless JDK types. */
    static final Set<String> ALLOWED_TYPES = Set.of(
            "dev.setlist.scorer.catalog.ItemProfile.ItemKind",
            "java.lang.Math", "java.lang.String", "java.lang.Integer", "java.lang.Long", "java.lang.Double",
            "java.lang.Boolean", "java.lang.Character", "java.time.DayOfWeek",
            "java.util.List", "java.util.Set", "java.util.Map", "java.util.Collection");

    /** The package curator rules may import freely. */
    static final String MODEL_PACKAGE = "dev.setlist.rules.model";

    private static final Set<String> PACKAGE_ROOTS = Set.of(
            "java", "javax", "jdk", "sun", "com", "org", "net", "io", "dev", "kotlin", "scala", "groovy", "jakarta");

    private static final Map<String, String> DENIED = denied();

    private static Map<String, String> denied() {
        Map<String, String> map = new java.util.HashMap<>();
        String system = "system and process access";
        for (String name : List.of("System", "Runtime", "ProcessBuilder", "Process", "ProcessHandle", "exec", "exit",
                "halt", "getRuntime", "SecurityManager", "StackWalker", "Compiler", "Unsafe", "finalize")) {
            map.put(name, system);
        }
        String threads = "threads and blocking";
        for (String name : List.of("Thread", "ThreadGroup", "ThreadLocal", "InheritableThreadLocal", "Executors",
                "ExecutorService", "ForkJoinPool", "CompletableFuture", "Timer", "sleep", "wait", "notify",
                "notifyAll", "interrupt")) {
            map.put(name, threads);
        }
        String reflection = "reflection and class loading";
        for (String name : List.of("Class", "ClassLoader", "ClassValue", "URLClassLoader", "Module", "ModuleLayer",
                "Package", "MethodHandles", "MethodHandle", "VarHandle", "Method", "Field", "Constructor", "Proxy",
                "class", "getClass", "forName", "getClassLoader", "getMethod", "getMethods", "getDeclaredMethod",
                "getDeclaredMethods", "getField", "getFields", "getDeclaredField", "getDeclaredFields",
                "getConstructor", "getConstructors", "getDeclaredConstructor", "getDeclaredConstructors",
                "newInstance", "invoke", "invokeExact", "setAccessible", "loadClass", "defineClass", "loadLibrary",
                "load", "reflect", "ScriptEngineManager", "InitialContext")) {
            map.put(name, reflection);
        }
        String io = "file and network access";
        for (String name : List.of("File", "Files", "Path", "Paths", "FileSystems", "FileInputStream",
                "FileOutputStream", "FileReader", "FileWriter", "RandomAccessFile", "ObjectInputStream",
                "ObjectOutputStream", "Socket", "ServerSocket", "DatagramSocket", "URL", "URI", "URLConnection",
                "HttpClient", "InetAddress")) {
            map.put(name, io);
        }
        // One call of these can ask for any amount of memory ("x".repeat(2_000_000_000), "%0999999999d"), which
        // no check between firings can stop; memory grown over many firings is the allocation limit's job.
        String allocation = "allocation of a size chosen at run time";
        for (String name : List.of("repeat", "nCopies", "StringBuilder", "StringBuffer", "format", "formatted", "indent",
                "ensureCapacity", "setLength", "fill", "copyOf", "copyOfRange")) {
            map.put(name, allocation);
        }
        String engine = "the engine's internals (rules see facts only)";
        for (String name : List.of("drools", "kcontext")) {
            map.put(name, engine);
        }
        return Map.copyOf(map);
    }

    /** All violations in {@code source}, in text order; empty when the source is allowed. */
    public List<Violation> check(String source) {
        List<Violation> violations = new ArrayList<>();
        findUnicodeEscapes(source, violations);
        List<Token> tokens = Lexer.tokens(source);
        Set<String> functionNames = new HashSet<>();
        List<int[]> functionBodies = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (!token.identifier()) {
                continue;
            }
            String text = token.text();
            if (text.equals("package") && i == firstOnLine(tokens, i)) {
                i = endOfQualifiedName(tokens, i + 1);
                continue;
            }
            if (text.equals("import") && i == firstOnLine(tokens, i)) {
                i = checkImport(tokens, i, violations);
                continue;
            }
            if (text.equals("global") && i == firstOnLine(tokens, i)) {
                violations.add(at(token, "globals are not available to rules: match facts instead"));
                continue;
            }
            if (text.equals("function") && i == firstOnLine(tokens, i)) {
                int[] body = functionBody(tokens, i, functionNames);
                if (body != null) {
                    functionBodies.add(body);
                }
                continue;
            }
            if (text.equals("while") || text.equals("for")
                    || (text.equals("do") && i + 1 < tokens.size() && tokens.get(i + 1).text().equals("{"))) {
                violations.add(at(token, "'" + text + "' loops are not allowed in rules: let the engine iterate "
                        + "by matching each fact in the when part"));
                continue;
            }
            if (text.equals("new") && i + 1 < tokens.size() && tokens.get(i + 1).identifier()) {
                int end = endOfQualifiedName(tokens, i + 1);
                if (end + 1 < tokens.size() && tokens.get(end + 1).text().equals("[")) {
                    violations.add(at(token, "arrays cannot be created in rules (their size is chosen at run time): "
                            + "match facts, or use List.of(...)"));
                    continue;
                }
            }
            String denial = DENIED.get(text);
            if (denial != null) {
                violations.add(at(token, "'" + text + "' is not allowed in rules (" + denial + ")"));
                continue;
            }
            if (PACKAGE_ROOTS.contains(text) && i + 2 < tokens.size() && tokens.get(i + 1).text().equals(".")
                    && !previousIsDot(tokens, i)) {
                int end = endOfQualifiedName(tokens, i);
                String name = joined(tokens, i, end);
                if (!allowedQualifiedName(name)) {
                    violations.add(at(token, "'" + name + "' is outside the fact model; rules may use "
                            + MODEL_PACKAGE + " and " + ALLOWED_TYPES));
                }
                i = end;
            }
        }
        for (int[] body : functionBodies) {
            for (int i = body[0]; i < body[1]; i++) {
                Token token = tokens.get(i);
                if (token.identifier() && functionNames.contains(token.text()) && i + 1 < tokens.size()
                        && tokens.get(i + 1).text().equals("(") && !previousIsDot(tokens, i)) {
                    violations.add(at(token, "function '" + token.text() + "' is called from a function; "
                            + "functions may not call functions (this rules out endless recursion)"));
                }
            }
        }
        violations.sort(java.util.Comparator.comparingInt(Violation::line).thenComparingInt(Violation::column));
        return violations;
    }

    private static void findUnicodeEscapes(String source, List<Violation> violations) {
        int line = 1;
        int column = 1;
        int backslashes = 0;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == 'u' && backslashes % 2 == 1) {
                violations.add(new Violation(line, column - 1,
                        "unicode escapes (\\u) are not allowed in rule files: write the character itself"));
            }
            backslashes = c == '\\' ? backslashes + 1 : 0;
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
    }

    private static int checkImport(List<Token> tokens, int importIndex, List<Violation> violations) {
        int start = importIndex + 1;
        while (start < tokens.size() && (tokens.get(start).text().equals("static")
                || tokens.get(start).text().equals("function"))) {
            start++;
        }
        if (start >= tokens.size()) {
            return start;
        }
        int end = endOfQualifiedName(tokens, start);
        String name = joined(tokens, start, end);
        boolean wildcard = end + 2 < tokens.size() && tokens.get(end + 1).text().equals(".")
                && tokens.get(end + 2).text().equals("*");
        boolean allowed = name.equals(MODEL_PACKAGE) ? wildcard : allowedQualifiedName(name);
        if (!allowed) {
            violations.add(at(tokens.get(start), "import of '" + name + (wildcard ? ".*" : "")
                    + "' is not allowed; rules may import " + MODEL_PACKAGE + ".* and " + ALLOWED_TYPES));
        }
        return wildcard ? end + 2 : end;
    }

    static boolean allowedQualifiedName(String name) {
        if (name.startsWith(MODEL_PACKAGE + ".")) {
            return true;
        }
        for (String allowed : ALLOWED_TYPES) {
            if (name.equals(allowed) || name.startsWith(allowed + ".")) {
                return true;
            }
        }
        return false;
    }

    /** Index of the last identifier of the dotted name starting at {@code start}. */
    private static int endOfQualifiedName(List<Token> tokens, int start) {
        int end = start;
        while (end + 2 < tokens.size() && tokens.get(end + 1).text().equals(".") && tokens.get(end + 2).identifier()) {
            end += 2;
        }
        return end;
    }

    private static String joined(List<Token> tokens, int start, int end) {
        StringBuilder name = new StringBuilder();
        for (int i = start; i <= end && i < tokens.size(); i += 2) {
            if (name.length() > 0) {
                name.append('.');
            }
            name.append(tokens.get(i).text());
        }
        return name.toString();
    }

    private static boolean previousIsDot(List<Token> tokens, int index) {
        return index > 0 && tokens.get(index - 1).text().equals(".");
    }

    private static int firstOnLine(List<Token> tokens, int index) {
        int first = index;
        while (first > 0 && tokens.get(first - 1).line() == tokens.get(index).line()) {
            first--;
        }
        return first;
    }

    /** Records the function's name; returns its body as a token range [from, to), or null. */
    private static int[] functionBody(List<Token> tokens, int functionIndex, Set<String> names) {
        int i = functionIndex + 1;
        while (i < tokens.size() && !tokens.get(i).text().equals("(")) {
            i++;
        }
        if (i >= tokens.size()) {
            return null;
        }
        names.add(tokens.get(i - 1).text());
        while (i < tokens.size() && !tokens.get(i).text().equals("{")) {
            i++;
        }
        int depth = 0;
        int from = i;
        for (; i < tokens.size(); i++) {
            String text = tokens.get(i).text();
            if (text.equals("{")) {
                depth++;
            } else if (text.equals("}") && --depth == 0) {
                return new int[] {from, i};
            }
        }
        return new int[] {from, tokens.size()};
    }

    private static Violation at(Token token, String message) {
        return new Violation(token.line(), token.column(), message);
    }
}
