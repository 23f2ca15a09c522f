package dev.setlist.plugin.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The playlists Setlist wrote to the media server (table {@code media_playlist}): which server id
 * belongs to which person and name, and what was last written, so that a restart finds them again.
 *
 * <p>Thread-safe.
 */
public final class PlaylistStore {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final DataSource dataSource;
    private final ObjectMapper json;

    public PlaylistStore(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /**
     * A playlist as last written.
     *
     * @param userId    the owner
     * @param name      Setlist's name for it (without the "Setlist · " prefix the server shows)
     * @param serverId  the media server's id of the playlist
     * @param mediaType {@code Video} or {@code Audio}
     * @param itemIds   the items last written, in order
     * @param writtenAt when
     */
    public record Written(String userId, String name, String serverId, String mediaType, List<String> itemIds,
                          Instant writtenAt) {
        public Written {
            itemIds = List.copyOf(itemIds);
        }
    }

    public Optional<Written> find(String userId, String name) {
        String sql = "SELECT user_id, name, server_id, media_type, item_ids, written_at FROM media_playlist "
                + "WHERE user_id = ? AND name = ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, userId);
            query.setString(2, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("could not read playlist " + name + " of " + userId + ": " + e.getMessage(), e);
        }
    }

    /** One person's playlists, by name. */
    public List<Written> forUser(String userId) {
        String sql = "SELECT user_id, name, server_id, media_type, item_ids, written_at FROM media_playlist "
                + "WHERE user_id = ? ORDER BY name";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, userId);
            List<Written> playlists = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    playlists.add(read(rows));
                }
            }
            return playlists;
        } catch (SQLException e) {
            throw new StoreException("could not read the playlists of " + userId + ": " + e.getMessage(), e);
        }
    }

    /** Records a write, replacing what was known about that person's playlist of that name. */
    public void save(Written written) {
        String update = "UPDATE media_playlist SET server_id = ?, media_type = ?, item_ids = ?, written_at = ? "
                + "WHERE user_id = ? AND name = ?";
        String insert = "INSERT INTO media_playlist (server_id, media_type, item_ids, written_at, user_id, name) "
                + "VALUES (?, ?, ?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement statement = connection.prepareStatement(update)) {
                bind(statement, written);
                if (statement.executeUpdate() > 0) {
                    return;
                }
            }
            try (PreparedStatement statement = connection.prepareStatement(insert)) {
                bind(statement, written);
                statement.executeUpdate();
            }
        } catch (SQLException e) {
            throw new StoreException("could not record playlist " + written.name() + ": " + e.getMessage(), e);
        }
    }

    /** Forgets one playlist (it was deleted on the server). */
    public void forget(String userId, String name) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM media_playlist WHERE user_id = ? AND name = ?")) {
            delete.setString(1, userId);
            delete.setString(2, name);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("could not forget playlist " + name + ": " + e.getMessage(), e);
        }
    }

    /** Forgets every playlist of one person; returns how many. */
    public int forgetUser(String userId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM media_playlist WHERE user_id = ?")) {
            delete.setString(1, userId);
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("could not forget the playlists of " + userId + ": " + e.getMessage(), e);
        }
    }

    private void bind(PreparedStatement statement, Written written) throws SQLException {
        statement.setString(1, written.serverId());
        statement.setString(2, written.mediaType());
        statement.setString(3, toJson(written.itemIds()));
        statement.setTimestamp(4, Timestamp.from(written.writtenAt()));
        statement.setString(5, written.userId());
        statement.setString(6, written.name());
    }

    private Written read(ResultSet rows) throws SQLException {
        try {
            return new Written(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                    json.readValue(rows.getString(5), STRINGS), rows.getTimestamp(6).toInstant());
        } catch (JsonProcessingException e) {
            throw new StoreException("a playlist row holds invalid JSON: " + e.getOriginalMessage(), e);
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
