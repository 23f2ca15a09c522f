package dev.setlist.plugin.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A summary of every playlist served over the API (table {@code served_playlist}): when, of what kind,
 * how diverse, how many wildcards. What the diversity and exploration charts are drawn from.
 *
 * <p>Thread-safe.
 */
public final class ServedPlaylistStore {

    /**
     * One served playlist, summarised.
     *
     * @param personId    who it was served to
     * @param servedAt    when
     * @param kind        {@code playlist}, {@code remainder}, {@code journey} or {@code together}
     * @param media       video or music
     * @param mode        the mode it was made in
     * @param items       how many items it held
     * @param diversity   its intra-list diversity, 0 (all alike) to 1 (nothing shared)
     * @param genres      how many distinct genres it held
     * @param wildcards   how many of its items were wildcards
     * @param exploration the exploration rate it was made with
     */
    public record Served(String personId, Instant servedAt, String kind, String media, String mode, int items,
                         double diversity, int genres, int wildcards, double exploration) {
        public Served {
            Objects.requireNonNull(personId, "personId");
            Objects.requireNonNull(servedAt, "servedAt");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(media, "media");
            Objects.requireNonNull(mode, "mode");
        }
    }

    private final DataSource dataSource;

    public ServedPlaylistStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores summaries in one transaction. */
    public void addAll(List<Served> served) {
        String sql = "INSERT INTO served_playlist (person_id, served_at, kind, media, mode, items, diversity, genres, "
                + "wildcards, exploration) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                for (Served one : served) {
                    insert.setString(1, one.personId());
                    insert.setTimestamp(2, Timestamp.from(one.servedAt()));
                    insert.setString(3, one.kind());
                    insert.setString(4, one.media());
                    insert.setString(5, one.mode());
                    insert.setInt(6, one.items());
                    insert.setDouble(7, one.diversity());
                    insert.setInt(8, one.genres());
                    insert.setInt(9, one.wildcards());
                    insert.setDouble(10, one.exploration());
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("could not store " + served.size() + " served playlists: " + e.getMessage(), e);
        }
    }

    /** What was served to the person at or after {@code since}, oldest first. */
    public List<Served> servedTo(String personId, Instant since) {
        String sql = "SELECT person_id, served_at, kind, media, mode, items, diversity, genres, wildcards, exploration "
                + "FROM served_playlist WHERE person_id = ? AND served_at >= ? ORDER BY served_at, id";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, personId);
            query.setTimestamp(2, Timestamp.from(since));
            List<Served> served = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    served.add(new Served(rows.getString(1), rows.getTimestamp(2).toInstant(), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getInt(6), rows.getDouble(7), rows.getInt(8),
                            rows.getInt(9), rows.getDouble(10)));
                }
            }
            return served;
        } catch (SQLException e) {
            throw new StoreException("could not read the playlists served to " + personId + ": " + e.getMessage(), e);
        }
    }

    /** Forgets what was served to the person (their data was deleted); returns how many rows went. */
    public int forget(String personId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM served_playlist WHERE person_id = ?")) {
            delete.setString(1, personId);
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("could not delete the playlists served to " + personId + ": " + e.getMessage(), e);
        }
    }
}
