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

    public void put(String name, String value) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement merge = connection.prepareStatement("MERGE INTO setting (setting_name, setting_value) KEY (setting_name) VALUES (?, ?)")) {
            merge.setString(1, name);
            merge.setString(2, value);
            merge.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("could not store setting " + name + ": " + e.getMessage(), e);
        }
    }
}
