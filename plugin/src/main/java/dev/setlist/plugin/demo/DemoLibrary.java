package dev.setlist.plugin.demo;

import dev.setlist.scorer.catalog.ItemProfile;
import dev.setlist.scorer.catalog.ItemProfile.ItemKind;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A generated media library for trying Setlist without a media server: movies, series with their
 * episodes and music tracks, each with genres, mood tags, running time, year, parental rating and
 * date added (a few added this week, so new arrivals exist). The same seed gives the same library.
 *
 * <p>Immutable once generated; share freely.
 */
public final class DemoLibrary {

    static final List<String> MOVIE_GENRES = List.of("Action", "Adventure", "Animation", "Comedy", "Crime",
            "Documentary", "Drama", "Family", "Fantasy", "Horror", "Mystery", "Romance", "Science Fiction",
            "Thriller", "War", "Western");
    static final List<String> MUSIC_GENRES = List.of("Rock", "Jazz", "Electronic", "Classical", "Hip-Hop", "Ambient",
            "Pop", "Folk");
    private static final List<String> ADJECTIVES = List.of("Silent", "Crimson", "Last", "Hidden", "Golden", "Broken",
            "Distant", "Electric", "Frozen", "Wild", "Quiet", "Midnight", "Burning", "Lost", "Hollow", "Bright",
            "Northern", "Secret", "Iron", "Velvet", "Paper", "Glass", "Endless", "Lucky");
    private static final List<String> NOUNS = List.of("Harbor", "Signal", "Garden", "Frontier", "Orchard", "River",
            "Empire", "Lantern", "Machine", "Summer", "Kingdom", "Voyage", "Station", "Letter", "Mountain", "Circus",
            "Archive", "Engine", "Island", "Horizon", "Parade", "Theory", "Mirror", "Compass");
    private static final List<String> FIRST_NAMES = List.of("Ada", "Bruno", "Chiara", "Dmitri", "Elena", "Farid",
            "Greta", "Hiro", "Ines", "Jonas", "Kaya", "Luca", "Mina", "Nils", "Olga", "Pavel", "Rosa", "Sven");
    private static final List<String> LAST_NAMES = List.of("Adler", "Borg", "Costa", "Dahl", "Eriksen", "Ferro",
            "Gallo", "Holm", "Ito", "Jansen", "Kovac", "Lind", "Moreau", "Novak", "Ortiz", "Petrov");
    private static final List<String> STUDIOS = List.of("Northlight Pictures", "Harbor Films", "Kestrel Studios",
            "Blue Anchor", "Foxglove Media", "Lumen Works");

    private final List<ItemProfile> items;

    private DemoLibrary(List<ItemProfile> items) {
        this.items = List.copyOf(items);
    }

    /** The library for {@code seed}, with dates counted back from {@code now}. */
    public static DemoLibrary generate(long seed, Instant now) {
        SplittableRandom random = new SplittableRandom(seed);
        List<ItemProfile> items = new ArrayList<>();
        Set<String> titles = new LinkedHashSet<>();
        for (int i = 0; i < 240; i++) {
            items.add(movie(random, i, now, titles));
        }
        for (int s = 0; s < 10; s++) {
            items.addAll(series(random, s, now, titles));
        }
        for (int a = 0; a < 12; a++) {
            items.addAll(artist(random, a, now));
        }
        return new DemoLibrary(items);
    }

    public List<ItemProfile> items() {
        return items;
    }

    /** A stable N-form GUID for a demo object, so ids look exactly like Jellyfin's. */
    static String guid(String name) {
        return UUID.nameUUIDFromBytes(("setlist-demo:" + name).getBytes(StandardCharsets.UTF_8))
                .toString().replace("-", "");
    }

    private static ItemProfile movie(SplittableRandom random, int index, Instant now, Set<String> titles) {
        List<String> genres = pickDistinct(random, MOVIE_GENRES, 1 + random.nextInt(3));
        boolean documentary = genres.contains("Documentary");
        boolean family = genres.contains("Family") || genres.contains("Animation");
        boolean horror = genres.contains("Horror");
        if (family && horror) {
            genres = new ArrayList<>(genres);
            genres.remove("Horror");
            horror = false;
        }
        String rating = family ? (random.nextBoolean() ? "G" : "PG")
                : horror ? "R"
                : pick(random, List.of("PG", "PG-13", "PG-13", "R", "R", "NR"));
        int runtimeMinutes = documentary ? 50 + random.nextInt(60) : 80 + random.nextInt(90);
        List<String> tags = moodTags(random, genres);
        return new ItemProfile(guid("movie:" + index), ItemKind.MOVIE, uniqueTitle(random, titles, "The "),
                genres, tags, people(random, 4), pick(random, STUDIOS), 1960 + random.nextInt(67),
                runtimeMinutes * 60, null, null, 0, 0, null, null, rating, added(random, now));
    }

