package dev.setlist.plugin.load;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short versions of {@code setlist bench playlists} and {@code setlist bench load}: the same loads, a few
 * seconds long and at a rate any CI machine takes, asserting what must hold whatever the machine (no error,
 * nothing lost), never a timing. One server for both: playlists under load first, then the ingestion whose
 * loss check stops the server and reopens its database from the file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoadTest {

    private Path folder;
    private Path rules;
    private BenchServer server;

    @BeforeAll
    void start() throws IOException {
        folder = Files.createTempDirectory("setlist-load-test");
        rules = folder.resolve("rules");
        PlaylistLoad.writeRule(rules, 0);
        server = new BenchServer(folder.resolve("data"), rules);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    @Order(1)
    void playlistsAnswerWithoutErrorWhileEventsArriveTheModelRetrainsAndTheRulesReload() throws Exception {
        PlaylistLoad load = new PlaylistLoad();
        List<String> people = load.people(server.baseUri(), server.adminKey());
        long trainingsBefore = server.vitals().modelTrainings();
        String rulesBefore = server.vitals().rulesVersion();

        PlaylistLoad.Report report = load.run(server.baseUri(), server.adminKey(), server.secret(), people,
                new PlaylistLoad.Settings(Duration.ofSeconds(3), 2,
                        new IngestLoad.Settings(100, Duration.ofSeconds(3), 4, 1_000), rules, Duration.ofMillis(1200)));

        assertThat(report.errorSamples()).isEmpty();
        assertThat(report.errors()).isZero();
        assertThat(report.requests()).isPositive();
        assertThat(report.ruleWrites()).isPositive();
        assertThat(report.ingestion().failed()).isZero();
        assertThat(report.ingestion().acknowledged()).isPositive();
        // What moved beside the playlists did move: the rules reloaded, and the model retrains after 50 finished
        // plays, in the background, no sooner than ten seconds after the training at start.
        awaitRulesChangedFrom(rulesBefore);
        awaitTrainedAfter(trainingsBefore);
    }

    @Test
    @Order(2)
    void everyAcknowledgedEventIsInTheLogAfterARestart() throws Exception {
        IngestLoad.Report report = new IngestLoad().run(server.baseUri(), server.secret(),
                new IngestLoad.Settings(200, Duration.ofSeconds(2), 8, 0));

        assertThat(report.failures()).isEmpty();
        assertThat(report.acknowledged() + report.refused()).isEqualTo(report.sent());
        assertThat(report.acknowledged()).isPositive();
        assertThat(server.closeAndFindMissing(report.acknowledgedSeq())).as("acknowledged but not stored").isEmpty();
    }

    private void awaitTrainedAfter(long trainingsBefore) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (server.vitals().modelTrainings() <= trainingsBefore && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(server.vitals().modelTrainings()).as("retrained after the load's plays").isGreaterThan(trainingsBefore);
    }

    private void awaitRulesChangedFrom(String before) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (server.vitals().rulesVersion().equals(before) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(server.vitals().rulesVersion()).as("the rule book reloaded").isNotEqualTo(before);
    }
}
