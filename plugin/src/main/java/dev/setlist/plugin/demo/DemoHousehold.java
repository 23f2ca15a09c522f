package dev.setlist.plugin.demo;

import dev.setlist.plugin.events.EventType;
import dev.setlist.plugin.events.PlaybackEvent;
import dev.setlist.plugin.events.PlaybackEvent.ItemFacts;
import dev.setlist.plugin.events.PlaybackEvent.UserDataFacts;
import dev.setlist.plugin.media.MediaUser;
import dev.setlist.scorer.catalog.ItemProfile;
import dev.setlist.scorer.catalog.ItemProfile.ItemKind;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The people of the demo and a month of their viewing and listening, generated from their tastes:
 * films picked by genre affinity, series watched in order (sometimes in a binge), music in runs of
 * tracks, favourites now and then. A child's profile only plays items rated for children. The events
 * are the same {@link PlaybackEvent}s a Jellyfin webhook produces, so they take the same path in.
 *
 * <p>Immutable; share freely.
 */
public final class DemoHousehold {

    /** One person: who they are and what they like (genre to affinity in [0, 1]). */
    public record Member(MediaUser user, Map<String, Double> affinity, boolean child, String device, String client) {
    }

    private static final Set<String> CHILD_RATINGS = Set.of("G", "PG", "TV-Y", "TV-Y7", "TV-G");

    private final List<Member> members;

    private DemoHousehold(List<Member> members) {
        this.members = List.copyOf(members);
    }

    public static DemoHousehold standard() {
        return new DemoHousehold(List.of(
                new Member(new MediaUser(DemoLibrary.guid("user:alex"), "Alex"), Map.of(
                        "Science Fiction", 0.95, "Thriller", 0.8, "Action", 0.7, "Mystery", 0.6, "Electronic", 0.9,
                        "Rock", 0.5, "Crime", 0.5), false, "Living Room TV", "Jellyfin Android TV"),
                new Member(new MediaUser(DemoLibrary.guid("user:sam"), "Sam"), Map.of(
                        "Comedy", 0.9, "Romance", 0.85, "Drama", 0.7, "Pop", 0.9, "Folk", 0.6, "Adventure", 0.5),
                        false, "Sam's Phone", "Jellyfin iOS"),
                new Member(new MediaUser(DemoLibrary.guid("user:robin"), "Robin"), Map.of(
                        "Animation", 0.95, "Family", 0.9, "Adventure", 0.6, "Fantasy", 0.6, "Pop", 0.7, "Comedy", 0.5),
                        true, "Kids Tablet", "Jellyfin Web"),
                new Member(new MediaUser(DemoLibrary.guid("user:jordan"), "Jordan"), Map.of(
                        "Documentary", 0.95, "War", 0.6, "Drama", 0.6, "Jazz", 0.9, "Classical", 0.85, "Ambient", 0.7,
                        "Western", 0.4), false, "Study Speaker", "Finamp")));
    }

    public List<Member> members() {
        return members;
    }

    public List<MediaUser> users() {
        return members.stream().map(Member::user).toList();
    }

