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

/**
 * Taste resets that kept the history (table {@code taste_reset}): per person, the event-log sequence number
 * after which their taste starts again, and when.
 *
 * <p>Thread-safe.
 */
public final class TasteResetStore {

    /** One person's fresh start: their taste is folded from events with a sequence number above {@code afterSeq}. */
    public record Reset(String personId, long afterSeq, Instant at) {
    }

    private final DataSource dataSource;

    public TasteResetStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every reset, in no particular order. */
    public List<Reset> all() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT person_id, after_seq, reset_at FROM taste_reset");
             ResultSet rows = query.executeQuery()) {
            List<Reset> resets = new ArrayList<>();
            while (rows.next()) {
                resets.add(new Reset(rows.getString(1), rows.getLong(2), rows.getTimestamp(3).toInstant()));
            }
            return resets;
        } catch (SQLException e) {
            throw new StoreException("could not read the taste resets: " + e.getMessage(), e);
        }
    }

    /** Records a reset, replacing an earlier one of the same person (portable: a delete, then an insert). */
    public void save(Reset reset) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM taste_reset WHERE person_id = ?");
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO taste_reset (person_id, after_seq, reset_at) VALUES (?, ?, ?)")) {
                delete.setString(1, reset.personId());
                delete.executeUpdate();
                insert.setString(1, reset.personId());
                insert.setLong(2, reset.afterSeq());
                insert.setTimestamp(3, Timestamp.from(reset.at()));
                insert.executeUpdate();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("could not record the taste reset of " + reset.personId() + ": " + e.getMessage(), e);
        }
    }

    /** Forgets a person's reset (their history is gone, so there is nothing before it to leave out). */
    public boolean forget(String personId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM taste_reset WHERE person_id = ?")) {
            delete.setString(1, personId);
            return delete.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new StoreException("could not forget the taste reset of " + personId + ": " + e.getMessage(), e);
        }
    }
}
