package dev.setlist.plugin.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Playlist writes waiting for the media server (table {@code playlist_outbox}). A write stays here
 * until the server accepted it, so an unreachable server or a restart loses nothing; a newer write
 * of the same person's playlist replaces a waiting one (only the latest matters).
 *
 * <p>Thread-safe.
 */
public final class PlaylistOutbox {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final int MAX_ERROR_LENGTH = 2000;
    /** The longest playlist name the outbox (and the served-playlist tables) can hold: their columns' width. */
    public static final int MAX_NAME_LENGTH = 200;

    private final DataSource dataSource;
    private final ObjectMapper json;

    public PlaylistOutbox(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /**
     * A waiting write.
     *
     * @param userId        the owner
     * @param name          the playlist's name
     * @param itemIds       the items to write, in order
     * @param queuedAt      when it was queued
     * @param attempts      failed attempts so far
     * @param nextAttemptAt not before this
     * @param lastError     why the last attempt failed, or {@code null}
     */
    public record Pending(String userId, String name, List<String> itemIds, Instant queuedAt, int attempts,
                          Instant nextAttemptAt, String lastError) {
        public Pending {
            itemIds = List.copyOf(itemIds);
        }
    }

    /** Queues a write, replacing any waiting write of the same playlist; it is due at once. */
    public void enqueue(String userId, String name, List<String> itemIds, Instant now) {
        String update = "UPDATE playlist_outbox SET item_ids = ?, queued_at = ?, attempts = 0, next_attempt_at = ?, "
                + "last_error = NULL WHERE user_id = ? AND name = ?";
        String insert = "INSERT INTO playlist_outbox (item_ids, queued_at, attempts, next_attempt_at, last_error, "
                + "user_id, name) VALUES (?, ?, 0, ?, NULL, ?, ?)";
        try (Connection connection = dataSource.getConnection()) {
            for (String sql : List.of(update, insert)) {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.setString(1, toJson(itemIds));
                    statement.setTimestamp(2, Timestamp.from(now));
                    statement.setTimestamp(3, Timestamp.from(now));
                    statement.setString(4, userId);
                    statement.setString(5, name);
                    if (statement.executeUpdate() > 0) {
                        return;
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException("could not queue playlist " + name + " of " + userId + ": " + e.getMessage(), e);
        }
    }

    /** The writes due at {@code now}, oldest first. */
    public List<Pending> due(Instant now) {
        return query("SELECT user_id, name, item_ids, queued_at, attempts, next_attempt_at, last_error "
                + "FROM playlist_outbox WHERE next_attempt_at <= ? ORDER BY queued_at, user_id, name", now);
    }

    /** Every waiting write, oldest first. */
    public List<Pending> all() {
        return query("SELECT user_id, name, item_ids, queued_at, attempts, next_attempt_at, last_error "
                + "FROM playlist_outbox ORDER BY queued_at, user_id, name", null);
    }

    /**
     * Removes a write the server accepted, unless a newer one was queued meanwhile (compared by
     * {@code queuedAt}); returns whether it was removed.
     */
    public boolean done(Pending write) {
        String sql = "DELETE FROM playlist_outbox WHERE user_id = ? AND name = ? AND queued_at = ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(sql)) {
            delete.setString(1, write.userId());
            delete.setString(2, write.name());
            delete.setTimestamp(3, Timestamp.from(write.queuedAt()));
            return delete.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new StoreException("could not complete playlist write " + write.name() + ": " + e.getMessage(), e);
        }
    }

    /** Records a failed attempt: one more attempt, not before {@code nextAttemptAt}. */
    public void failed(Pending write, String error, Instant nextAttemptAt) {
        String sql = "UPDATE playlist_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? "
                + "WHERE user_id = ? AND name = ? AND queued_at = ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(sql)) {
            update.setTimestamp(1, Timestamp.from(nextAttemptAt));
            update.setString(2, error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error);
            update.setString(3, write.userId());
            update.setString(4, write.name());
            update.setTimestamp(5, Timestamp.from(write.queuedAt()));
            update.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("could not record a failed playlist write: " + e.getMessage(), e);
        }
    }

    /** Drops every waiting write of one person; returns how many. */
    public int forgetUser(String userId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM playlist_outbox WHERE user_id = ?")) {
            delete.setString(1, userId);
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("could not drop the playlist writes of " + userId + ": " + e.getMessage(), e);
        }
    }

    /** Number of waiting writes. */
    public int size() {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM playlist_outbox")) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new StoreException("could not count waiting playlist writes: " + e.getMessage(), e);
        }
    }

    private List<Pending> query(String sql, Instant now) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            if (now != null) {
                query.setTimestamp(1, Timestamp.from(now));
            }
            List<Pending> pending = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    pending.add(new Pending(rows.getString(1), rows.getString(2), json.readValue(rows.getString(3), STRINGS),
                            rows.getTimestamp(4).toInstant(), rows.getInt(5), rows.getTimestamp(6).toInstant(),
                            rows.getString(7)));
                }
            }
            return pending;
        } catch (JsonProcessingException e) {
            throw new StoreException("a waiting playlist write holds invalid JSON: " + e.getOriginalMessage(), e);
        } catch (SQLException e) {
            throw new StoreException("could not read waiting playlist writes: " + e.getMessage(), e);
        }
    }

    private String toJson(List<String> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings must always serialize", e);
        }
    }
}
