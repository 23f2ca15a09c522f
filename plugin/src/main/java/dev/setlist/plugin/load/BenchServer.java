package dev.setlist.plugin.load;

import dev.setlist.plugin.Setlist;
import dev.setlist.plugin.config.ConfigKey;
import dev.setlist.plugin.config.ConfigLoader;
import dev.setlist.plugin.server.JsonMapper;
import dev.setlist.plugin.store.Database;
import dev.setlist.plugin.store.JdbcEventLog;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The Setlist a load runs against: the real server on the demo library, on a free loopback port, with its
 * own H2 folder and a fresh admin key and webhook secret, in this process. After {@link #close()} the loss
 * check reopens the database from the file, as a restart would.
 *
 * <p>Not thread-safe; start, load, close, check.
 */
public final class BenchServer implements AutoCloseable {

    private final Path data;
    private final String adminKey;
    private final String secret;
    private final Setlist setlist;
    private boolean closed;

    /**
     * @param data        the data folder (an empty one: the demo history is loaded into it)
     * @param rulesFolder a curator rules folder to watch, or {@code null}
     */
    public BenchServer(Path data, Path rulesFolder) {
        SecureRandom random = new SecureRandom();
        this.data = data;
        this.adminKey = "bench-" + HexFormat.of().formatHex(random.generateSeed(12));
        this.secret = "bench-" + HexFormat.of().formatHex(random.generateSeed(12));
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.PORT, "0");
        flags.put(ConfigKey.HOST, "127.0.0.1");
        flags.put(ConfigKey.DATA, data.toString());
        flags.put(ConfigKey.ADMIN_KEY, adminKey);
        flags.put(ConfigKey.WEBHOOK_SECRET, secret);
        flags.put(ConfigKey.PLAYLISTS_REFRESH, "");
        if (rulesFolder != null) {
            flags.put(ConfigKey.RULES, rulesFolder.toString());
        }
        this.setlist = Setlist.start(ConfigLoader.load(flags, null, Map.of(), Map.of()), true,
                new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
    }

    public URI baseUri() {
        return setlist.baseUri();
    }

    public String adminKey() {
        return adminKey;
    }

    public String secret() {
        return secret;
    }

    public Setlist.Vitals vitals() {
        return setlist.vitals();
    }

    /**
     * Stops the server, reopens its database from the file and returns the acknowledged events that are not
     * in the log with the sequence number they were given (empty: nothing lost).
     */
    public List<String> closeAndFindMissing(Map<String, Long> acknowledgedSeq) {
        close();
        try (Database reopened = Database.openH2(data)) {
            return IngestLoad.missing(new JdbcEventLog(reopened.dataSource(), JsonMapper.create(), Clock.systemUTC()),
                    acknowledgedSeq);
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            setlist.close();
        }
    }
}
