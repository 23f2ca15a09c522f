package dev.setlist.scorer.eval;

import dev.setlist.scorer.eval.MovieLensReader.Layout;
import dev.setlist.scorer.eval.MovieLensReader.Movie;
import dev.setlist.scorer.eval.MovieLensReader.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hand-written fixtures in both layouts; no MovieLens file is copied here (its licence forbids it). */
class MovieLensReaderTest {

    @TempDir
    Path folder;

    private record Rating(int user, int movie, float rating, long time) {
    }

    private void writeCsvLayout() throws IOException {
        Files.writeString(folder.resolve("ratings.csv"), """
                userId,movieId,rating,timestamp
                1,1,4.0,964982703
                1,11,2.5,964981247
                7,30,5.0,1445714994
                """);
        Files.writeString(folder.resolve("movies.csv"), """
                movieId,title,genres
                1,Toy Story (1995),Adventure|Animation|Children
                11,"American President, The (1995)",Comedy|Drama|Romance
                30,"The ""Quoted"" One, Part
                Two (1999)",(no genres listed)
                42,Amélie (Fabuleux destin d'Amélie Poulain) (2001),Comedy|Romance
                """, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("tags.csv"), """
                userId,movieId,tag,timestamp
                2,1,"funny, and warm",1445714994
                """);
    }

    private void writeClassicLayout(boolean withGenreFile) throws IOException {
        Files.writeString(folder.resolve("u.data"), "196\t242\t3\t881250949\n186\t302\t4\t891717742\n");
        // 19 flags: unknown, Action, Adventure, Animation, Children's, Comedy, ...
        String item242 = "242|Kolya (1996)|24-Jan-1997||http://us.imdb.com/M/title-exact?Kolya%20(1996)|0|0|0|0|0|1|0|0|0|0|0|0|0|0|0|0|0|0|0\n";
        String item302 = "302|Misérables, Les (1995)|01-Jan-1995||http://x|1|0|0|0|0|0|0|0|1|0|0|0|0|0|0|0|0|0|0\n";
        Files.write(folder.resolve("u.item"), (item242 + item302).getBytes(StandardCharsets.ISO_8859_1));
        if (withGenreFile) {
            StringBuilder genres = new StringBuilder();
            for (int g = 0; g < 19; g++) {
                genres.append(g == 5 ? "Comedie" : MovieLensReader.CLASSIC_GENRES.get(g)).append('|').append(g).append('\n');
            }
            genres.append('\n');
            Files.writeString(folder.resolve("u.genre"), genres);
        }
    }

    private List<Rating> ratings(MovieLensReader reader) throws IOException {
        List<Rating> ratings = new ArrayList<>();
        reader.readRatings((user, movie, rating, time) -> ratings.add(new Rating(user, movie, rating, time)));
        return ratings;
    }

    private List<Movie> movies(MovieLensReader reader) throws IOException {
        List<Movie> movies = new ArrayList<>();
        reader.readMovies(movies::add);
        return movies;
    }

    @Test
    void readsTheCsvLayout() throws IOException {
        writeCsvLayout();
        MovieLensReader reader = MovieLensReader.open(folder);
        assertThat(reader.layout()).isEqualTo(Layout.CSV);
        assertThat(ratings(reader)).containsExactly(
                new Rating(1, 1, 4.0f, 964982703L),
                new Rating(1, 11, 2.5f, 964981247L),
                new Rating(7, 30, 5.0f, 1445714994L));
        assertThat(movies(reader)).containsExactly(
                new Movie(1, "Toy Story (1995)", List.of("Adventure", "Animation", "Children")),
                new Movie(11, "American President, The (1995)", List.of("Comedy", "Drama", "Romance")),
                new Movie(30, "The \"Quoted\" One, Part\nTwo (1999)", List.of()),
                new Movie(42, "Amélie (Fabuleux destin d'Amélie Poulain) (2001)", List.of("Comedy", "Romance")));
        List<Tag> tags = new ArrayList<>();
        reader.readTags(tags::add);
        assertThat(tags).containsExactly(new Tag(2, 1, "funny, and warm", 1445714994L));
    }

