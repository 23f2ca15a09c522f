package dev.setlist.scorer.eval;

import java.io.IOException;

/**
 * A data set that cannot be read as asked: a folder without the expected files, or a malformed
 * line. The message says where (folder, or file and line) and what is wrong, for a person to act on.
 * Readers keep no state between calls, so the same read can simply be repeated once the file is fixed.
 */
public final class DatasetException extends IOException {

    private static final long serialVersionUID = 1L;

    public DatasetException(String message) {
        super(message);
    }
}
