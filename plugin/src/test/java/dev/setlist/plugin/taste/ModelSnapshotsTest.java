package dev.setlist.plugin.taste;

import dev.setlist.scorer.als.AlsModel;
import dev.setlist.scorer.als.AlsSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class ModelSnapshotsTest {

    private static final AlsSettings SETTINGS = AlsSettings.defaults().withFactors(4);
    private static final Instant FIRST = Instant.parse("2026-11-28T08:00:00Z");

    @TempDir
    Path folder;

    private static AlsModel model(int items, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] vectors = new float[items * SETTINGS.factors()];
        int[] frequencies = new int[items];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = (float) random.nextGaussian();
        }
        for (int item = 0; item < items; item++) {
            frequencies[item] = item % 5 == 0 ? 0 : 1 + random.nextInt(9);
        }
        return AlsModel.ofItemVectors(SETTINGS, vectors, frequencies);
    }

    private static List<String> ids(int items, String prefix) {
        List<String> ids = new ArrayList<>();
        for (int item = 0; item < items; item++) {
            ids.add(prefix + item);
        }
        return ids;
    }

    @Test
    void aSavedModelReadsBackWithItsItemsVectorsAndTraining() throws IOException {
        AlsModel model = model(12, 1);
        ModelSnapshots snapshots = new ModelSnapshots(folder.resolve("models"));
        snapshots.save(model, ids(12, "item-"), FIRST, Duration.ofMillis(1234), 77, 4321);

        ModelSnapshots.Snapshot read = snapshots.latest(SETTINGS).orElseThrow();

        assertThat(read.itemIds()).isEqualTo(ids(12, "item-"));
        assertThat(read.trainedAt()).isEqualTo(FIRST);
        assertThat(read.trainingTime()).isEqualTo(Duration.ofMillis(1234));
        assertThat(read.interactions()).isEqualTo(77);
        assertThat(read.lastSeq()).isEqualTo(4321);
        for (int item = 0; item < 12; item++) {
            assertThat(read.model().itemVector(item)).containsExactly(model.itemVector(item));
            assertThat(read.model().itemFrequency(item)).isEqualTo(model.itemFrequency(item));
        }
        assertThat(Files.list(folder.resolve("models"))).as("no temporary file is left").hasSize(1);
    }

    @Test
    void aTornOrDamagedNewestSnapshotFallsBackToTheLastCompleteOne() throws IOException {
        ModelSnapshots snapshots = new ModelSnapshots(folder.resolve("models"));
        snapshots.save(model(10, 1), ids(10, "old-"), FIRST, Duration.ofMillis(5), 10, 100);
        Path newest = snapshots.save(model(10, 2), ids(10, "new-"), FIRST.plusSeconds(60), Duration.ofMillis(5), 11, 200);
        byte[] complete = Files.readAllBytes(newest);
        assertThat(snapshots.latest(SETTINGS).orElseThrow().lastSeq()).isEqualTo(200);

        // A crash can leave the newest file cut anywhere (were the rename not atomic) or damaged later on disk.
        for (int length = 0; length < complete.length; length++) {
            Files.write(newest, Arrays.copyOf(complete, length));
            assertThat(snapshots.latest(SETTINGS)).as("cut at byte %d", length)
                    .hasValueSatisfying(snapshot -> assertThat(snapshot.lastSeq()).isEqualTo(100));
        }
        for (int at = 0; at < complete.length; at += 7) {
            byte[] damaged = complete.clone();
            damaged[at] ^= 0x20;
            Files.write(newest, damaged);
            assertThat(snapshots.latest(SETTINGS)).as("byte %d flipped", at)
                    .hasValueSatisfying(snapshot -> assertThat(snapshot.itemIds().get(0)).isEqualTo("old-0"));
        }
    }

    @Test
    void aSaveKilledBeforeItsRenameLeavesATemporaryFileThatIsIgnoredAndRemoved() throws IOException {
        ModelSnapshots snapshots = new ModelSnapshots(folder.resolve("models"));
        Path complete = snapshots.save(model(8, 1), ids(8, "a-"), FIRST, Duration.ofMillis(5), 3, 30);
        Path torn = folder.resolve("models").resolve("model-999999999999999.snapshot.tmp");
        Files.write(torn, Arrays.copyOf(Files.readAllBytes(complete), 40));

        assertThat(snapshots.latest(SETTINGS).orElseThrow().file()).isEqualTo(complete);
        assertThat(torn).doesNotExist();
    }

    @Test
    void keepsTheNewestTwoAndRefusesASnapshotOfOtherFactors() throws IOException {
        ModelSnapshots snapshots = new ModelSnapshots(folder.resolve("models"));
        for (int k = 0; k < 4; k++) {
            snapshots.save(model(6, k), ids(6, "k" + k + "-"), FIRST.plusSeconds(k), Duration.ofMillis(5), 1, k);
        }
        assertThat(snapshots.snapshots()).hasSize(ModelSnapshots.KEEP);
        assertThat(snapshots.latest(SETTINGS).orElseThrow().lastSeq()).isEqualTo(3);
        assertThat(snapshots.latest(SETTINGS.withFactors(8))).as("a model of other settings is not served").isEmpty();
    }

    @Test
    void noFolderMeansNoSnapshot() {
        assertThat(new ModelSnapshots(folder.resolve("absent")).latest(SETTINGS)).isEmpty();
    }
}
