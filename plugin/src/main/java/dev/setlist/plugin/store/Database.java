package dev.setlist.plugin.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

import javax.sql.DataSource;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The database every store shares: an embedded H2 file in the data folder by default, or PostgreSQL
 * (or another H2) by a JDBC URL in the configuration, with the schema brought up to date by ordered
 * Flyway migrations ({@code db/migration/V*__*.sql}) on open. The migrations and every store's SQL are
 * portable between the two: no H2-only {@code MERGE ... KEY}, no PostgreSQL-only {@code ON CONFLICT}.
 *
 * <p>Thread-safe. One per process; {@link #close()} releases the file or the connections.
 */
public final class Database implements AutoCloseable {

    /** Parsed statements each H2 session keeps (Setlist runs fewer than a hundred distinct ones). */
    static final int QUERY_CACHE_SIZE = 128;

    /** Connections out at once, at most (the request threads, the event writer, the trainer, the CLI). */
    static final int POOL_SIZE = 32;
    /** How long a borrower waits for a connection when all are out. */
    static final Duration POOL_TIMEOUT = Duration.ofSeconds(30);

    private final DataSource dataSource;
    private final Runnable dispose;
    private final String description;
    private final boolean embeddedH2;

    private Database(DataSource dataSource, Runnable dispose, String description, boolean embeddedH2) {
        this.dataSource = dataSource;
        this.dispose = dispose;
        this.description = description;
        this.embeddedH2 = embeddedH2;
    }

    /**
     * Opens the database at a JDBC URL ({@code jdbc:postgresql://...} or {@code jdbc:h2:...}) and migrates it.
     *
     * @param user     the user, or empty to take it from the URL
     * @param password the password, or empty to take it from the URL
     * @throws StoreException when the URL names another kind of database, or it cannot be reached
     */
    public static Database openJdbc(String url, String user, String password) {
        if (url.startsWith("jdbc:h2:")) {
            return open(h2Pool(withStatementCache(url), user.isEmpty() ? "setlist" : user, password),
                    "H2 " + url.substring("jdbc:h2:".length()).split(";")[0], !url.startsWith("jdbc:h2:tcp:"));
        }
        if (url.startsWith("jdbc:postgresql:")) {
            PGConnectionPoolDataSource postgres = new PGConnectionPoolDataSource();
            postgres.setURL(url);
            if (!user.isEmpty()) {
                postgres.setUser(user);
            }
            if (!password.isEmpty()) {
                postgres.setPassword(password);
            }
            JdbcConnectionPool pool = JdbcConnectionPool.create(postgres);
            pool.setMaxConnections(POOL_SIZE);
            pool.setLoginTimeout((int) POOL_TIMEOUT.toSeconds());
            return open(pool, pool::dispose, "PostgreSQL " + withoutCredentials(url), false);
        }
        throw new StoreException("database.url must start with jdbc:postgresql: or jdbc:h2:, was '"
                + withoutCredentials(url) + "'", null);
    }

    /** The URL without its query (where a password may be), for health and logs. */
    private static String withoutCredentials(String url) {
        int query = url.indexOf('?');
        String bare = query < 0 ? url : url.substring(0, query);
        try {
            URI uri = URI.create(bare.substring("jdbc:".length()));
            if (uri.getUserInfo() != null) {
                return bare.replace(uri.getUserInfo() + "@", "");
            }
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException notAUri) {
            // Not URI-shaped: nothing to strip.
        }
        return bare;
    }

    /**
     * Opens (creating when absent) the H2 database {@code setlist.mv.db} in {@code dataFolder} and
     * migrates it. {@code WRITE_DELAY=0} writes every commit through at once, so an acknowledged event
     * survives the process being killed. {@code QUERY_CACHE_SIZE} keeps each pooled session's parsed
     * statements (H2's default of eight is fewer than the distinct statements one playlist request runs), and
     * {@link H2ConnectionPool} keeps them from one borrower to the next.
     *
     * @throws StoreException when the file is locked by another process or cannot be opened
     */
    public static Database openH2(Path dataFolder) {
        String url = "jdbc:h2:file:" + dataFolder.toAbsolutePath().resolve("setlist")
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
        return open(h2Pool(withStatementCache(url), "setlist", ""),
                "H2 " + dataFolder.toAbsolutePath().resolve("setlist.mv.db"), true);
    }

    /** Opens a private in-memory H2 database (for commands that must not touch a data folder). */
    public static Database openInMemory(String name) {
        return open(h2Pool(withStatementCache("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1"), "setlist", ""),
                "H2 in memory", true);
    }

    /**
     * An embedded H2 URL with {@code QUERY_CACHE_SIZE} set, unless it sets its own; a server URL
     * ({@code jdbc:h2:tcp:}, {@code jdbc:h2:ssl:}) unchanged, since the server opened that database with
     * its own settings.
     */
    static String withStatementCache(String url) {
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("jdbc:h2:tcp:") || lower.startsWith("jdbc:h2:ssl:")
                || lower.contains(";query_cache_size=")) {
            return url;
        }
        return url + ";QUERY_CACHE_SIZE=" + QUERY_CACHE_SIZE;
    }

    private static H2ConnectionPool h2Pool(String url, String user, String password) {
        return new H2ConnectionPool(url, user, password, POOL_SIZE, POOL_TIMEOUT);
    }

    private static Database open(H2ConnectionPool pool, String description, boolean embeddedH2) {
        return open(pool, pool::close, description, embeddedH2);
    }

    private static Database open(DataSource pool, Runnable dispose, String description, boolean embeddedH2) {
        try (Connection probe = pool.getConnection()) {
            probe.isValid(1);
        } catch (SQLException e) {
            dispose.run();
            throw new StoreException("cannot open the database (" + description + "): " + firstLine(e.getMessage()), e);
        }
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            dispose.run();
            throw new StoreException("cannot bring the database schema up to date (" + description + "): "
                    + firstLine(e.getMessage()), e);
        }
        return new Database(pool, dispose, description, embeddedH2);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** What and where this database is, for health and logs. */
    public String description() {
        return description;
    }

    /** Whether a connection can be had and answers within a second. */
    public boolean isHealthy() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (!embeddedH2) {
            dispose.run();
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("SHUTDOWN");
        } catch (SQLException ignored) {
            // Already closed or never opened: nothing left to release.
        }
        dispose.run();
    }
}
