package dev.setlist.plugin.cli;

import dev.setlist.plugin.Main;
import dev.setlist.plugin.events.EventType;
import dev.setlist.plugin.events.PlaybackEvent;
import dev.setlist.plugin.server.JsonMapper;
import dev.setlist.plugin.store.Database;
import dev.setlist.plugin.store.JdbcEventLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayCommandTest {

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
    void rebuildsInteractionsFromTheLogWithTheConfiguredThresholds() {
        PlaybackEvent.ItemFacts film = new PlaybackEvent.ItemFacts("Film", "Movie", 36_000_000_000L, 2001, List.of("Drama"),
                null, null, null, null, null, null);
        try (Database database = Database.openH2(folder)) {
            JdbcEventLog log = new JdbcEventLog(database.dataSource(), JsonMapper.create(), Clock.systemUTC());
            log.append(new PlaybackEvent(EventType.PLAYBACK_STOP, Instant.parse("2026-11-28T20:00:00Z"), "u1", "Alex", "f1",
                    film, 18_000_000_000L, false, false, false, "s", "TV", "Web", null), "webhook", "a".repeat(64), null);
        }
        assertThat(run("replay", "--data", folder.toString())).isZero();
        assertThat(out.toString()).contains("replayed 1 events").contains("1 people").contains("u1: 1 items, 1 with weight");

        assertThat(run("replay", "--data", folder.toString(), "--user", "u1", "--signals-weight-movie", "2.0")).isZero();
        assertThat(out.toString()).contains("\"weight\" : 1.0").contains("ABANDONED").contains("stopped at 50%");
    }

    @Test
    void saysWhenThereIsNoDatabase() {
        assertThat(run("replay", "--data", folder.resolve("nothing").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("no database");
    }
}
