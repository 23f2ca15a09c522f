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

    /** Inserts or replaces the given items in one transaction. */
    public void upsert(Collection<ItemProfile> items) {
        String sql = "MERGE INTO catalog_item (id, kind, title, genres, tags, people, studio, production_year, "
                + "runtime_seconds, series_id, series_name, season, episode, artist, album, parental_rating, added_at) "
                + "KEY (id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement merge = connection.prepareStatement(sql)) {
                for (ItemProfile item : items) {
                    int column = 1;
                    merge.setString(column++, item.id());
                    merge.setString(column++, item.kind().name());
                    merge.setString(column++, item.title());
                    merge.setString(column++, toJson(item.genres()));
                    merge.setString(column++, toJson(item.tags()));
                    merge.setString(column++, toJson(item.people()));
                    merge.setString(column++, item.studio());
                    if (item.year() == null) {
                        merge.setNull(column++, Types.INTEGER);
                    } else {
                        merge.setInt(column++, item.year());
                    }
                    merge.setInt(column++, item.runtimeSeconds());
                    merge.setString(column++, item.seriesId());
                    merge.setString(column++, item.seriesName());
                    merge.setInt(column++, item.season());
                    merge.setInt(column++, item.episode());
                    merge.setString(column++, item.artist());
                    merge.setString(column++, item.album());
                    merge.setString(column++, item.parentalRating());
                    merge.setTimestamp(column, Timestamp.from(item.added()));
                    merge.addBatch();
                }
                merge.executeBatch();
            }
            connection.commit();
        } catch (SQLException e) {
            throw new StoreException("could not store " + items.size() + " catalog items: " + e.getMessage(), e);
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
