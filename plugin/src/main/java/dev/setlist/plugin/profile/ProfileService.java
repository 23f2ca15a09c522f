package dev.setlist.plugin.profile;

import dev.setlist.plugin.events.Attribution;
import dev.setlist.plugin.events.PlaybackEvent;
import dev.setlist.plugin.media.MediaUser;
import dev.setlist.plugin.store.ProfileStore;
import dev.setlist.plugin.store.UserStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Profiles inside accounts, and who is watching each account now. A profile is a person of its own:
 * its id is {@code <account>~<profile>}, and everything Setlist keeps per person (interactions, mode,
 * tuning, wildcard history) is kept under that id, so a shared account stops mixing the tastes of the
 * people behind it.
 *
 * <p>Saying who is watching ({@link #watch}) lasts a while ({@value #DEFAULT_WATCH_MINUTES} minutes unless
 * told otherwise, at most a day: people forget to switch back). Meanwhile every live event of the account
 * is attributed to that profile ({@link #personFor}); the attribution is stored with the event, so a
 * replay of the log repeats it even after the profile stopped watching or was removed.
 *
 * <p>Thread-safe. Who is watching is kept in memory as well as stored, because every event asks.
 */
public final class ProfileService implements Attribution {

    /** Separates the account id from the profile name in a person id. */
    public static final char SEPARATOR = '~';
    public static final int DEFAULT_WATCH_MINUTES = 240;
    public static final int MAX_WATCH_MINUTES = 24 * 60;
    /** The highest parental ceiling that means anything: past it, nothing is restricted. */
    public static final int MAX_CEILING = 21;
    static final int MAX_LABEL = 100;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,23}");
    /** Names the API uses for itself: {@code active} is a path, {@code account} means the account itself. */
    private static final Set<String> RESERVED = Set.of("active", "account");

    private final ProfileStore store;
    private final UserStore users;
    private final Clock clock;
    private final Map<String, Watching> watching = new ConcurrentHashMap<>();

    public ProfileService(ProfileStore store, UserStore users, Clock clock) {
        this.store = store;
        this.users = users;
        this.clock = clock;
        for (ProfileStore.ActiveProfile active : store.allActive()) {
            watching.put(active.accountId(), watching(active));
        }
    }

    /** The person id of {@code profile} inside {@code accountId}. */
    public static String personId(String accountId, String profile) {
        return accountId + SEPARATOR + profile;
    }

    /** The account a person id belongs to: the id itself for an account. */
    public static String accountOf(String personId) {
        int cut = personId.indexOf(SEPARATOR);
        return cut < 0 ? personId : personId.substring(0, cut);
    }

    /**
     * A profile name as stored: trimmed and lower-cased.
     *
     * @throws IllegalArgumentException naming {@code profile} when it is not 1 to 24 letters, digits,
     *                                  {@code _} or {@code -}, or is a reserved word
     */
    public static String checkedName(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("profile is missing");
        }
        String name = text.trim().toLowerCase(Locale.ROOT);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("profile must be 1 to 24 letters, digits, _ or -, starting with a letter "
                    + "or digit, was '" + text + "'");
        }
        if (RESERVED.contains(name)) {
            throw new IllegalArgumentException("profile cannot be named '" + name + "': the API uses that word");
        }
        return name;
    }

    /** The person {@code personId} names: a known account, or an existing profile of one. */
    public Optional<Person> person(String personId) {
        int cut = personId.indexOf(SEPARATOR);
        if (cut < 0) {
            return users.find(personId).map(user -> new Person(user.id(), user.id(), user.name(), null, null));
        }
        String accountId = personId.substring(0, cut);
        String profile = personId.substring(cut + 1);
        Optional<MediaUser> account = users.find(accountId);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        return store.find(accountId, profile).map(stored -> new Person(personId, accountId,
                account.get().name() + " · " + stored.label(), profile, stored.parentalCeiling()));
    }

    /** Who the account's sessions are for now: the profile watching it, else the account itself. */
    public Optional<Person> current(String accountId) {
        Optional<Watching> now = watching(accountId);
        if (now.isPresent()) {
            Optional<Person> profile = person(now.get().personId());
            if (profile.isPresent()) {
                return profile;
            }
        }
        return person(accountId);
    }

    /**
     * The person a request about {@code id} is for. With {@code profile}, the profile of that name inside
     * the account {@code id} ({@code account}: the account itself); without it, a profile id names itself
     * and an account means whoever is watching it now, so that a client that knows nothing of profiles
     * still gets the child's session while the child is watching.
     *
     * @return the person, or empty when {@code id} is unknown or has no such profile
     * @throws IllegalArgumentException when {@code profile} is not a valid name, or is given with a profile id
     */
    public Optional<Person> addressed(String id, String profile) {
        if (profile == null) {
            return id.indexOf(SEPARATOR) >= 0 ? person(id) : current(id);
        }
        if (id.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException("profile names a profile of an account, and " + id + " is already a profile");
        }
        String trimmed = profile.trim().toLowerCase(Locale.ROOT);
        if (trimmed.equals("account")) {
            return person(id);
        }
        String name = checkedName(profile);
        return person(id).isEmpty() ? Optional.empty() : person(personId(id, name));
    }

    /** The account's profiles, by name. */
    public List<Profile> profiles(String accountId) {
        return store.profiles(accountId).stream().map(ProfileService::profile).toList();
    }

    /**
     * Creates a profile.
     *
     * @param label           how people call it; {@code null} or blank: the profile's name
     * @param parentalCeiling the highest minimum age it may see (0 to {@value #MAX_CEILING}), or {@code null}
     * @return the profile, or empty when the account already has one of that name
     * @throws IllegalArgumentException naming the field at fault
     */
    public Optional<Profile> create(String accountId, String profile, String label, Integer parentalCeiling) {
        if (accountId.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException("profiles belong to an account, and " + accountId + " is a profile");
        }
        String name = checkedName(profile);
        if (parentalCeiling != null && (parentalCeiling < 0 || parentalCeiling > MAX_CEILING)) {
            throw new IllegalArgumentException("parentalCeiling must be between 0 and " + MAX_CEILING + " (an age), was "
                    + parentalCeiling);
        }
        String shownAs = label == null || label.isBlank() ? name : label.trim();
        if (shownAs.length() > MAX_LABEL) {
            throw new IllegalArgumentException("label must be at most " + MAX_LABEL + " characters, was " + shownAs.length());
        }
        ProfileStore.StoredProfile stored = new ProfileStore.StoredProfile(accountId, name, shownAs, parentalCeiling,
                clock.instant());
        return store.create(stored) ? Optional.of(profile(stored)) : Optional.empty();
    }

    /** Removes a profile (and it stops watching); {@code false} when there was none. Its history stays in the log. */
    public boolean delete(String accountId, String profile) {
        boolean deleted = store.delete(accountId, profile);
        watching.computeIfPresent(accountId, (account, now) -> now.profile().equals(profile) ? null : now);
        return deleted;
    }

    /**
     * Removes every profile of an account (its data was deleted), and who is watching it; returns the
     * person ids of the profiles removed, so that what is kept under them can be deleted too.
     */
    public List<String> forgetAccount(String accountId) {
        List<String> removed = new ArrayList<>();
        for (ProfileStore.StoredProfile stored : store.profiles(accountId)) {
            if (store.delete(accountId, stored.profile())) {
                removed.add(personId(accountId, stored.profile()));
            }
        }
        stopWatching(accountId);
        return removed;
    }

    /**
     * Says that {@code profile} is watching the account for the next {@code minutes}.
     *
     * @return who is watching now, or empty when the account has no such profile
     * @throws IllegalArgumentException when {@code minutes} is not 1 to {@value #MAX_WATCH_MINUTES}
     */
    public Optional<Watching> watch(String accountId, String profile, int minutes) {
        if (minutes < 1 || minutes > MAX_WATCH_MINUTES) {
            throw new IllegalArgumentException("minutes must be between 1 and " + MAX_WATCH_MINUTES + ", was " + minutes);
        }
        if (store.find(accountId, profile).isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        ProfileStore.ActiveProfile active = new ProfileStore.ActiveProfile(accountId, profile, now,
                now.plus(Duration.ofMinutes(minutes)));
        synchronized (this) {
            store.setActive(active);
            Watching result = watching(active);
            watching.put(accountId, result);
            return Optional.of(result);
        }
    }

    /** Nobody in particular watches the account any more; {@code false} when nobody was set (or it expired). */
    public synchronized boolean stopWatching(String accountId) {
        boolean wasWatching = watching(accountId).isPresent();
        store.clearActive(accountId);
        watching.remove(accountId);
        return wasWatching;
    }

    /** Who is watching the account, unless that has expired. */
    public Optional<Watching> watching(String accountId) {
        Watching now = watching.get(accountId);
        return now == null || !clock.instant().isBefore(now.until()) ? Optional.empty() : Optional.of(now);
    }

    /** The profile watching the event's account when it arrives, or {@code null} for the account itself. */
    @Override
    public String personFor(PlaybackEvent event) {
        return watching(event.userId()).map(Watching::personId).orElse(null);
    }

    private static Watching watching(ProfileStore.ActiveProfile active) {
        return new Watching(active.accountId(), active.profile(), personId(active.accountId(), active.profile()),
                active.setAt(), active.expiresAt());
    }

    private static Profile profile(ProfileStore.StoredProfile stored) {
        return new Profile(stored.profile(), personId(stored.accountId(), stored.profile()), stored.label(),
                stored.parentalCeiling(), stored.createdAt());
    }
}
