package dev.setlist.scorer.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads a MovieLens data set from a folder in either of its two common layouts, streaming one line
 * at a time so that files of any size (ml-25m's 25 million ratings) need no more memory than what
 * the caller keeps.
 * <ul>
 *   <li>{@link Layout#CSV} (ml-latest-small, ml-latest, ml-20m, ml-25m, ...): {@code ratings.csv}
 *       ({@code userId,movieId,rating,timestamp}), {@code movies.csv} ({@code movieId,title,genres},
 *       RFC 4180 quoting, genres separated by {@code |}) and, optionally, {@code tags.csv}
 *       ({@code userId,movieId,tag,timestamp}); UTF-8 with a header line each.</li>
 *   <li>{@link Layout#CLASSIC_100K} (ml-100k): {@code u.data} (tab-separated
 *       {@code user item rating timestamp}) and {@code u.item} (pipe-separated, ISO-8859-1, the id and
 *       title first and 19 genre flags last), with the genre names from {@code u.genre} when present,
 *       otherwise ML-100K's fixed list.</li>
 * </ul>
 * The layout is detected from the files present. Genres that say there is no genre
 * ({@code (no genres listed)}, 100K's {@code unknown}) are left out, so such a movie has no genres.
 * Timestamps are seconds since the epoch, as MovieLens publishes them.
 *
 * <p>Immutable; each read opens its own file, so one reader may be shared across threads.
 */
public final class MovieLensReader {

    /** The two folder layouts this reader understands. */
    public enum Layout {
        /** {@code ratings.csv}, {@code movies.csv} and optionally {@code tags.csv}. */
        CSV,
        /** ML-100K's {@code u.data}, {@code u.item} and optionally {@code u.genre}. */
        CLASSIC_100K
    }

    /** Receives one rating as it is read. */
    @FunctionalInterface
    public interface RatingHandler {
        void rating(int userId, int movieId, float rating, long epochSeconds);
    }

    /** One movie of {@code movies.csv} or {@code u.item}; genres as the data set spells them. */
    public record Movie(int id, String title, List<String> genres) {
        public Movie {
            Objects.requireNonNull(title, "title");
            genres = List.copyOf(genres);
        }
    }

    /** One free-text tag of {@code tags.csv}. */
    public record Tag(int userId, int movieId, String tag, long epochSeconds) {
    }

    /** ML-100K's genres in the order of {@code u.item}'s flags, as {@code u.genre} lists them. */
    static final List<String> CLASSIC_GENRES = List.of("unknown", "Action", "Adventure", "Animation",
            "Children's", "Comedy", "Crime", "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror",
            "Musical", "Mystery", "Romance", "Sci-Fi", "Thriller", "War", "Western");

    private static final String CSV_RATINGS = "ratings.csv";
    private static final String CSV_MOVIES = "movies.csv";
    private static final String CSV_TAGS = "tags.csv";
    private static final String CLASSIC_RATINGS = "u.data";
    private static final String CLASSIC_MOVIES = "u.item";
    private static final String CLASSIC_GENRE_NAMES = "u.genre";

    private final Path folder;
    private final Layout layout;

    private MovieLensReader(Path folder, Layout layout) {
        this.folder = folder;
        this.layout = layout;
    }

    /**
     * A reader for the MovieLens data in {@code folder}, its layout detected from the files present.
     *
     * @throws DatasetException when the folder does not exist or holds neither layout completely; the
     *                          message names the folder and the missing file
     */
    public static MovieLensReader open(Path folder) throws DatasetException {
        Objects.requireNonNull(folder, "folder");
        if (!Files.isDirectory(folder)) {
            throw new DatasetException("no MovieLens folder at " + folder.toAbsolutePath() + ": it is not a directory");
        }
        boolean csvRatings = Files.isRegularFile(folder.resolve(CSV_RATINGS));
        boolean csvMovies = Files.isRegularFile(folder.resolve(CSV_MOVIES));
        boolean classicRatings = Files.isRegularFile(folder.resolve(CLASSIC_RATINGS));
        boolean classicMovies = Files.isRegularFile(folder.resolve(CLASSIC_MOVIES));
        if (csvRatings && csvMovies) {
            return new MovieLensReader(folder, Layout.CSV);
        }
        if (classicRatings && classicMovies) {
            return new MovieLensReader(folder, Layout.CLASSIC_100K);
        }
        String where = folder.toAbsolutePath().toString();
        if (csvRatings || csvMovies) {
            throw new DatasetException("incomplete MovieLens CSV layout in " + where + ": "
                    + (csvRatings ? CSV_MOVIES : CSV_RATINGS) + " is missing");
        }
        if (classicRatings || classicMovies) {
            throw new DatasetException("incomplete MovieLens 100K layout in " + where + ": "
                    + (classicRatings ? CLASSIC_MOVIES : CLASSIC_RATINGS) + " is missing");
        }
        throw new DatasetException("no MovieLens data in " + where + ": expected " + CSV_RATINGS + " and "
                + CSV_MOVIES + " (CSV layout) or " + CLASSIC_RATINGS + " and " + CLASSIC_MOVIES + " (100K layout)");
    }

    public Path folder() {
        return folder;
    }

    public Layout layout() {
        return layout;
    }

    /** The file ratings are read from. */
    public Path ratingsFile() {
        return folder.resolve(layout == Layout.CSV ? CSV_RATINGS : CLASSIC_RATINGS);
    }

    /** The file movies are read from. */
    public Path moviesFile() {
        return folder.resolve(layout == Layout.CSV ? CSV_MOVIES : CLASSIC_MOVIES);
    }

    /**
     * Streams every rating to {@code handler}, in file order.
     *
     * @throws DatasetException when a line is malformed (the message names the file and line)
     */
    public void readRatings(RatingHandler handler) throws IOException {
        Path file = ratingsFile();
        boolean csv = layout == Layout.CSV;
        char separator = csv ? ',' : '\t';
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long lineNumber = 0;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (line.isBlank() || (csv && lineNumber == 1 && line.startsWith("userId"))) {
                    continue;
                }
                parseRating(line, separator, file, lineNumber, handler);
            }
        }
    }

    private static void parseRating(String line, char separator, Path file, long lineNumber, RatingHandler handler)
            throws DatasetException {
        int first = line.indexOf(separator);
        int second = first < 0 ? -1 : line.indexOf(separator, first + 1);
        int third = second < 0 ? -1 : line.indexOf(separator, second + 1);
        if (third < 0) {
            throw formatError(file, lineNumber, "expected 4 fields (user, movie, rating, timestamp)", line);
        }
        if (line.indexOf(separator, third + 1) >= 0) {
            throw formatError(file, lineNumber, "expected 4 fields (user, movie, rating, timestamp), found more", line);
        }
        int end = line.length();
        while (end > third + 1 && Character.isWhitespace(line.charAt(end - 1))) {
            end--;
        }
        try {
            int user = Integer.parseInt(line, 0, first, 10);
            int movie = Integer.parseInt(line, first + 1, second, 10);
            float rating = Float.parseFloat(line.substring(second + 1, third));
            long time = Long.parseLong(line, third + 1, end, 10);
            if (!Float.isFinite(rating)) {
                throw formatError(file, lineNumber, "the rating is not a finite number", line);
            }
            handler.rating(user, movie, rating, time);
        } catch (NumberFormatException e) {
            throw formatError(file, lineNumber, "a field is not a number (" + e.getMessage() + ")", line);
        }
    }

    /**
     * Streams every movie to {@code handler}, in file order.
     *
     * @throws DatasetException when a record is malformed (the message names the file and line)
     */
    public void readMovies(Consumer<Movie> handler) throws IOException {
        if (layout == Layout.CSV) {
            readCsvMovies(handler);
        } else {
            readClassicMovies(handler);
        }
    }

    private void readCsvMovies(Consumer<Movie> handler) throws IOException {
        Path file = folder.resolve(CSV_MOVIES);
        try (CsvRecordReader records = new CsvRecordReader(file, StandardCharsets.UTF_8)) {
            List<String> fields;
            boolean first = true;
            while ((fields = records.next()) != null) {
                if (first && !fields.isEmpty() && fields.get(0).equals("movieId")) {
                    first = false;
                    continue;
                }
                first = false;
                if (fields.size() != 3) {
                    throw formatError(file, records.recordStartLine(),
                            "expected 3 fields (movieId, title, genres), found " + fields.size(), String.join(",", fields));
                }
                handler.accept(new Movie(parseId(fields.get(0), file, records.recordStartLine()), fields.get(1),
                        genres(fields.get(2))));
            }
        }
    }

    private static List<String> genres(String field) {
        List<String> genres = new ArrayList<>();
        for (String genre : field.split("\\|")) {
            String trimmed = genre.trim();
            if (!trimmed.isEmpty() && !trimmed.equals("(no genres listed)")) {
                genres.add(trimmed);
            }
        }
        return genres;
    }

    private void readClassicMovies(Consumer<Movie> handler) throws IOException {
        List<String> genreNames = classicGenreNames();
        Path file = folder.resolve(CLASSIC_MOVIES);
        Charset latin1 = StandardCharsets.ISO_8859_1;
        try (BufferedReader in = Files.newBufferedReader(file, latin1)) {
            String line;
            long lineNumber = 0;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split("\\|", -1);
                int flagsStart = fields.length - genreNames.size();
                if (flagsStart < 2) {
                    throw formatError(file, lineNumber, "expected an id, a title and " + genreNames.size()
                            + " genre flags separated by |, found " + fields.length + " fields", line);
                }
                List<String> genres = new ArrayList<>();
                for (int g = 0; g < genreNames.size(); g++) {
                    String flag = fields[flagsStart + g].trim();
                    if (flag.equals("1")) {
                        String name = genreNames.get(g);
                        if (!name.equals("unknown")) {
                            genres.add(name);
                        }
                    } else if (!flag.equals("0")) {
                        throw formatError(file, lineNumber, "genre flag " + (g + 1) + " is neither 0 nor 1", line);
                    }
                }
                handler.accept(new Movie(parseId(fields[0], file, lineNumber), fields[1], genres));
            }
        }
    }

    /** The names of the genre flags: {@code u.genre} ({@code name|index} lines) when present, else the fixed list. */
    private List<String> classicGenreNames() throws IOException {
        Path file = folder.resolve(CLASSIC_GENRE_NAMES);
        if (!Files.isRegularFile(file)) {
            return CLASSIC_GENRES;
        }
        List<String> names = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String line;
            long lineNumber = 0;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                int bar = line.lastIndexOf('|');
                if (bar <= 0) {
                    throw formatError(file, lineNumber, "expected name|index", line);
                }
                int index = parseId(line.substring(bar + 1), file, lineNumber);
                if (index != names.size()) {
                    throw formatError(file, lineNumber, "expected genre index " + names.size() + ", found " + index, line);
                }
                names.add(line.substring(0, bar));
            }
        }
        if (names.isEmpty()) {
            throw new DatasetException(file + " lists no genre");
        }
        return List.copyOf(names);
    }

    /** Whether this data set has free-text tags ({@code tags.csv} in the CSV layout). */
    public boolean hasTags() {
        return layout == Layout.CSV && Files.isRegularFile(folder.resolve(CSV_TAGS));
    }

    /**
     * Streams every tag to {@code handler}, in file order; nothing when {@link #hasTags()} is false.
     *
     * @throws DatasetException when a record is malformed (the message names the file and line)
     */
    public void readTags(Consumer<Tag> handler) throws IOException {
        if (!hasTags()) {
            return;
        }
        Path file = folder.resolve(CSV_TAGS);
        try (CsvRecordReader records = new CsvRecordReader(file, StandardCharsets.UTF_8)) {
            List<String> fields;
            boolean first = true;
            while ((fields = records.next()) != null) {
                long line = records.recordStartLine();
                if (first && !fields.isEmpty() && fields.get(0).equals("userId")) {
                    first = false;
                    continue;
                }
                first = false;
                if (fields.size() != 4) {
                    throw formatError(file, line, "expected 4 fields (userId, movieId, tag, timestamp), found "
                            + fields.size(), String.join(",", fields));
                }
                try {
                    handler.accept(new Tag(parseId(fields.get(0), file, line), parseId(fields.get(1), file, line),
                            fields.get(2), Long.parseLong(fields.get(3).trim())));
                } catch (NumberFormatException e) {
                    throw formatError(file, line, "the timestamp is not a number", fields.get(3));
                }
            }
        }
    }

    private static int parseId(String text, Path file, long lineNumber) throws DatasetException {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw formatError(file, lineNumber, "expected an integer id", text);
        }
    }

    private static DatasetException formatError(Path file, long lineNumber, String problem, String content) {
        String shown = content.length() > 120 ? content.substring(0, 120) + "..." : content;
        return new DatasetException(file + ", line " + lineNumber + ": " + problem + ": \"" + shown + "\"");
    }

    @Override
    public String toString() {
        return "MovieLens " + layout + " data in " + folder;
    }
}
