package dev.setlist.plugin.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.setlist.scorer.catalog.ItemProfile;
import dev.setlist.scorer.catalog.ItemProfile.ItemKind;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The catalog as the media server describes it (table {@code catalog_item}).
 *
 * <p>Thread-safe.
 */
public final class CatalogStore {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final DataSource dataSource;
    private final ObjectMapper json;

    public CatalogStore(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    private static final String COLUMNS = "kind, title, genres, tags, people, studio, production_year, runtime_seconds, "
            + "series_id, series_name, season, episode, artist, album, parental_rating, added_at";

    /**
     * Inserts or replaces the given items in one transaction: an update of each, then an insert of those
     * that were not there (portable SQL: H2 and PostgreSQL alike).
     */
    public void upsert(Collection<ItemProfile> items) {
        String update = "UPDATE catalog_item SET " + COLUMNS.replace(",", " = ?,") + " = ? WHERE id = ?";
        String insert = "INSERT INTO catalog_item (" + COLUMNS + ", id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        List<ItemProfile> ordered = List.copyOf(items);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int[] updated;
                try (PreparedStatement statement = connection.prepareStatement(update)) {
                    for (ItemProfile item : ordered) {
                        bind(statement, item);
                        statement.addBatch();
                    }
                    updated = statement.executeBatch();
                }
                try (PreparedStatement statement = connection.prepareStatement(insert)) {
                    boolean any = false;
                    for (int i = 0; i < ordered.size(); i++) {
                        if (updated[i] == 0) {
                            bind(statement, ordered.get(i));
                            statement.addBatch();
                            any = true;
                        }
                    }
                    if (any) {
                        statement.executeBatch();
                    }
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("could not store " + items.size() + " catalog items: " + e.getMessage(), e);
        }
    }

    /** Binds the columns in {@link #COLUMNS} order, then the id. */
    private void bind(PreparedStatement statement, ItemProfile item) throws SQLException {
        int column = 1;
        statement.setString(column++, item.kind().name());
        statement.setString(column++, item.title());
        statement.setString(column++, toJson(item.genres()));
        statement.setString(column++, toJson(item.tags()));
        statement.setString(column++, toJson(item.people()));
        statement.setString(column++, item.studio());
        if (item.year() == null) {
            statement.setNull(column++, Types.INTEGER);
        } else {
            statement.setInt(column++, item.year());
        }
        statement.setInt(column++, item.runtimeSeconds());
        statement.setString(column++, item.seriesId());
        statement.setString(column++, item.seriesName());
        statement.setInt(column++, item.season());
        statement.setInt(column++, item.episode());
        statement.setString(column++, item.artist());
        statement.setString(column++, item.album());
        statement.setString(column++, item.parentalRating());
        statement.setTimestamp(column++, Timestamp.from(item.added()));
        statement.setString(column, item.id());
    }

    /** Removes items (for example deleted on the server); returns how many were there. */
    public int delete(Collection<String> ids) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("DELETE FROM catalog_item WHERE id = ?")) {
            for (String id : ids) {
                statement.setString(1, id);
                statement.addBatch();
            }
            int removed = 0;
            for (int count : statement.executeBatch()) {
                removed += Math.max(0, count);
            }
            return removed;
        } catch (SQLException e) {
            throw new StoreException("could not delete " + ids.size() + " catalog items: " + e.getMessage(), e);
        }
    }

    /** Every item, in id order. */
    public List<ItemProfile> all() {
        String sql = "SELECT id, kind, title, genres, tags, people, studio, production_year, runtime_seconds, series_id, "
                + "series_name, season, episode, artist, album, parental_rating, added_at FROM catalog_item ORDER BY id";
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<ItemProfile> items = new ArrayList<>();
            while (rows.next()) {
                int year = rows.getInt(8);
                Integer productionYear = rows.wasNull() ? null : year;
                items.add(new ItemProfile(
                        rows.getString(1), ItemKind.valueOf(rows.getString(2)), rows.getString(3),
                        fromJson(rows.getString(4)), fromJson(rows.getString(5)), fromJson(rows.getString(6)),
                        rows.getString(7), productionYear, rows.getInt(9), rows.getString(10), rows.getString(11),
                        rows.getInt(12), rows.getInt(13), rows.getString(14), rows.getString(15), rows.getString(16),
                        rows.getTimestamp(17).toInstant()));
            }
            return items;
        } catch (SQLException e) {
            throw new StoreException("could not read the catalog: " + e.getMessage(), e);
        }
    }

    /** Number of items. */
    public int count() {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM catalog_item")) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new StoreException("could not count the catalog: " + e.getMessage(), e);
        }
    }

    private String toJson(List<String> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings must always serialize", e);
        }
    }

    private List<String> fromJson(String text) {
        try {
            return json.readValue(text, STRINGS);
        } catch (JsonProcessingException e) {
            throw new StoreException("a catalog row holds invalid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
