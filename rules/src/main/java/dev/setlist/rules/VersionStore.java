package dev.setlist.rules;


import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where published rule versions are kept. Implementations are thread-safe.
 */
public interface VersionStore {

    /**
     * Stores {@code files} as the next version.
     *
     * @throws java.io.UncheckedIOException when the version cannot be stored (nothing is half-stored)
     */
    RuleVersion save(List<RuleFile> files, String author, String message, Instant time);

    /** Every version, oldest first. */
    List<RuleVersion> list();

    /** The newest version, if any. */
    default Optional<RuleVersion> latest() {
        List<RuleVersion> all = list();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /**
     * The files of version {@code number}.
     *
     * @throws java.util.NoSuchElementException when there is no such version
     */
    List<RuleFile> files(int number);
}
