package dev.setlist.plugin.sim;

import dev.setlist.plugin.events.EventType;
import dev.setlist.plugin.events.PlaybackEvent;
import dev.setlist.plugin.events.PlaybackEvent.ItemFacts;
import dev.setlist.plugin.events.PlaybackEvent.UserDataFacts;
import dev.setlist.scorer.catalog.ItemProfile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one simulated play as the events a Jellyfin server sends for it: a start, progress reports
 * (with a pause or a jump back when the person is awake and does that, muted when the client plays in
 * the background), and a stop with the position reached and whether it counted as played to
 * completion. A person asleep produces no pause, no seek and no rating: the player just runs.
 *
 * <p>Stateless; share freely.
 */
final class PlayEmitter {

    /** Seconds a jump back goes back. */
    static final int SEEK_BACK_SECONDS = 90;

    /**
     * How one play goes.
     *
     * @param fraction      how much of the item plays, in (0, 1]
     * @param asleep        the person is asleep (autoplay): no pause, no seek
     * @param muted         the client reports the player muted (background play)
     * @param pauseSeconds  a pause of this long in the middle, 0 for none
     * @param seekBack      the person jumps back once to see a part again
     */
    record Plan(double fraction, boolean asleep, boolean muted, int pauseSeconds, boolean seekBack) {

        Plan {
            if (!(fraction > 0 && fraction <= 1)) {
                throw new IllegalArgumentException("fraction must be in (0, 1], was " + fraction);
            }
            if (asleep && (pauseSeconds > 0 || seekBack)) {
                throw new IllegalArgumentException("a person asleep neither pauses nor seeks");
            }
        }
    }

    /** The events of one play and when it ended. */
    record Emitted(List<PlaybackEvent> events, Instant end) {
    }

    private PlayEmitter() {
    }

    static Emitted play(Persona persona, Device device, ItemProfile item, Instant start, String session, Plan plan) {
        List<PlaybackEvent> events = new ArrayList<>(6);
        double runtime = item.runtimeSeconds();
        double reached = runtime * plan.fraction();
        Boolean muted = plan.muted() ? Boolean.TRUE : null;
        events.add(playback(EventType.PLAYBACK_START, persona, device, item, start, 0, false, null, session, muted));
        Instant clock = start;
        double position = 0;
        if (reached >= 60) {
            // Two progress reports a third and two thirds of the way; in between, what an awake person does.
            double first = reached / 3;
            clock = start.plusMillis((long) (first * 1000));
            position = first;
            events.add(playback(EventType.PLAYBACK_PROGRESS, persona, device, item, clock, position, false, null,
                    session, muted));
            if (plan.pauseSeconds() > 0) {
                events.add(playback(EventType.PLAYBACK_PROGRESS, persona, device, item, clock.plusSeconds(1), position,
                        true, null, session, muted));
                clock = clock.plusSeconds(plan.pauseSeconds());
            }
            double second = 2 * reached / 3;
            clock = clock.plusMillis((long) ((second - position) * 1000));
            position = second;
            events.add(playback(EventType.PLAYBACK_PROGRESS, persona, device, item, clock, position, false, null,
                    session, muted));
            if (plan.seekBack() && position > SEEK_BACK_SECONDS + 10) {
                clock = clock.plusSeconds(2);
                position -= SEEK_BACK_SECONDS;
                events.add(playback(EventType.PLAYBACK_PROGRESS, persona, device, item, clock, position, false, null,
                        session, muted));
            }
        }
        clock = clock.plusMillis((long) ((reached - position) * 1000));
        boolean completed = plan.fraction() >= 1.0;
        events.add(playback(EventType.PLAYBACK_STOP, persona, device, item, clock, reached, null, completed, session,
                muted));
        return new Emitted(events, clock);
    }

    /** A bare start, or a stop reported as played to completion: what a script faking plays sends. */
    static PlaybackEvent scripted(Persona persona, Device device, ItemProfile item, Instant at, String session,
                                  EventType type) {
        boolean stop = type == EventType.PLAYBACK_STOP;
        return playback(type, persona, device, item, at, stop ? item.runtimeSeconds() : 0, false, stop ? true : null,
                session, null);
    }

    /** A rating (0 to 10) given through the client, as Jellyfin reports it: Likes is a rating of 6.5 or more. */
    static PlaybackEvent rating(Persona persona, ItemProfile item, Instant at, double rating) {
        return new PlaybackEvent(EventType.USER_DATA_SAVED, at, persona.accountId(), null, item.id(), facts(item), null,
                null, null, null, null, null, null,
                new UserDataFacts("UpdateUserRating", null, rating >= 6.5, rating, null, null));
    }

    private static PlaybackEvent playback(EventType type, Persona persona, Device device, ItemProfile item, Instant at,
                                          double positionSeconds, Boolean paused, Boolean completed, String session,
                                          Boolean muted) {
        boolean stop = type == EventType.PLAYBACK_STOP;
        return new PlaybackEvent(type, at, persona.accountId(), null, item.id(), facts(item),
                (long) (positionSeconds * PlaybackEvent.TICKS_PER_SECOND), stop ? null : paused,
                stop ? null : Boolean.FALSE, completed, session, device.name(), device.client(), null, muted);
    }

    static ItemFacts facts(ItemProfile item) {
        String itemType = switch (item.kind()) {
            case MOVIE -> "Movie";
            case EPISODE -> "Episode";
            case TRACK -> "Audio";
        };
        boolean episode = item.kind() == ItemProfile.ItemKind.EPISODE;
        return new ItemFacts(item.title(), itemType, item.runtimeSeconds() * PlaybackEvent.TICKS_PER_SECOND,
                item.year(), item.genres(), item.seriesId(), item.seriesName(), episode ? item.season() : null,
                episode ? item.episode() : null, item.album(), item.artist());
    }
}
