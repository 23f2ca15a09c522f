package dev.setlist.plugin.store;

import dev.setlist.plugin.media.MediaUser;

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
import java.util.Optional;

/**
 * The people Setlist knows (table {@code media_user}): from the media server's user list or first
 * seen in an event.
 *
 * <p>Thread-safe.
 */
public final class UserStore {

    private final DataSource dataSource;

    public UserStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records a user, or renames a known one; the first-seen time is kept. */
    public void upsert(MediaUser user, Instant seenAt) {
        String update = "UPDATE media_user SET name = ? WHERE id = ?";
        String insert = "INSERT INTO media_user (id, name, first_seen) VALUES (?, ?, ?)";
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement statement = connection.prepareStatement(update)) {
                statement.setString(1, user.name());
                statement.setString(2, user.id());
                if (statement.executeUpdate() > 0) {
                    return;
                }
            }
            try (PreparedStatement statement = connection.prepareStatement(insert)) {
                statement.setString(1, user.id());
                statement.setString(2, user.name());
                statement.setTimestamp(3, Timestamp.from(seenAt));
                statement.executeUpdate();
            } catch (SQLException e) {
                if (!"23505".equals(e.getSQLState())) {
                    throw e;
                }
                // Inserted concurrently by another request: the row exists, which is all we need.
            }
        } catch (SQLException e) {
            throw new StoreException("could not store user " + user.id() + ": " + e.getMessage(), e);
        }
    }

    /** All users, by name. */
    public List<MediaUser> all() {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id, name FROM media_user ORDER BY name, id")) {
            List<MediaUser> users = new ArrayList<>();
            while (rows.next()) {
                users.add(new MediaUser(rows.getString(1), rows.getString(2)));
            }
            return users;
        } catch (SQLException e) {
            throw new StoreException("could not read users: " + e.getMessage(), e);
        }
    }

    public Optional<MediaUser> find(String id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT id, name FROM media_user WHERE id = ?")) {
            query.setString(1, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(new MediaUser(rows.getString(1), rows.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("could not read user " + id + ": " + e.getMessage(), e);
        }
    }

    /** Forgets one person; returns whether they were known. */
    public boolean delete(String id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM media_user WHERE id = ?")) {
            delete.setString(1, id);
            return delete.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new StoreException("could not delete user " + id + ": " + e.getMessage(), e);
        }
    }
}
