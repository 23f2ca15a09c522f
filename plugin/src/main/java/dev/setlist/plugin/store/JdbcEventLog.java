package dev.setlist.plugin.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.setlist.plugin.events.DeliveryKey;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@link EventLog} on a JDBC database (table {@code event_log}). Each append is its own committed
 * transaction; with the H2 settings of {@link Database} it is written through before this returns. A delivery
 * is a duplicate when its key is stored, or, on a database that held events before dated keys (migration V65),
 * when its bare digest is ({@link DeliveryKey}).
 *
 * <p>Thread-safe.
 */
public final class JdbcEventLog implements EventLog {

    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    /** Resolved once: a writer per event would look the serializers up again each time. */
    private final ObjectWriter eventWriter;
    private final ObjectReader eventReader;
    private final Clock clock;

    /** Whether the log holds keys written before dated keys existed (migration V65), read once. */
    private final boolean undatedBefore;

    /** The setting migration V65 leaves on a database that held events before it. */
    static final String DATED_KEYS_FROM_SEQ = "event_log.dated_keys_from_seq";

    /** @throws StoreException when the database cannot be read */
    public JdbcEventLog(DataSource dataSource, ObjectMapper json, Clock clock) {
        this.dataSource = dataSource;
        this.eventWriter = json.writerFor(PlaybackEvent.class);
        this.eventReader = json.readerFor(PlaybackEvent.class);
        this.clock = clock;
        this.undatedBefore = new SettingStore(dataSource).get(DATED_KEYS_FROM_SEQ).isPresent();
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
        try {
            return appendAll(List.of(new Delivery(event, source, deliveryKey, rawBody, personId))).get(0);
        } catch (StoreException e) {
            // Stored by another transaction between the look-up and the insert: the unique index refused it.
            if (e.getCause() instanceof SQLException cause && isUniqueViolation(cause)) {
                OptionalLong stored = find(deliveryKey);
                if (stored.isPresent()) {
                    return new Appended(stored.getAsLong(), true);
                }
            }
            throw new StoreException("could not append a " + event.type().wireName() + " event: "
                    + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Whether the database refused a row for its unique key (a batch reports it on a chained exception). */
    private static boolean isUniqueViolation(SQLException error) {
        for (SQLException e = error; e != null; e = e.getNextException()) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())
                    || e.getCause() instanceof SQLException cause && UNIQUE_VIOLATION.equals(cause.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<Appended> appendAll(List<Delivery> deliveries) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Map<String, Long> seqByKey = storedSeqs(connection, deliveries, undatedBefore);
                Set<String> taken = new HashSet<>(seqByKey.keySet());
                List<Delivery> fresh = new ArrayList<>();
                for (Delivery delivery : deliveries) {
                    if (taken.add(delivery.deliveryKey())) {
                        fresh.add(delivery);
                    }
                }
                try (PreparedStatement insert = connection.prepareStatement(INSERT, GENERATED_SEQ)) {
                    Timestamp receivedAt = Timestamp.from(clock.instant());
                    for (Delivery delivery : fresh) {
                        bind(insert, delivery, delivery.personId(), receivedAt);
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
        try (Connection connection = dataSource.getConnection()) {
            Long seq = storedSeqs(connection, List.of(new Delivery(null, null, deliveryKey, null)), undatedBefore)
                    .get(deliveryKey);
            return seq == null ? OptionalLong.empty() : OptionalLong.of(seq);
        } catch (SQLException e) {
            throw new StoreException("could not look up a delivery: " + e.getMessage(), e);
        }
    }

    /** Keys looked up in one query at most; batches are split into queries of this many. */
    private static final int LOOKUP_CHUNK = 64;

    /**
     * The sequence numbers of the deliveries already stored, by key: one {@code IN} query per
     * {@value #LOOKUP_CHUNK} keys instead of one query per key. The list of parameters is padded (by repeating
     * the last key) to a power of two, so that only a handful of statements are ever prepared and the
     * connections' statement caches keep them. When the log holds keys from before dated keys
     * ({@code undatedBefore}), a dated key is also looked up by its bare digest, the key the same delivery was
     * stored under then ({@link DeliveryKey}).
     */
    private static Map<String, Long> storedSeqs(Connection connection, List<Delivery> deliveries, boolean undatedBefore)
            throws SQLException {
        Set<String> wanted = new LinkedHashSet<>();
        for (Delivery delivery : deliveries) {
            wanted.add(delivery.deliveryKey());
            if (undatedBefore) {
                wanted.add(DeliveryKey.digestOf(delivery.deliveryKey()));
            }
        }
        List<String> keys = List.copyOf(wanted);
        // A CHAR column (before V65) came back padded to its length: keys are matched without trailing blanks.
        Map<String, Long> found = new HashMap<>();
        for (int from = 0; from < keys.size(); from += LOOKUP_CHUNK) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + LOOKUP_CHUNK));
            int slots = Integer.highestOneBit(chunk.size() * 2 - 1);
            try (PreparedStatement query = connection.prepareStatement(lookupSql(slots))) {
                for (int slot = 0; slot < slots; slot++) {
                    query.setString(slot + 1, chunk.get(Math.min(slot, chunk.size() - 1)));
                }
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        found.put(rows.getString(1).stripTrailing(), rows.getLong(2));
                    }
                }
            }
        }
        Map<String, Long> seqs = new HashMap<>();
        for (Delivery delivery : deliveries) {
            String key = delivery.deliveryKey();
            Long seq = found.get(key.stripTrailing());
            if (seq == null && undatedBefore) {
                seq = found.get(DeliveryKey.digestOf(key).stripTrailing());
            }
            if (seq != null) {
                seqs.put(key, seq);
            }
        }
        return seqs;
    }

    private static final String[] LOOKUP_SQL = new String[LOOKUP_CHUNK + 1];

    private static String lookupSql(int slots) {
        String sql = LOOKUP_SQL[slots];
        if (sql == null) {
            StringBuilder in = new StringBuilder("SELECT delivery_key, seq FROM event_log WHERE delivery_key IN (?");
            in.append(", ?".repeat(slots - 1)).append(')');
            sql = in.toString();
            LOOKUP_SQL[slots] = sql;
        }
        return sql;
    }

    private void bind(PreparedStatement insert, Delivery delivery, String personId, Timestamp receivedAt)
            throws SQLException {
        PlaybackEvent event = delivery.event();
        insert.setTimestamp(1, receivedAt);
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
            PlaybackEvent event = eventReader.readValue(rows.getString(4));
            String personId = rows.getString(5);
            return new StoredEvent(rows.getLong(1), rows.getTimestamp(2).toInstant(), rows.getString(3),
                    personId == null ? event : event.attributedTo(personId));
        } catch (JsonProcessingException e) {
            throw new StoreException("event " + rows.getLong(1) + " in the log cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    private String toJson(PlaybackEvent event) {
        try {
            return eventWriter.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a PlaybackEvent must always serialize", e);
        }
    }
}
