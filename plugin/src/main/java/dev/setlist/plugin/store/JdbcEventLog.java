package dev.setlist.plugin.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.setlist.plugin.events.EventType;
import dev.setlist.plugin.events.PlaybackEvent;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@link EventLog} on a JDBC database (table {@code event_log}). Each append is its own committed
 * transaction; with the H2 settings of {@link Database} it is written through before this returns.
 *
 * <p>Thread-safe.
 */
public final class JdbcEventLog implements EventLog {

    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final Clock clock;

    public JdbcEventLog(DataSource dataSource, ObjectMapper json, Clock clock) {
        this.dataSource = dataSource;
        this.json = json;
        this.clock = clock;
    }

    /** Named, not RETURN_GENERATED_KEYS: PostgreSQL would return every column. */
    private static final String[] GENERATED_SEQ = {"seq"};

    private static final String INSERT = "INSERT INTO event_log (received_at, occurred_at, source, delivery_key, "
            + "event_type, user_id, item_id, event_json, raw_body, person_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @Override
    public Appended append(PlaybackEvent event, String source, String deliveryKey, String rawBody) {
        return appendAttributed(event, null, source, deliveryKey, rawBody);
    }

    @Override
    public Appended appendAttributed(PlaybackEvent event, String personId, String source, String deliveryKey,
                                     String rawBody) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT, GENERATED_SEQ)) {
            bind(insert, new Delivery(event, source, deliveryKey, rawBody), personId);
            try {
                insert.executeUpdate();
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    return new Appended(seqOf(connection, deliveryKey), true);
                }
                throw e;
            }
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return new Appended(keys.getLong(1), false);
            }
        } catch (SQLException e) {
            throw new StoreException("could not append a " + event.type().wireName() + " event: " + e.getMessage(), e);
        }
    }

    @Override
    public List<Appended> appendAll(List<Delivery> deliveries) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Map<String, Long> seqByKey = storedSeqs(connection, deliveries);
                Set<String> taken = new HashSet<>(seqByKey.keySet());
                List<Delivery> fresh = new ArrayList<>();
                for (Delivery delivery : deliveries) {
                    if (taken.add(delivery.deliveryKey())) {
                        fresh.add(delivery);
                    }
                }
                try (PreparedStatement insert = connection.prepareStatement(INSERT, GENERATED_SEQ)) {
                    for (Delivery delivery : fresh) {
                        bind(insert, delivery, delivery.personId());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    try (ResultSet generated = insert.getGeneratedKeys()) {
                        for (Delivery delivery : fresh) {
                            if (!generated.next()) {
                                throw new SQLException("the driver returned fewer generated keys than rows inserted");
                            }
                            seqByKey.put(delivery.deliveryKey(), generated.getLong(1));
                        }
                    }
                }
                connection.commit();
                Set<String> firstSeen = new HashSet<>();
                fresh.forEach(delivery -> firstSeen.add(delivery.deliveryKey()));
                List<Appended> results = new ArrayList<>(deliveries.size());
                for (Delivery delivery : deliveries) {
                    boolean isNew = firstSeen.remove(delivery.deliveryKey());
                    results.add(new Appended(seqByKey.get(delivery.deliveryKey()), !isNew));
                }
                return results;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("could not append " + deliveries.size() + " events: " + e.getMessage(), e);
        }
    }

    @Override
    public OptionalLong find(String deliveryKey) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT seq FROM event_log WHERE delivery_key = ?")) {
            query.setString(1, deliveryKey);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("could not look up a delivery: " + e.getMessage(), e);
        }
    }

    private static Map<String, Long> storedSeqs(Connection connection, List<Delivery> deliveries) throws SQLException {
        Map<String, Long> seqs = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT seq FROM event_log WHERE delivery_key = ?")) {
            for (Delivery delivery : deliveries) {
                query.setString(1, delivery.deliveryKey());
                try (ResultSet rows = query.executeQuery()) {
                    if (rows.next()) {
                        seqs.put(delivery.deliveryKey(), rows.getLong(1));
                    }
                }
            }
        }
        return seqs;
    }

    private void bind(PreparedStatement insert, Delivery delivery, String personId) throws SQLException {
        PlaybackEvent event = delivery.event();
        insert.setTimestamp(1, Timestamp.from(clock.instant()));
        insert.setTimestamp(2, Timestamp.from(event.occurredAt()));
        insert.setString(3, delivery.source());
        insert.setString(4, delivery.deliveryKey());
        insert.setString(5, event.type().name());
        insert.setString(6, event.userId());
        insert.setString(7, event.itemId());
        insert.setString(8, toJson(event));
        insert.setString(9, delivery.rawBody());
        insert.setString(10, personId);
    }

    private static long seqOf(Connection connection, String deliveryKey) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT seq FROM event_log WHERE delivery_key = ?")) {
            query.setString(1, deliveryKey);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @Override
    public long count() {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM event_log")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("could not count events: " + e.getMessage(), e);
        }
    }

    @Override
    public void replay(long afterSeq, Consumer<StoredEvent> consumer) {
        String sql = "SELECT seq, received_at, source, event_json, person_id FROM event_log WHERE seq > ? ORDER BY seq";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, afterSeq);
            query.setFetchSize(1000);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    consumer.accept(read(rows));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("could not read the event log: " + e.getMessage(), e);
        }
    }

    @Override
    public List<StoredEvent> forUser(String userId) {
        String sql = "SELECT seq, received_at, source, event_json, person_id FROM event_log WHERE user_id = ? ORDER BY seq";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, userId);
            return readAll(query);
        } catch (SQLException e) {
            throw new StoreException("could not read the events of " + userId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<StoredEvent> forPerson(String personId, Instant since, EventType type) {
        // An event is this person's when it was attributed to them, or sent by them with no attribution.
        String sql = "SELECT seq, received_at, source, event_json, person_id FROM event_log "
                + "WHERE (person_id = ? OR (user_id = ? AND person_id IS NULL)) AND event_type = ? AND occurred_at >= ? "
                + "ORDER BY seq";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, personId);
            query.setString(2, personId);
            query.setString(3, type.name());
            query.setTimestamp(4, Timestamp.from(since));
            return readAll(query);
        } catch (SQLException e) {
            throw new StoreException("could not read the events of " + personId + ": " + e.getMessage(), e);
        }
    }

    private List<StoredEvent> readAll(PreparedStatement query) throws SQLException {
        List<StoredEvent> events = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                events.add(read(rows));
            }
        }
        return events;
    }

    @Override
    public long deleteUser(String userId) {
        // An account's events include those its profiles watched; a profile's are those attributed to it.
        String sql = "DELETE FROM event_log WHERE user_id = ? OR person_id = ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(sql)) {
            delete.setString(1, userId);
            delete.setString(2, userId);
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("could not delete the events of " + userId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public long deletePerson(String personId) {
        // The same ownership as forPerson: attributed to them, or sent by them with no attribution.
        String sql = "DELETE FROM event_log WHERE person_id = ? OR (user_id = ? AND person_id IS NULL)";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(sql)) {
            delete.setString(1, personId);
            delete.setString(2, personId);
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("could not delete the events of " + personId + ": " + e.getMessage(), e);
        }
    }

    private StoredEvent read(ResultSet rows) throws SQLException {
        try {
            PlaybackEvent event = json.readValue(rows.getString(4), PlaybackEvent.class);
            String personId = rows.getString(5);
            return new StoredEvent(rows.getLong(1), rows.getTimestamp(2).toInstant(), rows.getString(3),
                    personId == null ? event : event.attributedTo(personId));
        } catch (JsonProcessingException e) {
            throw new StoreException("event " + rows.getLong(1) + " in the log cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    private String toJson(PlaybackEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a PlaybackEvent must always serialize", e);
        }
    }
}
