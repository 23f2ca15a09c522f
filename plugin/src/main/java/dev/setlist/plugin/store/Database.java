package dev.setlist.plugin.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcConnectionPool;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The database every store shares: an embedded H2 file in the data folder by default, with the
 * schema brought up to date by ordered Flyway migrations ({@code db/migration/V*__*.sql}) on open.
 *
 * <p>Thread-safe. One per process; {@link #close()} releases the file.
 */
public final class Database implements AutoCloseable {

    private final DataSource dataSource;
    private final JdbcConnectionPool pool;
    private final String description;

    private Database(JdbcConnectionPool pool, String description) {
        this.pool = pool;
        this.dataSource = pool;
        this.description = description;
    }

    /**
     * Opens (creating when absent) the H2 database {@code setlist.mv.db} in {@code dataFolder} and
     * migrates it. {@code WRITE_DELAY=0} writes every commit through at once, so an acknowledged event
     * survives the process being killed.
     *
     * @throws StoreException when the file is locked by another process or cannot be opened
     */
    public static Database openH2(Path dataFolder) {
        String url = "jdbc:h2:file:" + dataFolder.toAbsolutePath().resolve("setlist")
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
        return open(url, "H2 " + dataFolder.toAbsolutePath().resolve("setlist.mv.db"));
    }

    /** Opens a private in-memory H2 database (for commands that must not touch a data folder). */
    public static Database openInMemory(String name) {
        return open("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "H2 in memory");
    }

    private static Database open(String url, String description) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "setlist", "");
        pool.setMaxConnections(32);
        try (Connection probe = pool.getConnection()) {
            probe.isValid(1);
        } catch (SQLException e) {
            pool.dispose();
            throw new StoreException("cannot open the database (" + description + "): " + firstLine(e.getMessage()), e);
        }
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            pool.dispose();
            throw new StoreException("cannot bring the database schema up to date (" + description + "): "
                    + firstLine(e.getMessage()), e);
        }
        return new Database(pool, description);
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
        try (Connection connection = pool.getConnection()) {
            connection.createStatement().execute("SHUTDOWN");
        } catch (SQLException ignored) {
            // Already closed or never opened: nothing left to release.
        }
        pool.dispose();
    }
}
