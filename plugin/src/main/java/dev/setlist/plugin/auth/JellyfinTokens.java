package dev.setlist.plugin.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Jellyfin access tokens as credentials: a client already signed in to Jellyfin can call Setlist with the
 * token it holds. The token is checked once against the configured Jellyfin ({@code GET /Users/Me} with that
 * token) and, when valid, stands for that Jellyfin user, whose person id is their user id. The answer is
 * remembered briefly, so that a client's every request does not ask Jellyfin again: {@link #VALID_FOR} for a
 * valid token (a token revoked in Jellyfin keeps working that long at most), {@link #REFUSED_FOR} for a refused
 * one (a client retrying a bad token costs Jellyfin one call per half minute). Only the token's SHA-256 is
 * kept, and the token is never logged.
 *
 * <p>Thread-safe. Two requests with the same new token at the same moment may both ask Jellyfin.
 */
public final class JellyfinTokens {

    /** How long a valid token is trusted without asking Jellyfin again. */
    public static final Duration VALID_FOR = Duration.ofMinutes(5);
    /** How long a refused token is refused without asking again. */
    public static final Duration REFUSED_FOR = Duration.ofSeconds(30);
    /** Tokens remembered at most; beyond that the expired go, and if none has expired, all do. */
    static final int CAPACITY = 10_000;

    /** Jellyfin could not be asked (unreachable, or failing): the token is neither valid nor refused. */
    public static final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private record Answer(Optional<String> userId, Instant until) {
    }

    private final Function<String, Optional<String>> lookup;
    private final Clock clock;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    /**
     * @param lookup asks Jellyfin whose token it is: the user's id in N form, empty when Jellyfin refuses it;
     *               throws {@link Unavailable} when Jellyfin cannot answer
     */
    public JellyfinTokens(Function<String, Optional<String>> lookup, Clock clock) {
        this.lookup = lookup;
        this.clock = clock;
    }

    /**
     * The Jellyfin user {@code token} belongs to, or empty when Jellyfin refuses it.
     *
     * @throws Unavailable when Jellyfin cannot be asked and the answer is not remembered
     */
    public Optional<String> userOf(String token) {
        String key = digest(token);
        Instant now = clock.instant();
        Answer remembered = answers.get(key);
        if (remembered != null && now.isBefore(remembered.until())) {
            return remembered.userId();
        }
        Optional<String> userId = lookup.apply(token);
        if (answers.size() >= CAPACITY) {
            answers.values().removeIf(answer -> !now.isBefore(answer.until()));
            if (answers.size() >= CAPACITY) {
                answers.clear();
            }
        }
        answers.put(key, new Answer(userId, now.plus(userId.isPresent() ? VALID_FOR : REFUSED_FOR)));
        return userId;
    }

    /** How many answers are remembered now (expired ones included until they are swept). */
    int remembered() {
        return answers.size();
    }

    private static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
