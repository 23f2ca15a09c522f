package dev.setlist.plugin.cli;

import dev.setlist.plugin.Main;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line of the benchmarks; the behaviours themselves are run by {@code BehaviourBenchTest}. */
class BenchCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void benchListsItsBenchmarksAndBehavioursItsOptions() {
        assertThat(run("bench")).isZero();
        assertThat(out.toString()).contains("behaviours");

        assertThat(run("bench", "behaviours", "--help")).isZero();
        assertThat(out.toString()).contains("--seed").contains("--quick").contains("--out").contains("naive baseline");
    }

    @Test
    void aSeedThatIsNotANumberIsAUsageError() {
        assertThat(run("bench", "behaviours", "--seed", "forty-two")).isEqualTo(2);
        assertThat(err.toString()).contains("--seed").contains("forty-two");
    }

    @Test
    void theLoadBenchWarmsUpUnmeasuredThenMeasuresAndFindsNothingLost(@org.junit.jupiter.api.io.TempDir
                                                                      java.nio.file.Path folder) {
        int code = run("bench", "load", "--rate", "40", "--seconds", "1", "--senders", "2", "--warmup", "1",
                "--data", folder.resolve("data").toString());

        assertThat(code).as(out + "\n" + err).isZero();
        assertThat(out.toString())
                .containsPattern("warm-up \\(1 s, not measured\\): \\d+ sent, \\d+ acknowledged")
                .containsPattern("load \\(40/s target, 2 senders, 1 s\\): \\d+ sent")
                .containsPattern("loss check \\(database reopened from the file\\): \\d+ acknowledged, 0 missing");
    }

    @Test
    void aNegativeWarmUpIsAUsageError() {
        assertThat(run("bench", "load", "--warmup", "-1")).isEqualTo(2);
        assertThat(err.toString()).contains("--warmup");
    }
}
