package dev.setlist.scorer.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 records one at a time: comma-separated fields, a field in double quotes may hold
 * commas, line breaks and doubled quotes ({@code ""} for one {@code "}).
 *
 * <p>Not thread-safe; one per file.
 */
final class CsvRecordReader implements AutoCloseable {

    private final Path file;
    private final BufferedReader in;
    private long linesRead;
    private long recordStartLine;

    CsvRecordReader(Path file, Charset charset) throws IOException {
        this.file = file;
        this.in = Files.newBufferedReader(file, charset);
    }

    /** The line number (from 1) where the record last returned by {@link #next()} starts. */
    long recordStartLine() {
        return recordStartLine;
    }

    /**
     * The next record's fields, or {@code null} at the end of the file. Blank lines are skipped.
     *
     * @throws DatasetException when the file ends inside a quoted field, or a quote is followed by
     *                          something other than a comma or the end of the record
     */
    List<String> next() throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                return null;
            }
            linesRead++;
        } while (line.isBlank());
        recordStartLine = linesRead;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int position = 0;
        while (true) {
            if (position == line.length()) {
                if (!quoted) {
                    fields.add(field.toString());
                    return fields;
                }
                // A line break inside a quoted field belongs to the field.
                line = in.readLine();
                if (line == null) {
                    throw new DatasetException(file + ", line " + recordStartLine
                            + ": the file ends inside a quoted field");
                }
                linesRead++;
                field.append('\n');
                position = 0;
                continue;
            }
            char c = line.charAt(position++);
            if (quoted) {
                if (c != '"') {
                    field.append(c);
                } else if (position < line.length() && line.charAt(position) == '"') {
                    field.append('"');
                    position++;
                } else {
                    quoted = false;
                    if (position < line.length() && line.charAt(position) != ',') {
                        throw new DatasetException(file + ", line " + linesRead
                                + ": a closing quote must end its field, found '" + line.charAt(position) + "'");
                    }
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else {
                field.append(c);
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
