package dev.setlist.plugin.store;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A fresh, migrated database for one test, on either engine Setlist supports: an H2 file in a
 * temporary folder, or a private schema in the PostgreSQL named by {@code SETLIST_TEST_POSTGRES_URL}
 * (which {@code .ci/run} starts). Without that variable the PostgreSQL runs are skipped, not failed.
 *
 * <p>Store tests take a {@code String engine} from {@link #engines()} and open one with {@link #open}.
 */
public final class TestDatabase implements AutoCloseable {

    /** The environment variable naming the test PostgreSQL (a JDBC URL with user and password). */
    public static final String POSTGRES_URL_ENV = "SETLIST_TEST_POSTGRES_URL";

    private final Database database;
    private final Runnable cleanup;

    private TestDatabase(Database database, Runnable cleanup) {
        this.database = database;
        this.cleanup = cleanup;
    }

    /** The engines every store test runs on. */
    public static Stream<String> engines() {
        return Stream.of("h2", "postgresql");
    }

    /** Opens a fresh database; skips the test when the engine is PostgreSQL and none is configured. */
    public static TestDatabase open(String engine, Path folder) {
        if (engine.equals("h2")) {
            Database database = Database.openH2(folder);
            return new TestDatabase(database, () -> {
            });
        }
        String url = System.getenv(POSTGRES_URL_ENV);
        Assumptions.assumeTrue(url != null && !url.isBlank(),
                POSTGRES_URL_ENV + " is not set: the PostgreSQL run is skipped (.ci/postgres starts one)");
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute(url, "CREATE SCHEMA " + schema);
        String separator = url.contains("?") ? "&" : "?";
        Database database = Database.openJdbc(url + separator + "currentSchema=" + schema, "", "");
        return new TestDatabase(database, () -> execute(url, "DROP SCHEMA " + schema + " CASCADE"));
    }

    /** Whether the PostgreSQL runs will happen in this environment. */
    public static boolean postgresConfigured() {
        String url = System.getenv(POSTGRES_URL_ENV);
        return url != null && !url.isBlank();
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on the test PostgreSQL: " + e.getMessage(), e);
        }
    }

    public Database database() {
        return database;
    }

    @Override
    public void close() {
        try {
            database.close();
        } finally {
            cleanup.run();
        }
    }
}
