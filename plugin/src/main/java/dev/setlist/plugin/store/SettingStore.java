package dev.setlist.plugin.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Small named values Setlist keeps for itself (table {@code setting}): the admin key's hash, the
 * generated webhook secret, whether the demo library was loaded.
 *
 * <p>Thread-safe.
 */
public final class SettingStore {

    private final DataSource dataSource;

    public SettingStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<String> get(String name) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT setting_value FROM setting WHERE setting_name = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("could not read setting " + name + ": " + e.getMessage(), e);
        }
    }

    /** Stores a value, replacing any before (an update, then an insert when there was none: portable SQL). */
    public void put(String name, String value) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE setting SET setting_value = ? WHERE setting_name = ?")) {
                update.setString(1, value);
                update.setString(2, name);
                if (update.executeUpdate() > 0) {
                    return;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO setting (setting_name, setting_value) VALUES (?, ?)")) {
                insert.setString(1, name);
                insert.setString(2, value);
                insert.executeUpdate();
            } catch (SQLException e) {
                if (!"23505".equals(e.getSQLState())) {
                    throw e;
                }
                put(name, value);
            }
        } catch (SQLException e) {
            throw new StoreException("could not store setting " + name + ": " + e.getMessage(), e);
        }
    }

    /** Removes a value; returns whether it was there. */
    public boolean remove(String name) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM setting WHERE setting_name = ?")) {
            delete.setString(1, name);
            return delete.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new StoreException("could not remove setting " + name + ": " + e.getMessage(), e);
        }
    }
}
