package dev.setlist.plugin.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The process's CPU time by thread, read from {@code /proc/self/task}, with threads grouped by name (digits
 * folded, so {@code jetty-http-server-#} is one group). Unlike JFR's execution samples this counts the JVM's own
 * threads too (JIT compilers, GC workers), whose CPU a loaded server pays as surely as its request threads'.
 * Linux only: elsewhere {@link #snapshot} is empty and nothing is printed. Resolution is the kernel's clock
 * tick (10 ms), so it is meant for phases of seconds.
 *
 * <p>Immutable snapshots; thread-safe.
 */
final class ThreadGroupCpu {

    private static final Path TASKS = Path.of("/proc/self/task");
    /** USER_HZ: the unit of utime and stime in /proc; 100 on every Linux this runs on. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private final Map<String, Long> nanosByGroup;

    private ThreadGroupCpu(Map<String, Long> nanosByGroup) {
        this.nanosByGroup = nanosByGroup;
    }

    /**
     * The CPU time of every live thread so far, by group. Threads that ended since are not counted: take
     * the snapshots while the threads of interest run.
     */
    static ThreadGroupCpu snapshot() {
        Map<String, Long> result = new TreeMap<>();
        if (!Files.isDirectory(TASKS)) {
            return new ThreadGroupCpu(result);
        }
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    // pid (comm) state ... : comm may hold spaces and parentheses, so split after the last ')'.
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String name = stat.substring(open + 1, close).replaceAll("[0-9]+", "#");
                    String[] fields = stat.substring(close + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    result.merge(name, ticks * NANOS_PER_TICK, Long::sum);
                } catch (IOException | RuntimeException e) {
                    // The thread ended while being read: it is simply not in this snapshot.
                }
            }
        } catch (IOException e) {
            return new ThreadGroupCpu(Map.of());
        }
        return new ThreadGroupCpu(result);
    }

    /**
     * The groups' CPU time between {@code before} and this snapshot, in milliseconds per {@code units}, largest
     * first, as one line ({@code "jetty-http-server-# 6.10, C# CompilerThre 1.20, ..."}); groups under 1 % of
     * the total are summed as "other".
     */
    String since(ThreadGroupCpu before, long units) {
        Map<String, Long> spent = new LinkedHashMap<>();
        nanosByGroup.forEach((group, nanos) -> {
            long delta = nanos - before.nanosByGroup.getOrDefault(group, 0L);
            if (delta > 0) {
                spent.put(group, delta);
            }
        });
        long total = spent.values().stream().mapToLong(Long::longValue).sum();
        long other = spent.values().stream().filter(nanos -> nanos < total / 100).mapToLong(Long::longValue).sum();
        String main = spent.entrySet().stream()
                .filter(entry -> entry.getValue() >= total / 100)
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .map(entry -> String.format(Locale.ROOT, "%s %.2f", entry.getKey(),
                        entry.getValue() / 1e6 / Math.max(1, units)))
                .collect(Collectors.joining(", "));
        return other == 0 ? main : main + String.format(Locale.ROOT, ", other %.2f", other / 1e6 / Math.max(1, units));
    }

    boolean isEmpty() {
        return nanosByGroup.isEmpty();
    }
}
