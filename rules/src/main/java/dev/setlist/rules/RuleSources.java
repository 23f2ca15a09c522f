package dev.setlist.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The files one rule book is built from: the shipped packs and the curator's files. A curator file
 * with the same path as a shipped one replaces it (so a curator can rewrite, say,
 * {@code business.drl}); the parental ceiling is enforced outside the rules as well, so replacing
 * the kids pack cannot lift it.
 *
 * <p>Immutable; share freely.
 */
public final class RuleSources {

    /** Where the shipped packs live on the class path: the fact model's package path. */
    public static final String DEFAULTS_ROOT = "dev/setlist/rules/model/";

    /** The list of shipped files, one path per line, relative to {@link #DEFAULTS_ROOT}. */
    public static final String DEFAULTS_INDEX = DEFAULTS_ROOT + "packs.txt";

    private final List<RuleFile> shipped;
    private final List<RuleFile> curator;

    private RuleSources(List<RuleFile> shipped, List<RuleFile> curator) {
        this.shipped = List.copyOf(shipped);
        this.curator = List.copyOf(curator);
    }

    /** The shipped packs only. */
    public static RuleSources defaults() {
        return new RuleSources(loadDefaults(), List.of());
    }

    /** No shipped packs: only the given curator files (for checking files on their own). */
    public static RuleSources only(List<RuleFile> files) {
        return new RuleSources(List.of(), files);
    }

    /** Other files in the role of the shipped packs (for tests of the machinery around them). */
    static RuleSources withBase(List<RuleFile> base) {
        return new RuleSources(base, List.of());
    }

    /** The shipped packs plus {@code curatorFiles}. */
    public static RuleSources defaultsPlus(List<RuleFile> curatorFiles) {
        return new RuleSources(loadDefaults(), curatorFiles);
    }

    /** This book's shipped files with another set of curator files. */
    public RuleSources withCurator(List<RuleFile> curatorFiles) {
        return new RuleSources(shipped, curatorFiles);
    }

    /**
     * Reads every rule file under {@code folder} (recursively; hidden files, editor backups and
     * files of other kinds are skipped).
     *
     * @throws IOException when the folder cannot be read
     */
    public static List<RuleFile> readFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("not a folder: " + folder);
        }
        List<RuleFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String relative = folder.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                if (isCandidateFile(relative)) {
                    files.add(new RuleFile(relative, Files.readAllBytes(file), false));
                }
            }
        }
        return files;
    }

    static boolean isCandidateFile(String relative) {
        for (String part : relative.split("/")) {
            if (part.startsWith(".") || part.startsWith("#") || part.endsWith("~")) {
                return false;
            }
        }
        return RuleFile.Format.of(relative) != null;
    }

    private static List<RuleFile> loadDefaults() {
        ClassLoader loader = RuleSources.class.getClassLoader();
        List<RuleFile> files = new ArrayList<>();
        for (String name : readResource(loader, DEFAULTS_INDEX).split("\n")) {
            String path = name.strip();
            if (!path.isEmpty() && !path.startsWith("#")) {
                files.add(new RuleFile(path, readResource(loader, DEFAULTS_ROOT + path)
                        .getBytes(StandardCharsets.UTF_8), true));
            }
        }
        return files;
    }

    private static String readResource(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("shipped rule resource missing from the class path: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read shipped rule resource " + name, e);
        }
    }

    /** The files that take part, curator files replacing shipped files of the same path. */
    public List<RuleFile> effectiveFiles() {
        Map<String, RuleFile> byPath = new LinkedHashMap<>();
        for (RuleFile file : shipped) {
            byPath.put(file.path(), file);
        }
        for (RuleFile file : curator) {
            byPath.remove(file.path());
        }
        List<RuleFile> files = new ArrayList<>(byPath.values());
        files.addAll(curator);
        return files;
    }

    public List<RuleFile> shipped() {
        return shipped;
    }

    public List<RuleFile> curator() {
        return curator;
    }

    /** A digest of the curator files, to tell a real change from a touch. */
    public String curatorDigest() {
        return RuleFile.digest(curator);
    }
}
