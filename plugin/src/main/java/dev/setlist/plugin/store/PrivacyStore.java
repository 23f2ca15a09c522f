package dev.setlist.plugin.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who paused their history (table {@code history_pause}): while paused, a person's events are not
 * recorded, only counted.
 *
 * <p>Thread-safe.
 */
public final class PrivacyStore {

    private final DataSource dataSource;

    public PrivacyStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * One person's pause state.
     *
     * @param paused            whether their events are being left out now
     * @param changedAt         when it was last paused or resumed
     * @param unrecordedEvents  how many events were left out while paused, in all
     */
    public record Pause(String userId, boolean paused, Instant changedAt, long unrecordedEvents) {
    }

    public Optional<Pause> find(String userId) {
        String sql = "SELECT user_id, paused, changed_at, unrecorded_events FROM history_pause WHERE user_id = ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, userId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next()
                        ? Optional.of(new Pause(rows.getString(1), rows.getBoolean(2), rows.getTimestamp(3).toInstant(),
                                rows.getLong(4)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("could not read the history pause of " + userId + ": " + e.getMessage(), e);
        }
    }

    /** Everyone paused now. */
    public Set<String> paused() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT user_id FROM history_pause WHERE paused = ?")) {
            query.setBoolean(1, true);
            Set<String> users = new HashSet<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    users.add(rows.getString(1));
                }
            }
            return users;
        } catch (SQLException e) {
            throw new StoreException("could not read history pauses: " + e.getMessage(), e);
        }
    }

    /** Pauses or resumes one person's history; the count of unrecorded events is kept. */
    public void setPaused(String userId, boolean paused, Instant at) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE history_pause SET paused = ?, changed_at = ? WHERE user_id = ?")) {
                update.setBoolean(1, paused);
                update.setTimestamp(2, Timestamp.from(at));
                update.setString(3, userId);
                if (update.executeUpdate() > 0) {
                    return;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO history_pause (user_id, paused, changed_at, unrecorded_events) VALUES (?, ?, ?, 0)")) {
                insert.setString(1, userId);
                insert.setBoolean(2, paused);
                insert.setTimestamp(3, Timestamp.from(at));
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new StoreException("could not change the history pause of " + userId + ": " + e.getMessage(), e);
        }
    }

    /** Counts one event left out while paused. */
    public void countUnrecorded(String userId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE history_pause SET unrecorded_events = unrecorded_events + 1 WHERE user_id = ?")) {
            update.setString(1, userId);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("could not count an unrecorded event: " + e.getMessage(), e);
        }
    }

    /** Forgets the pause state of one person. */
    public void forget(String userId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM history_pause WHERE user_id = ?")) {
            delete.setString(1, userId);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("could not forget the history pause of " + userId + ": " + e.getMessage(), e);
        }
    }
}
