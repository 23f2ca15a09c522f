package dev.setlist.plugin.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseTest {

    @Test
    void everyH2SessionKeepsEnoughParsedStatementsForARequest(@TempDir Path folder) throws SQLException {
        try (Database file = Database.openH2(folder); Database memory = Database.openInMemory("database-test")) {
            assertThat(queryCacheSize(file)).isEqualTo(String.valueOf(Database.QUERY_CACHE_SIZE));
            assertThat(queryCacheSize(memory)).isEqualTo(String.valueOf(Database.QUERY_CACHE_SIZE));
        }
    }

    @Test
    void aConfiguredEmbeddedH2UrlGetsTheCacheUnlessItSetsItsOwn(@TempDir Path folder) throws SQLException {
        String url = "jdbc:h2:file:" + folder.resolve("configured").toAbsolutePath();
        try (Database configured = Database.openJdbc(url, "", "")) {
            assertThat(queryCacheSize(configured)).isEqualTo(String.valueOf(Database.QUERY_CACHE_SIZE));
        }
        try (Database own = Database.openJdbc(url + "2;QUERY_CACHE_SIZE=16", "", "")) {
            assertThat(queryCacheSize(own)).isEqualTo("16");
        }
        String server = "jdbc:h2:tcp://localhost/~/setlist";
        assertThat(Database.withStatementCache(server)).as("a server opened its database itself").isEqualTo(server);
    }

    private static String queryCacheSize(Database database) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'QUERY_CACHE_SIZE'")) {
            assertThat(rows.next()).as("H2 lists the setting").isTrue();
            return rows.getString(1);
        }
    }
}
