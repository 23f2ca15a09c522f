package dev.setlist.plugin.rulebook;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A line diff between two texts by longest common subsequence: every line of both texts appears once, as
 * kept, removed or added, in reading order, with its line number on each side. Texts are compared line by
 * line, exactly (a change of trailing space is a change).
 *
 * <p>The table costs {@code (a + 1) × (b + 1)} ints; beyond {@link #MAX_CELLS} (files of thousands of lines on
 * both sides) the diff falls back to "every old line removed, every new line added", which is still correct.
 *
 * <p>Stateless and thread-safe.
 */
public final class LineDiff {

    /** Above this many table cells the diff replaces the whole text instead of aligning it. */
    public static final long MAX_CELLS = 4_000_000L;

    /** What happened to one line. */
    public enum Kind { KEPT, REMOVED, ADDED }

    /**
     * One line of the diff.
     *
     * @param kind    kept, removed or added
     * @param oldLine its 1-based line in the old text, or 0 when added
     * @param newLine its 1-based line in the new text, or 0 when removed
     * @param text    the line, without its line break
     */
    public record Line(Kind kind, int oldLine, int newLine, String text) {
    }

    private LineDiff() {
    }

    /** The lines of {@code text} split at {@code \n} (a {@code \r} before it is dropped); "" has no lines. */
    public static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                int end = i > start && text.charAt(i - 1) == '\r' ? i - 1 : i;
                lines.add(text.substring(start, end));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    /** The diff from {@code before} to {@code after}. */
    public static List<Line> between(String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < prefix; i++) {
            out.add(new Line(Kind.KEPT, i + 1, i + 1, a.get(i)));
        }
        middle(a.subList(prefix, a.size() - suffix), b.subList(prefix, b.size() - suffix), prefix, out);
        for (int i = suffix; i > 0; i--) {
            int oldIndex = a.size() - i;
            int newIndex = b.size() - i;
            out.add(new Line(Kind.KEPT, oldIndex + 1, newIndex + 1, a.get(oldIndex)));
        }
        return Collections.unmodifiableList(out);
    }

    /** Whether the diff changes anything. */
    public static boolean changes(List<Line> diff) {
        return diff.stream().anyMatch(line -> line.kind() != Kind.KEPT);
    }

    private static void middle(List<String> a, List<String> b, int offset, List<Line> out) {
        int n = a.size();
        int m = b.size();
        if ((long) (n + 1) * (m + 1) > MAX_CELLS) {
            for (int i = 0; i < n; i++) {
                out.add(new Line(Kind.REMOVED, offset + i + 1, 0, a.get(i)));
            }
            for (int j = 0; j < m; j++) {
                out.add(new Line(Kind.ADDED, 0, offset + j + 1, b.get(j)));
            }
            return;
        }
        // common[i][j]: the longest common subsequence of a[i..] and b[j..].
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                out.add(new Line(Kind.KEPT, offset + i + 1, offset + j + 1, a.get(i)));
                i++;
                j++;
            } else if (i < n && (j == m || common[i + 1][j] >= common[i][j + 1])) {
                out.add(new Line(Kind.REMOVED, offset + i + 1, 0, a.get(i)));
                i++;
            } else {
                out.add(new Line(Kind.ADDED, 0, offset + j + 1, b.get(j)));
                j++;
            }
        }
    }
}
