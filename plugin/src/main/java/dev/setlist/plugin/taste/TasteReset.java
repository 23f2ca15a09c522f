package dev.setlist.plugin.taste;

import dev.setlist.plugin.playlist.OfferLog;
import dev.setlist.plugin.playlist.SessionMood;
import dev.setlist.plugin.playlist.UnknownUserException;
import dev.setlist.plugin.insights.ServedPlaylistLog;
import dev.setlist.plugin.profile.ProfileService;
import dev.setlist.plugin.signals.InteractionLedger;
import dev.setlist.plugin.signals.PlayTimeline;
import dev.setlist.plugin.store.EventLog;
import dev.setlist.plugin.store.PersonStore;

import java.time.Clock;
import java.time.Instant;

/**
 * A person starting their taste again: their recommendations forget what they learned (the folded-in
 * vector, the wildcard posterior, the session's skips, the onboarding quiz), and the person chooses what
 * becomes of their history. Kept, it stays in the log for their own statistics and insights while their
 * taste is folded only from what happens next ({@link FreshStarts}); deleted, their events, served
 * playlists and wildcard answers go, and the model is retrained without them in the background. Their
 * mode, tuning, tokens and profiles stay: those are settings, not taste. A profile resets alone; an
 * account's reset leaves its profiles as they are.
 *
 * <p>Thread-safe.
 */
public final class TasteReset {

    /** What becomes of the history. */
    public enum History {
        /** Kept for the person's statistics and insights; their taste ignores it. */
        KEEP,
        /** Deleted: events, served playlists, wildcard answers. */
        DELETE;

        /** Parses {@code keep} or {@code delete}. */
        public static History parse(String text) {
            for (History history : values()) {
                if (history.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                    return history;
                }
            }
            throw new IllegalArgumentException("history must be keep or delete, was '" + text + "'");
        }
    }

    /**
     * What a reset did.
     *
     * @param personId        whose taste
     * @param history         {@code kept} or {@code deleted}
     * @param resetAt         when
     * @param eventsDeleted   events deleted from the log (0 when kept)
     * @param playlistsForgotten served-playlist summaries deleted (0 when kept)
     * @param answersForgotten   wildcard answers deleted (0 when kept; the posterior starts again either way)
     */
    public record Result(String personId, String history, Instant resetAt, long eventsDeleted,
                         int playlistsForgotten, int answersForgotten) {
    }

    private final ProfileService persons;
    private final PersonStore people;
    private final EventLog eventLog;
    private final InteractionLedger ledger;
    private final PlayTimeline timeline;
    private final FreshStarts fresh;
    private final ServedPlaylistLog served;
    private final SessionMood mood;
    private final OfferLog offers;
    private final ModelTrainer trainer;
    private final Clock clock;

    public TasteReset(ProfileService persons, PersonStore people, EventLog eventLog, InteractionLedger ledger,
                      PlayTimeline timeline, FreshStarts fresh, ServedPlaylistLog served, SessionMood mood,
                      OfferLog offers, ModelTrainer trainer, Clock clock) {
        this.persons = persons;
        this.people = people;
        this.eventLog = eventLog;
        this.ledger = ledger;
        this.timeline = timeline;
        this.fresh = fresh;
        this.served = served;
        this.mood = mood;
        this.offers = offers;
        this.trainer = trainer;
        this.clock = clock;
    }

    /**
     * Resets one person's taste ({@code personId}: an account or a profile).
     *
     * @throws UnknownUserException when nobody has that id
     */
    public Result reset(String personId, History history) {
        persons.person(personId).orElseThrow(() -> new UnknownUserException(personId));
        Instant now = clock.instant();
        people.resetPosterior(personId);
        people.clearAnswers(personId);
        mood.forget(personId);
        offers.forget(personId);
        if (history == History.KEEP) {
            // Events already applied have a sequence number at most the ledger's last; the next ones count.
            fresh.start(personId, ledger.lastSeq(), now);
            return new Result(personId, "kept", now, 0, 0, 0);
        }
        long events = eventLog.deletePerson(personId);
        int playlists = served.forget(personId);
        int answers = people.forgetWildcardAnswers(personId);
        ledger.forget(personId);
        timeline.forget(personId);
        fresh.forget(personId);
        trainer.retrainSoon();
        return new Result(personId, "deleted", now, events, playlists, answers);
    }
}
