package dev.setlist.plugin.store;

import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;

/**
 * A disk that fills up, for H2: files opened through the {@code fulldisk:} prefix are the real files, except
 * that while the disk is {@linkplain #full(boolean) full} every write that would make a file longer fails
 * with {@code IOException: No space left on device}, as the operating system does (writes within a file's
 * current length still succeed, like overwriting blocks already allocated). A real size-limited file system
 * needs root to mount; this is the storage edge of the same failure, under H2's own file store.
 *
 * <p>Thread-safe. The switch is global to the JVM: tests using it name their own folders.
 */
public final class FullDisk extends FilePathWrapper {

    private static volatile boolean full;

    static {
        FilePath.register(new FullDisk());
    }

    /** The JDBC URL of an H2 database in {@code folder} whose files are on this disk. */
    public static String h2Url(Path folder) {
        return "jdbc:h2:fulldisk:" + folder.toAbsolutePath().resolve("setlist") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }

    /** Fills the disk up, or frees space again. */
    public static void full(boolean on) {
        full = on;
    }

    @Override
    public String getScheme() {
        return "fulldisk";
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        return new Channel(getBase().open(mode));
    }

    private static final class Channel extends FileBase {
        private final FileChannel base;

        Channel(FileChannel base) {
            this.base = base;
        }

        private void check(long end) throws IOException {
            if (full && end > base.size()) {
                throw new IOException("No space left on device");
            }
        }

        @Override
        public int write(ByteBuffer source) throws IOException {
            check(base.position() + source.remaining());
            return base.write(source);
        }

        @Override
        public int write(ByteBuffer source, long position) throws IOException {
            check(position + source.remaining());
            return base.write(source, position);
        }

        @Override
        public int read(ByteBuffer destination) throws IOException {
            return base.read(destination);
        }

        @Override
        public int read(ByteBuffer destination, long position) throws IOException {
            return base.read(destination, position);
        }

        @Override
        public long position() throws IOException {
            return base.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            base.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return base.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            base.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            base.force(metaData);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return base.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            base.close();
        }
    }
}
