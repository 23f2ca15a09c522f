package dev.setlist.plugin.playlist;

import dev.setlist.plugin.library.Library;
import dev.setlist.plugin.profile.Person;
import dev.setlist.plugin.signals.PlayTimeline;
import dev.setlist.plugin.store.PersonStore;
import dev.setlist.plugin.taste.PersonHistory;
import dev.setlist.rules.model.ListeningContext;
import dev.setlist.rules.model.Mode;
import dev.setlist.rules.model.SessionSoFar;
import dev.setlist.scorer.catalog.ItemProfile;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every session Setlist builds for one person starts from, whatever its shape (a playlist, a journey):
 * who is listening, when, their taste at that moment, the session so far, and the context the rules see (the
 * mode asked for, else the one the person chose, else none for the rules to infer).
 *
 * <p>Immutable; one per request.
 *
 * @param person  who
 * @param now     when the request was made
 * @param taste   their interactions and fold-in weights now (since their reset, if they reset their taste)
 * @param session the plays of their current session, oldest first
 * @param context what the rules see
 */
public record Occasion(Person person, Instant now, PersonTaste taste, List<PlayTimeline.Play> session,
                       ListeningContext context) {

    /**
     * Sets occasions up from the stores. Thread-safe; one per service.
     */
    public static final class Factory {

        private final Library library;
        private final PersonStore people;
        private final PersonHistory histories;
        private final PlayTimeline timeline;
        private final Clock clock;
        private final ZoneId zone;

        public Factory(Library library, PersonStore people, PersonHistory histories, PlayTimeline timeline, Clock clock,
                       ZoneId zone) {
            this.library = library;
            this.people = people;
            this.histories = histories;
            this.timeline = timeline;
            this.clock = clock;
            this.zone = zone;
        }

        /**
         * The occasion of {@code person} listening now.
         *
         * @param mode      the mode asked for, or {@code null} for the person's chosen one (else inferred)
         * @param localTime the listener's local time, or {@code null} for the server's
         */
        public Occasion of(Person person, Mode mode, LocalDateTime localTime, String device, String client,
                           Map<String, Double> signals) {
            Instant now = clock.instant();
            PersonTaste taste = PersonTaste.of(person.id(), histories);
            List<PlayTimeline.Play> session = histories.currentSession(timeline, person.id(), now);
            List<ItemProfile> sessionItems = session.stream().map(play -> library.find(play.itemId()))
                    .flatMap(Optional::stream).toList();
            Mode chosen = mode != null ? mode
                    : people.mode(person.id()).map(choice -> Mode.parse(choice.mode())).orElse(null);
            LocalDateTime local = localTime != null ? localTime : LocalDateTime.ofInstant(now, zone);
            ListeningContext context = new ListeningContext(person.id(), person.profile(), chosen, local, device, client,
                    SessionSoFar.of(sessionItems), person.parentalCeiling(), taste.lastPlayed(),
                    signals == null ? Map.of() : signals);
            return new Occasion(person, now, taste, session, context);
        }
    }
}
