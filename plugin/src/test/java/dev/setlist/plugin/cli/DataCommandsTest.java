package dev.setlist.plugin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.setlist.plugin.Main;
import dev.setlist.plugin.jellyfin.FakeJellyfin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code sync}, {@code export-user} and {@code delete-user} against the fake Jellyfin and a real H2 data folder. */
class DataCommandsTest {

    private static final String KEY = "fedcba9876543210fedcba9876543210";
    private static final String ALEX = "5f0b2c7e8d1a4c3b9e2f7a6b5c4d3e21";
    private static final String ROBIN = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";

    @TempDir
    Path folder;

    private FakeJellyfin jellyfin;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void start() throws IOException {
        jellyfin = new FakeJellyfin(KEY);
        jellyfin.addUser(new FakeJellyfin.User(ALEX, "Alex", false, true));
        jellyfin.addUser(new FakeJellyfin.User(ROBIN, "Robin", false, false));
        jellyfin.addLibrary(6, 4, 2, Instant.parse("2026-10-01T12:00:00Z"));
        for (int film = 1; film <= 3; film++) {
            FakeJellyfin.UserData data = jellyfin.userData(ALEX, FakeJellyfin.libraryId("movie", film));
            data.played = true;
            data.playCount = 1;
            data.lastPlayed = Instant.parse("2026-06-0" + film + "T20:00:00Z");
        }
        jellyfin.userData(ROBIN, FakeJellyfin.libraryId("movie", 4)).played = true;
    }

    @AfterEach
    void stop() {
        jellyfin.close();
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private int sync(String... more) {
        String[] base = {"sync", "--data", folder.toString(), "--jellyfin-url", jellyfin.baseUri().toString(),
                "--jellyfin-api-key", KEY};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return run(args);
    }

    @Test
    void syncReadsPeopleCatalogAndHistoryOnceShowingProgress() {
        assertThat(sync()).as(err.toString()).isZero();
        assertThat(out.toString()).contains("2 people, 12 items, 4 history events imported");
        assertThat(err.toString()).contains("sync: 2 people, 12 items, history 2/2");
        assertThat(Files.exists(folder.resolve("setlist.mv.db"))).isTrue();

        assertThat(sync("--quiet")).as(err.toString()).isZero();
        assertThat(out.toString()).as("history is imported once").contains("0 history events imported");
        assertThat(err.toString()).as("--quiet").isEmpty();
    }

    @Test
    void exportUserWritesWhatThePrivacyApiExports() throws IOException {
        assertThat(sync("--quiet")).isZero();
        assertThat(run("export-user", ALEX, "--data", folder.toString())).as(err.toString()).isZero();
        JsonNode export = new ObjectMapper().readTree(out.toString());
        assertThat(export.get("user").get("name").asText()).isEqualTo("Alex");
        assertThat(export.get("events")).hasSize(3);
        assertThat(export.get("interactions").size()).as("replayed as the server would").isEqualTo(3);
        assertThat(export.toString()).doesNotContain(ROBIN);
        assertThat(export.fieldNames()).toIterable()
                .containsExactly("user", "exportedAt", "privacy", "events", "interactions", "playlists", "pending");

        Path file = folder.resolve("alex.json");
        assertThat(run("export-user", ALEX, "--data", folder.toString(), "--output", file.toString())).isZero();
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("wrote " + file).contains("3 events");
        assertThat(new ObjectMapper().readTree(file.toFile()).get("events")).isEqualTo(export.get("events"));

        assertThat(run("export-user", "ffffffffffffffffffffffffffffffff", "--data", folder.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("no user with id ffffffffffffffffffffffffffffffff");
        assertThat(run("export-user", ALEX, "--data", folder.resolve("nowhere").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("no database in");
    }

    @Test
    void deleteUserNeedsYesThenDeletesThatPersonOnly() throws IOException {
        assertThat(sync("--quiet")).isZero();
        assertThat(run("delete-user", ALEX, "--data", folder.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("would delete " + ALEX + " and 3 events").contains("--yes");
        assertThat(run("export-user", ALEX, "--data", folder.toString())).as("nothing deleted without --yes").isZero();
        assertThat(new ObjectMapper().readTree(out.toString()).get("events")).hasSize(3);

        assertThat(run("delete-user", ALEX, "--data", folder.toString(), "--yes")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("deleted " + ALEX + ": 3 events");
        assertThat(run("export-user", ALEX, "--data", folder.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("no user with id " + ALEX);
        assertThat(run("export-user", ROBIN, "--data", folder.toString())).as("others stay").isZero();
        assertThat(new ObjectMapper().readTree(out.toString()).get("events")).hasSize(1);
    }

    @Test
    void syncSaysWhatIsWrong() {
        assertThat(run("sync", "--data", folder.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no Jellyfin configured").contains("--jellyfin-url");

        jellyfin.failWith(500);
        assertThat(sync("--quiet")).isEqualTo(1);
        assertThat(err.toString()).startsWith("setlist sync: ").contains("500");

        assertThat(run("sync", "--data", folder.toString(), "--jellyfin-url", jellyfin.baseUri().toString(),
                "--jellyfin-api-key", "wrong", "--quiet")).isEqualTo(1);
        assertThat(err.toString()).doesNotContain("wrong").doesNotContain(KEY);
    }

    @Test
    void everyCommandExplainsItself() {
        assertThat(run("sync", "--help")).isZero();
        assertThat(out.toString()).contains("--quiet").contains("--jellyfin-url");
        assertThat(run("export-user", "--help")).isZero();
        assertThat(out.toString()).contains("--output").contains("ID");
        assertThat(run("delete-user", "--help")).isZero();
        assertThat(out.toString()).contains("--yes");
        assertThat(run("replay", "--help")).isZero();
        assertThat(out.toString()).contains("--quiet");
    }
}
