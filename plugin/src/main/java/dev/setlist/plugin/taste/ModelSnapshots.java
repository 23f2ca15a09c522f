package dev.setlist.plugin.taste;

import dev.setlist.scorer.als.AlsModel;
import dev.setlist.scorer.als.AlsSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The trained taste model on disk, so that a restart serves at once with the last model and a crash
 * never leaves a half-written one in use. Each snapshot is one file, {@code model-<trained at, ms>.snapshot}
 * in the folder, written crash-safely: to a temporary file, forced to the disk, atomically renamed, and the
 * folder forced too. Its last 32 bytes are the SHA-256 of everything before them, so a torn or damaged file
 * is recognised and skipped: {@link #latest} returns the newest snapshot that is complete. The newest
 * {@value #KEEP} are kept.
 *
 * <p>A snapshot holds the iALS item vectors, their training frequencies and the item ids in model order,
 * with the event sequence number and time of the training: no person's vector (serving folds everyone in),
 * so deleting a person's data needs no rewrite of old snapshots beyond the retraining it causes.
 *
 * <p>Thread-safe: saves are serialised; loading reads only complete files.
 */
public final class ModelSnapshots {

    private static final Logger log = LoggerFactory.getLogger(ModelSnapshots.class);

    private static final byte[] MAGIC = "SETLIST-MODEL".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT = 1;
    private static final int DIGEST_BYTES = 32;
    private static final String PREFIX = "model-";
    private static final String SUFFIX = ".snapshot";
    private static final String TEMPORARY = ".tmp";
    /** Snapshots kept: the newest, and the one before it in case the newest is damaged later. */
    static final int KEEP = 2;

    /**
     * A complete snapshot as read back.
     *
     * @param itemIds      item ids in model order
     * @param model        the iALS model over them (item vectors only)
     * @param trainedAt    when the training finished
     * @param trainingTime how long it took
     * @param interactions (person, item) pairs it was trained on
     * @param lastSeq      the last event-log sequence number reflected in it
     * @param file         where it was read from
     */
    public record Snapshot(List<String> itemIds, AlsModel model, Instant trainedAt, Duration trainingTime,
                           int interactions, long lastSeq, Path file) {
    }

    private final Path folder;

    public ModelSnapshots(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    /**
     * Saves a trained model crash-safely and removes the snapshots beyond the newest {@value #KEEP}.
     *
     * @param trained the iALS model as trained (before cold items got content vectors)
     * @param itemIds its item ids, in model order
     * @return the file written
     * @throws IOException when it cannot be written: no complete snapshot is affected
     */
    public synchronized Path save(AlsModel trained, List<String> itemIds, Instant trainedAt, Duration trainingTime,
                                  int interactions, long lastSeq) throws IOException {
        if (itemIds.size() != trained.itemCount()) {
            throw new IllegalArgumentException(itemIds.size() + " ids for " + trained.itemCount() + " items");
        }
        Files.createDirectories(folder);
        byte[] body = encode(trained, itemIds, trainedAt, trainingTime, interactions, lastSeq);
        String name = String.format(Locale.ROOT, "%s%015d%s", PREFIX, trainedAt.toEpochMilli(), SUFFIX);
        Path target = folder.resolve(name);
        Path temporary = folder.resolve(name + TEMPORARY);
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(body);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.deleteIfExists(temporary);
            throw new IOException("the file system of " + folder + " cannot rename atomically", e);
        }
        forceFolder();
        prune();
        return target;
    }

    /**
     * The newest complete snapshot whose factors match {@code settings}, or empty. Files that are torn,
     * damaged or of another format are skipped with a warning (and left for a person to look at);
     * temporary files of an interrupted save are deleted.
     */
    public Optional<Snapshot> latest(AlsSettings settings) {
        for (Path file : snapshots()) {
            try {
                return Optional.of(decode(Files.readAllBytes(file), settings, file));
            } catch (IOException | RuntimeException e) {
                log.warn("model snapshot {} skipped: {}", file.getFileName(), e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** Complete-looking snapshot files, newest first; leftovers of interrupted saves are deleted on the way. */
    List<Path> snapshots() {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return found;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, PREFIX + "*")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.endsWith(SUFFIX + TEMPORARY)) {
                    Files.deleteIfExists(file);
                    log.info("deleted {}: a model save that did not finish", name);
                } else if (name.endsWith(SUFFIX)) {
                    found.add(file);
                }
            }
        } catch (IOException e) {
            log.warn("cannot list the model snapshots in {}: {}", folder, e.getMessage());
        }
        found.sort(Comparator.comparing((Path file) -> file.getFileName().toString()).reversed());
        return found;
    }

    private void prune() {
        List<Path> all = snapshots();
        for (Path old : all.subList(Math.min(KEEP, all.size()), all.size())) {
            try {
                Files.deleteIfExists(old);
            } catch (IOException e) {
                log.warn("cannot delete the old model snapshot {}: {}", old, e.getMessage());
            }
        }
    }

    private void forceFolder() {
        // Makes the rename itself durable. Not every platform can open a folder for this; Linux can.
        try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            log.debug("cannot force the folder {}: {}", folder, e.toString());
        }
    }

    private static byte[] encode(AlsModel trained, List<String> itemIds, Instant trainedAt, Duration trainingTime,
                                 int interactions, long lastSeq) throws IOException {
        int factors = trained.factors();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + trained.itemCount() * (factors * 4 + 48));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeInt(FORMAT);
            out.writeLong(lastSeq);
            out.writeLong(trainedAt.toEpochMilli());
            out.writeLong(trainingTime.toMillis());
            out.writeInt(interactions);
            out.writeInt(factors);
            out.writeInt(trained.itemCount());
            for (int item = 0; item < trained.itemCount(); item++) {
                byte[] id = itemIds.get(item).getBytes(StandardCharsets.UTF_8);
                out.writeShort(id.length);
                out.write(id);
                out.writeInt(trained.itemFrequency(item));
                for (float value : trained.itemVector(item)) {
                    out.writeFloat(value);
                }
            }
            out.write(sha256(bytes.toByteArray(), bytes.size()));
        }
        return bytes.toByteArray();
    }

    private static Snapshot decode(byte[] bytes, AlsSettings settings, Path file) throws IOException {
        if (bytes.length < MAGIC.length + DIGEST_BYTES
                || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new IOException("not a Setlist model snapshot");
        }
        int bodyLength = bytes.length - DIGEST_BYTES;
        if (!MessageDigest.isEqual(sha256(bytes, bodyLength), Arrays.copyOfRange(bytes, bodyLength, bytes.length))) {
            throw new IOException("checksum mismatch: the file is incomplete or damaged");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, MAGIC.length, bodyLength - MAGIC.length);
        int format = in.getInt();
        if (format != FORMAT) {
            throw new IOException("format " + format + ", this version reads " + FORMAT);
        }
        long lastSeq = in.getLong();
        Instant trainedAt = Instant.ofEpochMilli(in.getLong());
        Duration trainingTime = Duration.ofMillis(in.getLong());
        int interactions = in.getInt();
        int factors = in.getInt();
        if (factors != settings.factors()) {
            throw new IOException("trained with " + factors + " factors, the settings now ask for " + settings.factors());
        }
        int items = in.getInt();
        List<String> ids = new ArrayList<>(items);
        int[] frequencies = new int[items];
        float[] vectors = new float[Math.multiplyExact(items, factors)];
        for (int item = 0; item < items; item++) {
            int length = Short.toUnsignedInt(in.getShort());
            byte[] id = new byte[length];
            in.get(id);
            ids.add(new String(id, StandardCharsets.UTF_8));
            frequencies[item] = in.getInt();
            for (int a = 0; a < factors; a++) {
                vectors[item * factors + a] = in.getFloat();
            }
        }
        if (in.hasRemaining()) {
            throw new IOException(in.remaining() + " bytes after the last item");
        }
        return new Snapshot(List.copyOf(ids), AlsModel.ofItemVectors(settings, vectors, frequencies), trainedAt,
                trainingTime, interactions, lastSeq, file);
    }

    private static byte[] sha256(byte[] bytes, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes, 0, length);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
