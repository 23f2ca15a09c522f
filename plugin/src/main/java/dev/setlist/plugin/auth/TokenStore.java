package dev.setlist.plugin.auth;

import dev.setlist.plugin.store.StoreException;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

/**
 * Per-person API tokens (table {@code api_token}): issued by an admin, shown once, kept only as their
 * SHA-256.
 *
 * <p>Thread-safe.
 */
public final class TokenStore {

    private final DataSource dataSource;
    private final SecureRandom random;
    private final Clock clock;

    public TokenStore(DataSource dataSource, SecureRandom random, Clock clock) {
        this.dataSource = dataSource;
        this.random = random;
        this.clock = clock;
    }

    /** Issues a new token for {@code userId}; the returned clear text is not kept anywhere. */
    public String issue(String userId, String label) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = "st_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String sql = "INSERT INTO api_token (token_hash, user_id, label, issued_at) VALUES (?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, digest(token));
            insert.setString(2, userId);
            insert.setString(3, label);
            insert.setTimestamp(4, Timestamp.from(clock.instant()));
            insert.executeUpdate();
            return token;
        } catch (SQLException e) {
            throw new StoreException("could not issue a token for " + userId + ": " + e.getMessage(), e);
        }
    }

    /** The person a token belongs to, if it is one Setlist issued. */
    public Optional<String> userOf(String token) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT user_id FROM api_token WHERE token_hash = ?")) {
            query.setString(1, digest(token));
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("could not check a token: " + e.getMessage(), e);
        }
    }

    private static String digest(String token) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Revokes every token of {@code userId}; returns how many there were. */
    public int revokeAll(String userId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM api_token WHERE user_id = ?")) {
            delete.setString(1, userId);
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("could not revoke the tokens of " + userId + ": " + e.getMessage(), e);
        }
    }
}