    @Test
    void readsTheClassic100kLayoutAsLatin1() throws IOException {
        writeClassicLayout(false);
        MovieLensReader reader = MovieLensReader.open(folder);
        assertThat(reader.layout()).isEqualTo(Layout.CLASSIC_100K);
        assertThat(ratings(reader)).containsExactly(
                new Rating(196, 242, 3f, 881250949L),
                new Rating(186, 302, 4f, 891717742L));
        // Without u.genre the fixed ML-100K list names the flags; "unknown" is no genre.
        assertThat(movies(reader)).containsExactly(
                new Movie(242, "Kolya (1996)", List.of("Comedy")),
                new Movie(302, "Misérables, Les (1995)", List.of("Drama")));
        assertThat(reader.hasTags()).isFalse();
    }

    @Test
    void takesClassicGenreNamesFromUGenreWhenPresent() throws IOException {
        writeClassicLayout(true);
        assertThat(movies(MovieLensReader.open(folder)).get(0).genres()).containsExactly("Comedie");
    }

    @Test
    void namesTheFolderAndTheExpectedFilesWhenNeitherLayoutIsThere() {
        assertThatThrownBy(() -> MovieLensReader.open(folder))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining(folder.toAbsolutePath().toString())
                .hasMessageContaining("ratings.csv")
                .hasMessageContaining("u.data");
    }

    @Test
    void namesTheMissingFileOfAnIncompleteLayout() throws IOException {
        Files.writeString(folder.resolve("ratings.csv"), "userId,movieId,rating,timestamp\n");
        assertThatThrownBy(() -> MovieLensReader.open(folder))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining(folder.toAbsolutePath().toString())
                .hasMessageContaining("movies.csv is missing");
        Files.delete(folder.resolve("ratings.csv"));
        Files.writeString(folder.resolve("u.data"), "");
        assertThatThrownBy(() -> MovieLensReader.open(folder)).hasMessageContaining("u.item is missing");
    }

    @Test
    void refusesAPathThatIsNotAFolder() throws IOException {
        Path file = Files.writeString(folder.resolve("ratings.csv"), "");
        assertThatThrownBy(() -> MovieLensReader.open(file))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("not a directory");
    }

    @Test
    void namesTheFileAndLineOfAMalformedRating() throws IOException {
        writeCsvLayout();
        Files.writeString(folder.resolve("ratings.csv"), "userId,movieId,rating,timestamp\n1,1,4.0,1\n1,x,4.0,2\n");
        MovieLensReader reader = MovieLensReader.open(folder);
        assertThatThrownBy(() -> ratings(reader))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("ratings.csv, line 3")
                .hasMessageContaining("not a number");
        Files.writeString(folder.resolve("ratings.csv"), "1,1,4.0\n");
        assertThatThrownBy(() -> ratings(reader)).hasMessageContaining("line 1").hasMessageContaining("4 fields");
    }

    @Test
    void namesTheFileAndLineOfAnUnterminatedQuote() throws IOException {
        writeCsvLayout();
        Files.writeString(folder.resolve("movies.csv"), "movieId,title,genres\n1,\"Open,Drama\n");
        MovieLensReader reader = MovieLensReader.open(folder);
        assertThatThrownBy(() -> movies(reader))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("movies.csv, line 2")
                .hasMessageContaining("quoted field");
    }

    @Test
    void refusesTextAfterAClosingQuote() throws IOException {
        writeCsvLayout();
        Files.writeString(folder.resolve("movies.csv"), "movieId,title,genres\n1,\"Heat\" (1995),Drama\n");
        MovieLensReader reader = MovieLensReader.open(folder);
        assertThatThrownBy(() -> movies(reader))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("movies.csv, line 2")
                .hasMessageContaining("closing quote");
    }

    @Test
    void namesTheLineOfABadGenreFlag() throws IOException {
        writeClassicLayout(false);
        Files.write(folder.resolve("u.item"),
                "1|Broken (1995)|x||u|0|0|0|0|0|2|0|0|0|0|0|0|0|0|0|0|0|0|0\n".getBytes(StandardCharsets.ISO_8859_1));
        MovieLensReader reader = MovieLensReader.open(folder);
        assertThatThrownBy(() -> movies(reader))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("u.item, line 1")
                .hasMessageContaining("flag 6");
    }
}