    /** A month of events up to {@code now}, in time order, deterministic for {@code seed}. */
    public List<PlaybackEvent> history(List<ItemProfile> catalog, long seed, Instant now) {
        SplittableRandom random = new SplittableRandom(seed);
        List<PlaybackEvent> events = new ArrayList<>();
        Instant start = now.minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.DAYS);
        for (Member member : members) {
            List<ItemProfile> allowed = catalog.stream()
                    .filter(item -> !member.child() || item.kind() == ItemKind.TRACK
                            || (item.parentalRating() != null && CHILD_RATINGS.contains(item.parentalRating())))
                    .toList();
            for (int day = 0; day < 30; day++) {
                int sessions = random.nextInt(3);
                Instant clock = start.plus(Duration.ofDays(day)).plus(Duration.ofHours(member.child() ? 16 : 19))
                        .plus(Duration.ofMinutes(random.nextInt(120)));
                for (int s = 0; s < sessions && clock.isBefore(now); s++) {
                    clock = switch (random.nextInt(3)) {
                        case 0 -> watchFilm(member, allowed, random, clock, events);
                        case 1 -> watchEpisodes(member, allowed, random, clock, events);
                        default -> listen(member, allowed, random, clock, events);
                    };
                    clock = clock.plus(Duration.ofMinutes(10 + random.nextInt(50)));
                }
            }
        }
        events.removeIf(event -> event.occurredAt().isAfter(now));
        events.sort(Comparator.comparing(PlaybackEvent::occurredAt));
        return events;
    }

    private static double affinity(Member member, ItemProfile item) {
        return item.genres().stream().mapToDouble(g -> member.affinity().getOrDefault(g, 0.05)).max().orElse(0.05);
    }

    /** Picks by affinity: the better of a few random draws, so taste shows without being absolute. */
    private static ItemProfile choose(Member member, List<ItemProfile> items, SplittableRandom random) {
        ItemProfile best = null;
        double bestValue = -1;
        for (int draw = 0; draw < 6; draw++) {
            ItemProfile item = items.get(random.nextInt(items.size()));
            double value = affinity(member, item) + 0.25 * random.nextDouble();
            if (value > bestValue) {
                best = item;
                bestValue = value;
            }
        }
        return best;
    }

    private Instant watchFilm(Member member, List<ItemProfile> allowed, SplittableRandom random, Instant at,
                              List<PlaybackEvent> events) {
        List<ItemProfile> films = allowed.stream().filter(item -> item.kind() == ItemKind.MOVIE).toList();
        return play(member, choose(member, films, random), random, at, events);
    }

    private Instant watchEpisodes(Member member, List<ItemProfile> allowed, SplittableRandom random, Instant at,
                                  List<PlaybackEvent> events) {
        List<ItemProfile> episodes = allowed.stream().filter(item -> item.kind() == ItemKind.EPISODE).toList();
        if (episodes.isEmpty()) {
            return at;
        }
        ItemProfile first = choose(member, episodes, random);
        List<ItemProfile> run = episodes.stream()
                .filter(item -> first.seriesId().equals(item.seriesId()))
                .sorted(Comparator.comparingInt(ItemProfile::season).thenComparingInt(ItemProfile::episode))
                .dropWhile(item -> item != first)
                .limit(1 + random.nextInt(4))
                .toList();
        Instant clock = at;
        for (ItemProfile episode : run) {
            clock = play(member, episode, random, clock, events);
        }
        return clock;
    }

    private Instant listen(Member member, List<ItemProfile> allowed, SplittableRandom random, Instant at,
                           List<PlaybackEvent> events) {
        List<ItemProfile> tracks = allowed.stream().filter(item -> item.kind() == ItemKind.TRACK).toList();
        Instant clock = at;
        int count = 5 + random.nextInt(8);
        for (int i = 0; i < count; i++) {
            clock = play(member, choose(member, tracks, random), random, clock, events);
        }
        return clock;
    }

    /** A start and a stop; how far it gets depends on taste. Returns when it ended. */
    private Instant play(Member member, ItemProfile item, SplittableRandom random, Instant at,
                         List<PlaybackEvent> events) {
        double affinity = affinity(member, item);
        boolean finished = random.nextDouble() < 0.25 + 0.7 * affinity;
        double fraction = finished ? 1.0 : 0.03 + 0.6 * random.nextDouble();
        long runtimeTicks = item.runtimeSeconds() * PlaybackEvent.TICKS_PER_SECOND;
        long positionTicks = finished ? 0 : (long) (runtimeTicks * fraction);
        Instant end = at.plusSeconds((long) (item.runtimeSeconds() * fraction));
        String session = DemoLibrary.guid("session:" + member.user().id() + ":" + at.toEpochMilli());
        events.add(event(EventType.PLAYBACK_START, member, item, at, 0L, null, session, null));
        events.add(event(EventType.PLAYBACK_STOP, member, item, end, positionTicks, finished, session, null));
        if (finished && affinity > 0.8 && random.nextInt(5) == 0) {
            events.add(event(EventType.USER_DATA_SAVED, member, item, end.plusSeconds(20), null, null, null,
                    new UserDataFacts("UpdateUserRating", true, null, null, true, 1)));
        }
        return end;
    }

    private static PlaybackEvent event(EventType type, Member member, ItemProfile item, Instant at, Long position,
                                       Boolean completed, String session, UserDataFacts userData) {
        String itemType = switch (item.kind()) {
            case MOVIE -> "Movie";
            case EPISODE -> "Episode";
            case TRACK -> "Audio";
        };
        ItemFacts facts = new ItemFacts(item.title(), itemType, item.runtimeSeconds() * PlaybackEvent.TICKS_PER_SECOND,
                item.year(), item.genres(), item.seriesId(), item.seriesName(),
                item.kind() == ItemKind.EPISODE ? item.season() : null,
                item.kind() == ItemKind.EPISODE ? item.episode() : null, item.album(), item.artist());
        boolean playback = type != EventType.USER_DATA_SAVED;
        return new PlaybackEvent(type, at, member.user().id(), member.user().name(), item.id(), facts, position,
                playback ? Boolean.FALSE : null, playback ? Boolean.FALSE : null, completed, session,
                playback ? member.device() : null, playback ? member.client() : null, userData);
    }
}