    private static List<ItemProfile> series(SplittableRandom random, int index, Instant now, Set<String> titles) {
        List<String> genres = pickDistinct(random, List.of("Drama", "Comedy", "Crime", "Science Fiction", "Fantasy",
                "Documentary", "Animation", "Mystery", "Thriller", "Family"), 1 + random.nextInt(2));
        boolean kids = genres.contains("Animation") || genres.contains("Family");
        String rating = kids ? pick(random, List.of("TV-Y", "TV-Y7", "TV-G")) : pick(random, List.of("TV-PG", "TV-14", "TV-MA"));
        String seriesId = guid("series:" + index);
        String seriesName = uniqueTitle(random, titles, "");
        int episodeMinutes = kids ? 22 + random.nextInt(6) : 40 + random.nextInt(21);
        Instant added = added(random, now);
        List<String> people = people(random, 3);
        List<ItemProfile> episodes = new ArrayList<>();
        for (int season = 1; season <= 2; season++) {
            for (int episode = 1; episode <= 8; episode++) {
                List<String> tags = new ArrayList<>(moodTags(random, genres));
                if (episode == 8 || random.nextInt(4) == 0) {
                    tags.add("cliffhanger");
                }
                String title = pick(random, ADJECTIVES) + " " + pick(random, NOUNS);
                episodes.add(new ItemProfile(guid("episode:" + index + ":" + season + ":" + episode), ItemKind.EPISODE,
                        title, genres, tags, people, null, 2010 + index, episodeMinutes * 60 + random.nextInt(120),
                        seriesId, seriesName, season, episode, null, null, rating,
                        season == 2 && index % 3 == 0 ? now.minus(Duration.ofDays(1 + random.nextInt(5))) : added));
            }
        }
        return episodes;
    }

    private static List<ItemProfile> artist(SplittableRandom random, int index, Instant now) {
        String genre = MUSIC_GENRES.get(index % MUSIC_GENRES.size());
        String artist = pick(random, FIRST_NAMES) + " " + pick(random, LAST_NAMES)
                + (random.nextInt(3) == 0 ? " Trio" : "");
        List<ItemProfile> tracks = new ArrayList<>();
        for (int album = 1; album <= 2; album++) {
            String albumName = pick(random, ADJECTIVES) + " " + pick(random, NOUNS);
            Instant added = added(random, now);
            for (int track = 1; track <= 6; track++) {
                List<String> tags = new ArrayList<>();
                switch (genre) {
                    case "Electronic", "Hip-Hop", "Rock", "Pop" -> {
                        tags.add(random.nextInt(3) > 0 ? "high-energy" : "upbeat");
                        tags.add(random.nextBoolean() ? "tempo:fast" : "tempo:medium");
                    }
                    case "Ambient", "Classical" -> {
                        tags.add("calm");
                        tags.add("instrumental");
                        tags.add("tempo:slow");
                    }
                    default -> {
                        tags.add(random.nextBoolean() ? "calm" : "upbeat");
                        tags.add("tempo:medium");
                        if (genre.equals("Jazz") && random.nextBoolean()) {
                            tags.add("instrumental");
                        }
                    }
                }
                if (genre.equals("Ambient")) {
                    tags.add("ambient");
                }
                tracks.add(new ItemProfile(guid("track:" + index + ":" + album + ":" + track), ItemKind.TRACK,
                        pick(random, ADJECTIVES) + " " + pick(random, NOUNS), List.of(genre), tags, List.of(artist),
                        null, 1990 + random.nextInt(36), 120 + random.nextInt(360), null, null, 0, track, artist,
                        albumName, null, added));
            }
        }
        return tracks;
    }

    private static List<String> moodTags(SplittableRandom random, List<String> genres) {
        Set<String> tags = new LinkedHashSet<>();
        for (String genre : genres) {
            switch (genre) {
                case "Action", "Thriller", "War" -> tags.add(random.nextBoolean() ? "intense" : "high-energy");
                case "Horror", "Crime", "Mystery" -> tags.add(random.nextBoolean() ? "dark" : "tense");
                case "Comedy", "Family", "Animation" -> tags.add(random.nextBoolean() ? "feel-good" : "light");
                case "Documentary", "Drama" -> tags.add(random.nextBoolean() ? "calm" : "slow-burn");
                case "Romance" -> tags.add("warm");
                default -> tags.add(random.nextBoolean() ? "uplifting" : "calm");
            }
        }
        return List.copyOf(tags);
    }

    private static List<String> people(SplittableRandom random, int count) {
        Set<String> names = new LinkedHashSet<>();
        while (names.size() < count) {
            names.add(pick(random, FIRST_NAMES) + " " + pick(random, LAST_NAMES));
        }
        return List.copyOf(names);
    }

    private static Instant added(SplittableRandom random, Instant now) {
        if (random.nextInt(20) == 0) {
            return now.minus(Duration.ofHours(2 + random.nextInt(24 * 6)));
        }
        return now.minus(Duration.ofDays(10 + random.nextInt(900)));
    }

    private static String uniqueTitle(SplittableRandom random, Set<String> taken, String prefix) {
        while (true) {
            String title = prefix + pick(random, ADJECTIVES) + " " + pick(random, NOUNS);
            if (taken.add(title)) {
                return title;
            }
            String numbered = title + " " + (2 + random.nextInt(3));
            if (taken.add(numbered)) {
                return numbered;
            }
        }
    }

    private static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static List<String> pickDistinct(SplittableRandom random, List<String> values, int count) {
        Set<String> chosen = new LinkedHashSet<>();
        while (chosen.size() < count) {
            chosen.add(pick(random, values));
        }
        return List.copyOf(chosen);
    }
}
