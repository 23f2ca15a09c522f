package dev.setlist.plugin.store;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class H2ConnectionPoolTest {

    private static final String SELECT = "SELECT v FROM t WHERE id = ?";

    private H2ConnectionPool pool;

    @BeforeEach
    void open() throws SQLException {
        pool = new H2ConnectionPool("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=16",
                "sa", "", 2, Duration.ofMillis(200));
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t(id INT PRIMARY KEY, v VARCHAR(10))");
        }
    }

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void aSessionKeepsItsParsedStatementsFromOneBorrowerToTheNext() throws Exception {
        try (Connection connection = pool.getConnection()) {
            connection.prepareStatement(SELECT).close();
            assertThat(cachedStatements(connection)).contains(SELECT);
        }
        try (Connection connection = pool.getConnection()) {
            // H2's own pool rolled back here, which empties the cache: the next request parsed everything again.
            assertThat(cachedStatements(connection)).contains(SELECT);
        }
    }

    @Test
    void uncommittedWorkIsRolledBackWhenGivenBackAndAutoCommitRestored() throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("INSERT INTO t VALUES (1, 'lost')");
        }
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            assertThat(connection.getAutoCommit()).isTrue();
            connection.setAutoCommit(false);
            statement.execute("INSERT INTO t VALUES (2, 'kept')");
            connection.commit();
        }
        assertThat(values()).isEqualTo("kept");
    }

    @Test
    void aHandleGivenBackCannotBeUsedAndClosingItTwiceIsHarmless() throws SQLException {
        Connection connection = pool.getConnection();
        connection.close();
        connection.close();

        assertThat(connection.isClosed()).isTrue();
        assertThatThrownBy(connection::createStatement).isInstanceOf(SQLException.class).hasMessageContaining("closed");
        assertThat(pool.idleCount()).isEqualTo(1);
    }

    @Test
    void atMostSizeAreOutAndABorrowerWaitsForOneToComeBack() throws SQLException {
        Connection first = pool.getConnection();
        Connection second = pool.getConnection();

        assertThatThrownBy(pool::getConnection).isInstanceOf(SQLTransientConnectionException.class)
                .hasMessageContaining("200 ms");

        first.close();
        try (Connection third = pool.getConnection()) {
            assertThat(third.isValid(1)).isTrue();
        }
        second.close();
    }

    @Test
    void aConnectionThatBrokeIsDiscardedNotReused() throws SQLException {
        Connection connection = pool.getConnection();
        connection.unwrap(JdbcConnection.class).close();
        connection.close();

        assertThat(pool.idleCount()).isZero();
        try (Connection fresh = pool.getConnection()) {
            assertThat(fresh.isValid(1)).isTrue();
        }
        assertThat(pool.idleCount()).isEqualTo(1);
    }

    @Test
    void aClosedPoolRefusesBorrowersAndClosesWhatComesBack() throws SQLException {
        Connection out = pool.getConnection();
        JdbcConnection physical = out.unwrap(JdbcConnection.class);
        pool.close();

        assertThatThrownBy(pool::getConnection).isInstanceOf(SQLException.class).hasMessageContaining("closed");
        out.close();
        assertThat(physical.isClosed()).isTrue();
        assertThat(pool.idleCount()).isZero();
    }

    private String values() throws SQLException {
        StringBuilder result = new StringBuilder();
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT v FROM t ORDER BY id")) {
            while (rows.next()) {
                result.append(result.length() == 0 ? "" : ",").append(rows.getString(1));
            }
        }
        return result.toString();
    }

    /** The SQL texts the connection's H2 session holds parsed (its private statement cache, read reflectively). */
    private static java.util.Set<Object> cachedStatements(Connection connection) throws Exception {
        SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
        java.lang.reflect.Field field = SessionLocal.class.getDeclaredField("queryCache");
        field.setAccessible(true);
        Map<?, ?> cache = (Map<?, ?>) field.get(session);
        return cache == null ? java.util.Set.of() : new java.util.HashSet<>(cache.keySet());
    }
}
