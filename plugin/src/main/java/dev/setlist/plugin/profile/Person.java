package dev.setlist.plugin.profile;

import java.util.Objects;

/**
 * Someone Setlist builds sessions for: an account of the media server, or a profile inside one.
 *
 * <p>Immutable; share freely.
 *
 * @param id              the person id: the account id, or {@code <account>~<profile>}
 * @param accountId       the account: the same as {@code id} for the account itself
 * @param name            a display name, for example {@code Alex} or {@code Alex · kid}
 * @param profile         the profile's name within the account, or {@code null} for the account itself
 * @param parentalCeiling the highest minimum age this person may see, or {@code null} when unrestricted
 */
public record Person(String id, String accountId, String name, String profile, Integer parentalCeiling) {

    public Person {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(name, "name");
    }

    /** Whether this is a profile inside an account rather than the account itself. */
    public boolean isProfile() {
        return profile != null;
    }
}
