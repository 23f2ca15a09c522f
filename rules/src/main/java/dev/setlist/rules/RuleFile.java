package dev.setlist.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * One rule source file, as bytes (decoding is part of validation, so that a file that is not UTF-8
 * is reported rather than garbled).
 *
 * <p>Immutable; share freely.
 *
 * @param path    relative path with {@code /} separators, for example {@code modes/workout.drl}
 * @param bytes   the content
 * @param shipped whether the file ships in the jar (a default pack) rather than the curator folder
 */
public record RuleFile(String path, byte[] bytes, boolean shipped) {

    /** The kinds of file the compiler reads; anything else in a rules folder is ignored. */
    public enum Format {
        DRL(".drl"), DSLR(".dslr"), DSL(".dsl"), DECISION_TABLE(".drl.csv");

        private final String suffix;

        Format(String suffix) {
            this.suffix = suffix;
        }

        public String suffix() {
            return suffix;
        }

        /** The format of a file name, or null when it is not a rule file. */
        public static Format of(String fileName) {
            String lower = fileName.toLowerCase(Locale.ROOT);
            for (Format format : values()) {
                if (lower.endsWith(format.suffix)) {
                    return format;
                }
            }
            return null;
        }
    }

    public RuleFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(bytes, "bytes");
        if (Format.of(path) == null) {
            throw new IllegalArgumentException("not a rule file (.drl, .dslr, .dsl or .drl.csv): " + path);
        }
        if (path.startsWith("/") || path.contains("\\") || path.contains("..")) {
            throw new IllegalArgumentException("a rule file path is relative with / separators: " + path);
        }
        bytes = bytes.clone();
    }

    /** A curator file from text. */
    public static RuleFile of(String path, String text) {
        return new RuleFile(path, text.getBytes(StandardCharsets.UTF_8), false);
    }

    public Format format() {
        return Format.of(path);
    }

    /** The path as reported in problems: shipped files are prefixed {@code defaults/}. */
    public String displayPath() {
        return shipped ? "defaults/" + path : path;
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RuleFile that && path.equals(that.path) && shipped == that.shipped
                && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return (path.hashCode() * 31 + Arrays.hashCode(bytes)) * 31 + Boolean.hashCode(shipped);
    }

    @Override
    public String toString() {
        return displayPath() + " (" + bytes.length + " bytes)";
    }

    /** A digest of {@code files} (SHA-256 over sorted paths and contents, 24 hex digits). */
    public static String digest(List<RuleFile> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (RuleFile file : files.stream().sorted(Comparator.comparing(RuleFile::path)).toList()) {
                sha.update(file.path().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(file.bytes);
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
