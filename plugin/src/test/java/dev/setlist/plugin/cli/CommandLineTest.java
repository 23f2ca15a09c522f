package dev.setlist.plugin.cli;

import dev.setlist.plugin.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CommandLineTest {

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void anUnknownFlagPrintsUsageAndExitsWith2() {
        assertThat(run("serve", "--prot", "8420")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option").contains("'--prot'").contains("Usage: setlist serve");
    }

    @Test
    void printsItsVersionAndHelp() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("setlist ").doesNotContain("unknown");

        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("serve").contains("demo");

        assertThat(run("demo", "--help")).isZero();
        assertThat(out.toString()).contains("--port").contains("--data").contains("--admin-key");
    }

    @Test
    void aTakenPortIsOneClearLineAndExit1() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int code = run("demo", "--port", String.valueOf(taken.getLocalPort()), "--host", "127.0.0.1",
                    "--data", folder.toString(), "--admin-key", "k", "--webhook-secret", "s");
            assertThat(code).isEqualTo(1);
            assertThat(err.toString().strip())
                    .isEqualTo("setlist: port " + taken.getLocalPort()
                            + " on 127.0.0.1 is already in use (choose another with --port or SETLIST_PORT)");
        }
    }

    @Test
    void anInvalidConfigFileNamesTheFileAndTheKey() throws IOException {
        Path file = folder.resolve("bad.properties");
        Files.writeString(file, "port=not-a-number\n");
        assertThat(run("serve", "--config", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(file.toString()).contains("key 'port'");
    }

    @Test
    void anUnreadableConfigFileIsNamed() {
        Path missing = folder.resolve("missing.properties");
        assertThat(run("serve", "--config", missing.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read config file " + missing);
    }

    @Test
    void runsTheShippedRuleScenarios() {
        assertThat(run("rules", "test")).as(out.toString()).isZero();
        assertThat(out.toString()).containsIgnoringCase("pass");
    }

    @Test
    void refusesABrokenCuratorRuleWithItsPosition() throws IOException {
        Path rules = Files.createDirectories(folder.resolve("rules"));
        Files.writeString(rules.resolve("broken.drl"), """
                package dev.setlist.rules.model

                rule "Broken"
                when
                    Item( minimumAge > )
                then
                end
                """);
        assertThat(run("rules", "check", rules.toString())).isEqualTo(2);
        assertThat(out.toString()).contains("broken.drl:5:");
        assertThat(run("rules", "test", folder.resolve("missing").toString())).isEqualTo(2);
    }

    @Test
    void evaluatesATinyMovieLensFolderAndWritesJson() throws IOException {
        Path dataset = Files.createDirectories(folder.resolve("ml-tiny"));
        StringBuilder ratings = new StringBuilder("userId,movieId,rating,timestamp\n");
        StringBuilder movies = new StringBuilder("movieId,title,genres\n");
        for (int movie = 1; movie <= 30; movie++) {
            movies.append(movie).append(",\"Film ").append(movie).append(", The (2001)\",")
                    .append(movie % 2 == 0 ? "Drama|Comedy" : "Action").append('\n');
        }
        for (int user = 1; user <= 12; user++) {
            for (int k = 0; k < 12; k++) {
                int movie = 1 + (user * 7 + k * (user % 2 == 0 ? 2 : 3)) % 30;
                ratings.append(user).append(',').append(movie).append(',').append(k % 5 == 4 ? "2.0" : "4.5").append(',')
                        .append(1_000_000 + user * 100 + k).append('\n');
            }
        }
        Files.writeString(dataset.resolve("ratings.csv"), ratings);
        Files.writeString(dataset.resolve("movies.csv"), movies);
        Path json = folder.resolve("report.json");

        assertThat(run("evaluate", "--dataset", dataset.toString(), "--output", json.toString(), "--threads", "2"))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains("most popular").contains("EASE").contains("iALS").contains("NDCG@20").doesNotContain("failed");
        assertThat(Files.readString(json)).contains("\"results\"").contains("\"iALS\"");
        assertThat(run("evaluate", "--dataset", folder.resolve("nothing-here").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("nothing-here");
    }
}
