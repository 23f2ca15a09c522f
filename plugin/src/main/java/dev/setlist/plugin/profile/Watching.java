package dev.setlist.plugin.profile;

import java.time.Instant;

/**
 * Who is watching an account now.
 *
 * @param accountId the account
 * @param profile   the profile watching
 * @param personId  the profile's person id, which the account's events go to meanwhile
 * @param since     when it was said
 * @param until     when it stops by itself
 */
public record Watching(String accountId, String profile, String personId, Instant since, Instant until) {
}
