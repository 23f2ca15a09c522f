package dev.setlist.plugin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code setlist bench behaviours} is deterministic for a seed: two runs of the packaged jar, in two JVMs, write
 * the same tables and plots. They must be separate JVMs because the orders that broke this before were salted per
 * JVM ({@code Set.copyOf} iterates differently in every process, never within one), which a second run in the
 * test's own JVM cannot see. One run gets a single processor, so the trainer's thread count is varied too.
 */
class BehaviourDeterminismIT {

    private static final String SEED = "7";

    @TempDir
    Path work;

    @Test
    void twoProcessesWriteTheSameTablesAndPlotsForASeed() throws Exception {
        Path first = work.resolve("first");
        Path second = work.resolve("second");
        Process a = bench(first, List.of());
        Process b = bench(second, List.of("-XX:ActiveProcessorCount=1"));
        finish(a, first);
        finish(b, second);

        assertThat(withoutTiming(first.resolve("results.md")))
                .as("the table of a second process, on one processor")
                .isEqualTo(withoutTiming(second.resolve("results.md")));
        List<Path> plots = svgs(first);
        assertThat(plots).as("plots written").hasSizeGreaterThanOrEqualTo(5);
        assertThat(svgs(second).stream().map(Path::getFileName).toList())
                .isEqualTo(plots.stream().map(Path::getFileName).toList());
        for (Path plot : plots) {
            assertThat(Files.readString(second.resolve(plot.getFileName().toString())))
                    .as(plot.getFileName().toString()).isEqualTo(Files.readString(plot));
        }
    }

    private static Process bench(Path out, List<String> jvmOptions) throws IOException {
        Files.createDirectories(out);
        List<String> command = new java.util.ArrayList<>();
        command.add(PackagedJarIT.java());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", PackagedJarIT.jar().toString(), "bench", "behaviours", "--quick", "--seed", SEED,
                "--out", out.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.resolve("run.log").toFile())
                .start();
    }

    private static void finish(Process process, Path out) throws Exception {
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the reduced bench finishes").isTrue();
        // 0: every row met its margin; 1: a row fell short (the reduced run is too short for some). Either way the
        // table is written; anything else is a crash.
        assertThat(process.exitValue()).as(Files.readString(out.resolve("run.log"))).isIn(0, 1);
        assertThat(out.resolve("results.md")).isRegularFile();
    }

    /** The report without its first line, which says how long the run took. */
    private static String withoutTiming(Path results) throws IOException {
        String text = Files.readString(results);
        assertThat(text).startsWith("Seed " + SEED + ";");
        return text.substring(text.indexOf('\n') + 1);
    }

    private static List<Path> svgs(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".svg")).sorted().toList();
        }
    }
}
