package dev.setlist.plugin.sim;

import dev.setlist.plugin.media.MediaUser;
import dev.setlist.plugin.profile.ProfileService;

import java.util.Objects;

/**
 * One simulated person: who they are to the media server (an account, or a profile inside a shared
 * account), their true taste, their device and their habits.
 *
 * <p>Immutable; share freely.
 *
 * @param key             a short stable name, for example {@code alex}; ids are derived from it
 * @param name            the display name
 * @param accountKey      the key of the account they play on (their own key, or a parent's when they share it)
 * @param profile         their profile name inside a shared account, or {@code null} when the account is theirs
 * @param parentalCeiling the highest minimum age they may see (a child), or {@code null} for an adult
 * @param taste           what they truly like
 * @param screen          where they watch films and episodes
 * @param speaker         where they listen to music
 * @param traits          how they behave
 */
public record Persona(String key, String name, String accountKey, String profile, Integer parentalCeiling, Taste taste,
                      Device screen, Device speaker, Traits traits) {

    public Persona {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(accountKey, "accountKey");
        Objects.requireNonNull(taste, "taste");
        Objects.requireNonNull(screen, "screen");
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(traits, "traits");
    }

    /** The media server's id of the account they play on (an N-form GUID, as Jellyfin's). */
    public String accountId() {
        return SimIds.guid("user:" + accountKey);
    }

    /** The person id Setlist keeps their taste under: the account, or {@code <account>~<profile>}. */
    public String personId() {
        return profile == null ? accountId() : ProfileService.personId(accountId(), profile);
    }

    /** The account as the media server lists it. */
    public MediaUser account(String accountName) {
        return new MediaUser(accountId(), accountName);
    }

    public boolean child() {
        return parentalCeiling != null;
    }

    public boolean sharesAnAccount() {
        return profile != null;
    }

    /** This person as a profile named {@code profileName} inside {@code parent}'s account. */
    public Persona inAccountOf(Persona parent, String profileName) {
        return new Persona(key, name, parent.accountKey(), profileName, parentalCeiling, taste, screen, speaker, traits);
    }

    /** This person with other traits. */
    public Persona with(Traits newTraits) {
        return new Persona(key, name, accountKey, profile, parentalCeiling, taste, screen, speaker, newTraits);
    }

    /** This person under another key and name (a newcomer with the same taste and habits). */
    public Persona renamed(String newKey, String newName) {
        return new Persona(newKey, newName, newKey, null, parentalCeiling, taste, screen, speaker, traits);
    }
}
