package dev.setlist.plugin.publish;

import dev.setlist.plugin.media.MediaUser;
import dev.setlist.plugin.store.SettingStore;
import dev.setlist.plugin.store.UserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Refreshes everyone's playlists on a daily schedule (configuration {@code playlists.refresh}, for
 * example {@code For you@06:00,Evening mix@18:00}): at each time, every person's playlist of that name
 * is built and queued for the {@link PlaylistPublisher}. A refresh missed while Setlist was stopped
 * runs at start.
 *
 * <p>Thread-safe. Checks once a minute on its own thread; {@link #close()} stops it.
 */
public final class PlaylistSchedule implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PlaylistSchedule.class);
    static final String LAST_RUN_SETTING = "playlists.refreshed.";

    /** One scheduled playlist: its name and the local time it is refreshed every day. */
    public record Entry(String name, LocalTime at) {
        public Entry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(at, "at");
            if (name.isBlank()) {
                throw new IllegalArgumentException("a playlist name must not be empty");
            }
        }

        /**
         * Parses {@code name@HH:MM[,name@HH:MM...]}; an empty text is an empty schedule.
         *
         * @throws IllegalArgumentException naming the part that is wrong
         */
        public static List<Entry> parseAll(String text) {
            List<Entry> entries = new ArrayList<>();
            if (text == null || text.isBlank()) {
                return entries;
            }
            for (String part : text.split(",")) {
                int at = part.lastIndexOf('@');
                if (at <= 0) {
                    throw new IllegalArgumentException("'" + part.trim() + "' is not name@HH:MM");
                }
                try {
                    entries.add(new Entry(part.substring(0, at).trim(), LocalTime.parse(part.substring(at + 1).trim())));
                } catch (java.time.format.DateTimeParseException e) {
                    throw new IllegalArgumentException("'" + part.trim() + "': '" + part.substring(at + 1).trim()
                            + "' is not a time HH:MM");
                }
            }
            return entries;
        }
    }

    /** Builds one person's playlist of a given name: the item ids in order. */
    @FunctionalInterface
    public interface PlaylistSource {
        List<String> itemsFor(MediaUser user, String name);
    }

    private final List<Entry> entries;
    private final ZoneId zone;
    private final PlaylistSource source;
    private final PlaylistPublisher publisher;
    private final UserStore users;
    private final SettingStore settings;
    private final Clock clock;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "setlist-playlist-schedule");
        thread.setDaemon(true);
        return thread;
    });

    public PlaylistSchedule(List<Entry> entries, ZoneId zone, PlaylistSource source, PlaylistPublisher publisher,
                            UserStore users, SettingStore settings, Clock clock) {
        this.entries = List.copyOf(entries);
        this.zone = zone;
        this.source = source;
        this.publisher = publisher;
        this.users = users;
        this.settings = settings;
        this.clock = clock;
    }

    /** Checks now (catching up on a missed refresh), then once a minute. */
    public void start() {
        worker.scheduleWithFixedDelay(() -> {
            try {
                runDue();
            } catch (RuntimeException e) {
                log.error("the playlist refresh failed; it is tried again in a minute", e);
            }
        }, 0, 1, TimeUnit.MINUTES);
    }

    /**
     * Refreshes every entry whose latest scheduled time has passed since its last run; returns their
     * names. A refresh that gave nobody a playlist (no people or no catalog yet) is tried again.
     */
    public synchronized List<String> runDue() {
        Instant now = clock.instant();
        List<String> ran = new ArrayList<>();
        for (Entry entry : entries) {
            Instant due = latestScheduled(entry.at(), now);
            Instant last = settings.get(LAST_RUN_SETTING + entry.name()).map(Instant::parse).orElse(Instant.EPOCH);
            if (last.isBefore(due) && refresh(entry.name()) > 0) {
                settings.put(LAST_RUN_SETTING + entry.name(), now.toString());
                ran.add(entry.name());
            }
        }
        return ran;
    }

    /** Builds and queues one playlist for everyone now; returns how many people got one. */
    public int refresh(String name) {
        int queued = 0;
        for (MediaUser user : users.all()) {
            List<String> items = source.itemsFor(user, name);
            if (!items.isEmpty()) {
                publisher.queue(user.id(), name, items);
                queued++;
            }
        }
        log.info("playlist '{}' refreshed for {} people", name, queued);
        return queued;
    }

    private Instant latestScheduled(LocalTime at, Instant now) {
        ZonedDateTime today = now.atZone(zone).with(at);
        return (today.toInstant().isAfter(now) ? today.minusDays(1) : today).toInstant();
    }

    public List<Entry> entries() {
        return entries;
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
