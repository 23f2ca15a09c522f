package dev.setlist.plugin.cli;

import java.io.PrintWriter;

/**
 * One line of progress on standard error, rewritten in place while a long job runs (at most ten times a
 * second), then ended with a newline; silent with {@code --quiet}. Standard output stays the job's result.
 *
 * <p>Not thread-safe: one job, one thread.
 */
final class ProgressLine implements AutoCloseable {

    private static final long EVERY_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final boolean quiet;
    private long lastShown = Long.MIN_VALUE;
    private int width;
    private boolean open;

    ProgressLine(PrintWriter err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
    }

    /** Shows {@code text} unless a line was shown less than a tenth of a second ago. */
    void show(String text) {
        long now = System.nanoTime();
        if (lastShown != Long.MIN_VALUE && now - lastShown < EVERY_NANOS) {
            return;
        }
        lastShown = now;
        write(text);
    }

    /** Shows {@code text} now, whenever the last line was shown (a stage that changed). */
    void force(String text) {
        lastShown = System.nanoTime();
        write(text);
    }

    /** {@code label done/total (p%)}, or {@code label done} when the total is unknown. */
    static String count(String label, long done, long total) {
        return total > 0 ? String.format(java.util.Locale.ROOT, "%s %d/%d (%d%%)", label, done, total, done * 100 / total)
                : total == 0 ? label + " 0" : label + " " + (done > 0 ? done : "...");
    }

    private void write(String text) {
        if (quiet) {
            return;
        }
        String padded = text.length() < width ? text + " ".repeat(width - text.length()) : text;
        width = text.length();
        err.print('\r');
        err.print(padded);
        err.flush();
        open = true;
    }

    /** Ends the line. */
    @Override
    public void close() {
        if (open) {
            err.println();
            err.flush();
            open = false;
        }
    }
}
