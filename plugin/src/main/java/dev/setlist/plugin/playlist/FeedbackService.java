package dev.setlist.plugin.playlist;

import dev.setlist.plugin.events.DeliveryKey;
import dev.setlist.plugin.events.EventIngestor;
import dev.setlist.plugin.events.EventType;
import dev.setlist.plugin.events.PlaybackEvent;
import dev.setlist.plugin.library.Library;
import dev.setlist.plugin.profile.Person;
import dev.setlist.plugin.profile.ProfileService;
import dev.setlist.plugin.store.PersonStore;
import dev.setlist.plugin.taste.ExplorationPosterior;
import dev.setlist.scorer.catalog.ItemProfile;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Takes a person's feedback on an item: writes it to the event log as the events a media server
 * would have sent (a finished play, an early stop, a like or a dislike), so that it counts exactly
 * like playback and survives a replay; updates the wildcard posterior when it was about a wildcard;
 * remembers a skip for the rest of the session; and re-plans the remainder of the session at once
 * (the person's vector is folded in again from the new history on that request).
 *
 * <p>Thread-safe.
 */
public final class FeedbackService {

    /** The result: what was recorded, the person's exploration rate now, and the re-planned rest of the session. */
    public record Result(String itemId, String feedback, boolean offered, double explorationRate, Playlist remainder) {
    }

    private final Library library;
    private final ProfileService persons;
    private final PersonStore people;
    private final EventIngestor ingestor;
    private final SessionMood mood;
    private final OfferLog offers;
    private final PlaylistService playlists;
    private final TuningDefaults defaults;
    private final Clock clock;

    public FeedbackService(Library library, ProfileService persons, PersonStore people, EventIngestor ingestor, SessionMood mood,
                           OfferLog offers, PlaylistService playlists, TuningDefaults defaults, Clock clock) {
        this.library = library;
        this.persons = persons;
        this.people = people;
        this.ingestor = ingestor;
        this.mood = mood;
        this.offers = offers;
        this.playlists = playlists;
        this.defaults = defaults;
        this.clock = clock;
    }

    /**
     * Records feedback and re-plans. {@code id} is an account (while a profile watches it, the feedback
     * is the profile's, as the playlist it answers was) or a profile ({@code <account>~<profile>}); the
     * events go into the log as the account's with the profile's attribution, as a webhook event would.
     *
     * Feedback on an item Setlist did not offer lately is accepted as an ordinary play or rating; a
     * wildcard answer moves the person's exploration posterior only when that item was offered as a wildcard.
     *
     * @param remaining the request for the re-planned rest of the session, or {@code null} for none
     * @throws UnknownUserException  when nobody has that id
     * @throws UnknownItemException  when the catalog has no such item
     */
    public Result record(String id, String itemId, Feedback feedback, PlaylistRequest remaining) {
        Person person = persons.addressed(id, null).orElseThrow(() -> new UnknownUserException(id));
        String userId = person.id();
        String account = person.accountId();
        ItemProfile item = library.find(itemId).orElseThrow(() -> new UnknownItemException(itemId));
        boolean offered = offers.wasOffered(userId, itemId);
        Instant now = clock.instant();
        String session = "setlist-feedback-" + UUID.randomUUID().toString().replace("-", "");
        List<PlaybackEvent> events = switch (feedback) {
            case PLAYED, WILDCARD_TAKEN -> play(account, item, now, session, 1.0);
            case SKIPPED, WILDCARD_DECLINED -> play(account, item, now, session, 0.03);
            case LIKED -> List.of(rating(account, item, now, true));
            case DISLIKED -> List.of(rating(account, item, now, false));
        };
        for (PlaybackEvent event : events) {
            ingestor.ingestAs(event, person.isProfile() ? userId : null, "api",
                    DeliveryKey.of(session + ":" + event.type() + ":" + event.occurredAt()), null);
        }
        if (feedback == Feedback.SKIPPED || feedback == Feedback.WILDCARD_DECLINED || feedback == Feedback.DISLIKED) {
            mood.skipped(userId, itemId, now);
        }
        ExplorationPosterior posterior = people.posterior(userId);
        if (offers.wasWildcard(userId, itemId)
                && (feedback == Feedback.WILDCARD_TAKEN || feedback == Feedback.WILDCARD_DECLINED)) {
            posterior = people.recordWildcard(userId, feedback == Feedback.WILDCARD_TAKEN);
        }
        PersonStore.TuningOverrides overrides = people.overrides(userId);
        double min = overrides.explorationMin() != null ? overrides.explorationMin() : defaults.explorationMin();
        double max = Math.max(min, overrides.explorationMax() != null ? overrides.explorationMax() : defaults.explorationMax());
        Playlist remainder = remaining == null ? null : playlists.playlistFor(userId, remaining);
        return new Result(itemId, feedback.key(), offered, posterior.rate(min, max), remainder);
    }

    private static List<PlaybackEvent> play(String userId, ItemProfile item, Instant now, String session, double fraction) {
        long runtime = item.runtimeSeconds() * PlaybackEvent.TICKS_PER_SECOND;
        boolean finished = fraction >= 1.0;
        Instant started = now.minusSeconds(Math.max(1, (long) (item.runtimeSeconds() * fraction)));
        return List.of(
                event(EventType.PLAYBACK_START, userId, item, started, 0L, null, session, null),
                event(EventType.PLAYBACK_STOP, userId, item, now, finished ? runtime : (long) (runtime * fraction),
                        finished, session, null));
    }

    private static PlaybackEvent rating(String userId, ItemProfile item, Instant now, boolean likes) {
        return event(EventType.USER_DATA_SAVED, userId, item, now, null, null, null,
                new PlaybackEvent.UserDataFacts("UpdateUserRating", null, likes, likes ? 10.0 : 1.0, null, null));
    }

    private static PlaybackEvent event(EventType type, String userId, ItemProfile item, Instant at, Long position,
                                       Boolean completed, String session, PlaybackEvent.UserDataFacts userData) {
        String itemType = switch (item.kind()) {
            case MOVIE -> "Movie";
            case EPISODE -> "Episode";
            case TRACK -> "Audio";
        };
        PlaybackEvent.ItemFacts facts = new PlaybackEvent.ItemFacts(item.title(), itemType,
                item.runtimeSeconds() * PlaybackEvent.TICKS_PER_SECOND, item.year(), item.genres(), item.seriesId(),
                item.seriesName(), null, null, item.album(), item.artist());
        boolean playback = type != EventType.USER_DATA_SAVED;
        return new PlaybackEvent(type, at, userId, null, item.id(), facts, position, playback ? false : null,
                playback ? false : null, completed, session, playback ? "Setlist" : null,
                playback ? "Setlist API" : null, userData);
    }
}
