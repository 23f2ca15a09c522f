package dev.setlist.rules;


import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Keeps versions in a folder: one sub-folder per version ({@code 000001}, {@code 000002}, ...) with a
 * {@code version.properties} (author, time, message, digest) and the files under {@code files/}. A
 * version is written to a temporary folder and renamed into place, so a crash never leaves half a
 * version behind.
 *
 * <p>Thread-safe (one writer at a time within this process).
 */
public final class FileVersionStore implements VersionStore {

    private static final String META = "version.properties";

    private final Path folder;

    /**
     * A store in {@code folder}, created when missing.
     *
     * @throws UncheckedIOException when the folder cannot be created
     */
    public FileVersionStore(Path folder) {
        this.folder = folder;
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the rule versions folder " + folder, e);
        }
    }

    @Override
    public synchronized RuleVersion save(List<RuleFile> files, String author, String message, Instant time) {
        int number = list().stream().mapToInt(RuleVersion::number).max().orElse(0) + 1;
        RuleVersion version = new RuleVersion(number, author, time, message, RuleFile.digest(files), files.size());
        Path temporary = folder.resolve(".incoming-" + number);
        try {
            deleteRecursively(temporary);
            Path filesFolder = temporary.resolve("files");
            for (RuleFile file : files) {
                Path target = filesFolder.resolve(file.path());
                Files.createDirectories(target.getParent());
                Files.write(target, file.bytes());
            }
            Properties meta = new Properties();
            meta.setProperty("number", Integer.toString(number));
            meta.setProperty("author", author);
            meta.setProperty("time", time.toString());
            meta.setProperty("message", message);
            meta.setProperty("digest", version.digest());
            meta.setProperty("files", Integer.toString(files.size()));
            Files.createDirectories(temporary);
            try (Writer writer = Files.newBufferedWriter(temporary.resolve(META), StandardCharsets.UTF_8)) {
                meta.store(writer, "Setlist rule version");
            }
            Files.move(temporary, folder.resolve(name(number)), StandardCopyOption.ATOMIC_MOVE);
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store rule version " + number + " in " + folder, e);
        }
    }

    @Override
    public synchronized List<RuleVersion> list() {
        List<RuleVersion> versions = new ArrayList<>();
        try (Stream<Path> children = Files.list(folder)) {
            for (Path child : children.filter(path -> path.getFileName().toString().matches("\\d{6}")).sorted().toList()) {
                Path meta = child.resolve(META);
                if (!Files.isRegularFile(meta)) {
                    continue;
                }
                Properties properties = new Properties();
                try (Reader reader = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
                versions.add(new RuleVersion(Integer.parseInt(properties.getProperty("number")),
                        properties.getProperty("author"), Instant.parse(properties.getProperty("time")),
                        properties.getProperty("message"), properties.getProperty("digest"),
                        Integer.parseInt(properties.getProperty("files"))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list rule versions in " + folder, e);
        }
        versions.sort(Comparator.comparingInt(RuleVersion::number));
        return versions;
    }

    @Override
    public synchronized List<RuleFile> files(int number) {
        Path filesFolder = folder.resolve(name(number)).resolve("files");
        if (!Files.isDirectory(folder.resolve(name(number)))) {
            throw new NoSuchElementException("no rule version " + number);
        }
        List<RuleFile> files = new ArrayList<>();
        if (!Files.isDirectory(filesFolder)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(filesFolder)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String relative = filesFolder.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                files.add(new RuleFile(relative, Files.readAllBytes(file), false));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule version " + number, e);
        }
        return files;
    }

    private static String name(int number) {
        return String.format("%06d", number);
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path each : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }
}
