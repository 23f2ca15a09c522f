package dev.setlist.plugin.profile;

import java.time.Instant;

/**
 * A profile as the API shows it.
 *
 * @param profile         its name within the account, for example {@code kid}
 * @param personId        the person id its taste, mode and tuning are kept under: {@code <account>~<profile>}
 * @param label           how people call it
 * @param parentalCeiling the highest minimum age it may see, or {@code null} when unrestricted
 * @param createdAt       when it was created
 */
public record Profile(String profile, String personId, String label, Integer parentalCeiling, Instant createdAt) {
}
