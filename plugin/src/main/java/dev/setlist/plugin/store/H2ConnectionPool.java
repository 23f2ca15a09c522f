package dev.setlist.plugin.store;

import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * A pool of H2 connections that keeps each session's parsed statements from one borrower to the next.
 *
 * <p>H2's own {@code JdbcConnectionPool} rolls back every connection given back, and a rollback empties the
 * session's statement cache ({@code QUERY_CACHE_SIZE}), even when there was nothing to roll back: every request
 * parsed each of its statements again (measured: a fifth of a playlist's database time was H2's parser). Here a
 * connection given back is rolled back only when it holds uncommitted work, and put back in auto-commit.
 *
 * <p>A borrower gets a handle: closing it gives the connection back (once; later calls on the handle fail), and
 * everything else goes to the connection. At most {@code size} connections are out at once; a borrower waits up
 * to the timeout for one. Idle connections are reused most recent first, so the busiest sessions stay warm. A
 * connection that fails while being given back is closed instead of reused.
 *
 * <p>Thread-safe.
 */
final class H2ConnectionPool implements DataSource, AutoCloseable {

    private final JdbcDataSource physical;
    private final Semaphore permits;
    private final Deque<JdbcConnection> idle = new ConcurrentLinkedDeque<>();
    private final Duration timeout;
    private volatile boolean closed;

    /**
     * @param size    the most connections out at once
     * @param timeout how long a borrower waits for one when all are out
     */
    H2ConnectionPool(String url, String user, String password, int size, Duration timeout) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be at least 1, was " + size);
        }
        this.physical = new JdbcDataSource();
        physical.setURL(url);
        physical.setUser(user);
        physical.setPassword(password);
        this.permits = new Semaphore(size, true);
        this.timeout = timeout;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (closed) {
            throw new SQLException("the connection pool is closed");
        }
        try {
            if (!permits.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new SQLTransientConnectionException("no database connection came free within "
                        + timeout.toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a database connection", e);
        }
        try {
            JdbcConnection connection = idle.pollFirst();
            while (connection != null && connection.isClosed()) {
                connection = idle.pollFirst();
            }
            if (connection == null) {
                connection = (JdbcConnection) physical.getConnection();
            }
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, new Handle(connection));
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /** Connections idle in the pool now (for tests and health). */
    int idleCount() {
        return idle.size();
    }

    @Override
    public void close() {
        closed = true;
        for (JdbcConnection connection = idle.pollFirst(); connection != null; connection = idle.pollFirst()) {
            closeQuietly(connection);
        }
    }

    private void giveBack(JdbcConnection connection) {
        try {
            if (!connection.getAutoCommit()) {
                if (connection.getSession().hasPendingTransaction()) {
                    connection.rollback();
                }
                connection.setAutoCommit(true);
            }
            if (closed) {
                closeQuietly(connection);
            } else {
                idle.offerFirst(connection);
            }
        } catch (SQLException | RuntimeException broken) {
            closeQuietly(connection);
        } finally {
            permits.release();
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Discarded either way.
        }
    }

    /** One borrower's view of a connection: {@code close} gives it back, once. */
    private final class Handle implements InvocationHandler {
        private final JdbcConnection connection;
        private boolean givenBack;

        Handle(JdbcConnection connection) {
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "close" -> {
                    synchronized (this) {
                        if (!givenBack) {
                            givenBack = true;
                            giveBack(connection);
                        }
                    }
                    return null;
                }
                case "isClosed" -> {
                    synchronized (this) {
                        return givenBack || connection.isClosed();
                    }
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "toString" -> {
                    return "pooled " + connection;
                }
                default -> {
                    synchronized (this) {
                        if (givenBack) {
                            throw new SQLException("this connection was closed (given back to the pool)");
                        }
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }
            }
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the pool's connections all use the configured user");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // Nothing is logged through JDBC's log writer.
    }

    @Override
    public void setLoginTimeout(int seconds) {
        physical.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() {
        return physical.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no java.util.logging parent");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper for " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
