package dev.setlist.plugin.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {

    @TempDir
    Path folder;

    @Test
    void startsFromTheDocumentedDefaults() {
        SetlistConfig config = ConfigLoader.load(Map.of(), null, Map.of(), Map.of());

        assertThat(config.port()).isEqualTo(8420);
        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.dataFolder()).isEqualTo(Path.of("setlist-data"));
        assertThat(config.jellyfinUrl()).isEmpty();
        assertThat(config.adminKey()).isEmpty();
        assertThat(config.webhookSecret()).isEmpty();
        assertThat(config.rulesFolder()).isEmpty();
    }

    @Test
    void flagsWinOverTheEnvironmentWhichWinsOverTheFile() throws IOException {
        Path file = write("port=9001\nhost=10.0.0.5\nrules=/srv/rules\nadmin.key=from-file\n");

        SetlistConfig config = ConfigLoader.load(
                Map.of(ConfigKey.PORT, "9003"),
                file.toString(),
                Map.of("SETLIST_PORT", "9002", "SETLIST_HOST", "127.0.0.2"),
                Map.of());

        assertThat(config.port()).isEqualTo(9003);
        assertThat(config.host()).isEqualTo("127.0.0.2");
        assertThat(config.rulesFolder()).contains(Path.of("/srv/rules"));
        assertThat(config.adminKey()).contains("from-file");
    }

    @Test
    void tuningDefaultsComeFromConfigurationAndAreChecked() throws IOException {
        assertThat(ConfigLoader.load(Map.of(), null, Map.of(), Map.of()).tuning())
                .isEqualTo(dev.setlist.plugin.playlist.TuningDefaults.STANDARD);

        Path file = write("tuning.exploration-min=0.1\ntuning.exploration-max=0.4\ntuning.diversity=0.6\n"
                + "tuning.series-in-order=yes\n");
        dev.setlist.plugin.playlist.TuningDefaults tuning = ConfigLoader.load(Map.of(ConfigKey.TUNING_CALIBRATION, "0.2"),
                file.toString(), Map.of("SETLIST_TUNING_WILDCARD_SLOTS", "3"), Map.of()).tuning();
        assertThat(tuning).isEqualTo(new dev.setlist.plugin.playlist.TuningDefaults(0.1, 0.4, 3, 0.6, 0.2, true));
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(), null, Map.of("SETLIST_TUNING_SERIES_IN_ORDER", "maybe"),
                Map.of())).hasMessageContaining("SETLIST_TUNING_SERIES_IN_ORDER").hasMessageContaining("not true or false");

        assertThatThrownBy(() -> ConfigLoader.load(Map.of(ConfigKey.TUNING_EXPLORATION_MIN, "0.3",
                ConfigKey.TUNING_EXPLORATION_MAX, "0.2"), null, Map.of(), Map.of()))
                .hasMessageContaining("--tuning-exploration-max").hasMessageContaining("tuning.exploration-min");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(), null, Map.of("SETLIST_TUNING_CALIBRATION", "2"), Map.of()))
                .hasMessageContaining("SETLIST_TUNING_CALIBRATION").hasMessageContaining("not between 0 and 1");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(ConfigKey.TUNING_WILDCARD_SLOTS, "1.5"), null, Map.of(), Map.of()))
                .hasMessageContaining("not a whole number");
    }

    @Test
    void aCommandDefaultSitsBelowTheFile() throws IOException {
        Path file = write("host=192.0.2.1\n");
        assertThat(ConfigLoader.load(Map.of(), null, Map.of(), Map.of(ConfigKey.HOST, "127.0.0.1")).host())
                .isEqualTo("127.0.0.1");
        assertThat(ConfigLoader.load(Map.of(), file.toString(), Map.of(), Map.of(ConfigKey.HOST, "127.0.0.1")).host())
                .isEqualTo("192.0.2.1");
    }

    @Test
    void readsTheFileNamedByTheEnvironmentOrFoundInTheDataFolder() throws IOException {
        Path named = write("port=9100\n");
        assertThat(ConfigLoader.load(Map.of(), null, Map.of("SETLIST_CONFIG", named.toString()), Map.of()).port())
                .isEqualTo(9100);

        Path data = Files.createDirectories(folder.resolve("data"));
        Files.writeString(data.resolve("setlist.properties"), "port=9200\n");
        assertThat(ConfigLoader.load(Map.of(ConfigKey.DATA, data.toString()), null, Map.of(), Map.of()).port())
                .isEqualTo(9200);
    }

    @Test
    void namesTheFileAndTheKeyOfABadValue() throws IOException {
        Path file = write("port=eighty\n");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(), file.toString(), Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("key 'port'")
                .hasMessageContaining("'eighty' is not a port");
    }

    @Test
    void namesTheFileAndTheKeyOfAnUnknownKey() throws IOException {
        Path file = write("prot=8420\n");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(), file.toString(), Map.of(), Map.of()))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("unknown key 'prot'");
    }

    @Test
    void namesAFileThatCannotBeRead() {
        Path missing = folder.resolve("nope.properties");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(), missing.toString(), Map.of(), Map.of()))
                .hasMessageContaining("cannot read config file " + missing)
                .hasMessageContaining("no such file");
    }

    @Test
    void refusesAFileThatIsNotUtf8() throws IOException {
        Path file = folder.resolve("latin1.properties");
        Files.write(file, "host=caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(), file.toString(), Map.of(), Map.of()))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not UTF-8");
    }

    @Test
    void namesTheVariableOrTheFlagOfABadValue() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(), null, Map.of("SETLIST_PORT", "70000"), Map.of()))
                .hasMessageContaining("environment variable SETLIST_PORT");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(ConfigKey.JELLYFIN_URL, "ftp://x"), null, Map.of(), Map.of()))
                .hasMessageContaining("option --jellyfin-url")
                .hasMessageContaining("not an http:// or https:// URL");
    }

    @Test
    void neverPrintsSecrets() {
        SetlistConfig config = ConfigLoader.load(Map.of(ConfigKey.ADMIN_KEY, "s3cret-admin",
                ConfigKey.WEBHOOK_SECRET, "s3cret-hook", ConfigKey.JELLYFIN_API_KEY, "s3cret-api"), null, Map.of(), Map.of());
        assertThat(config.toString()).doesNotContain("s3cret");
    }

    @Test
    void readsStorageSyncPlaylistAndSignalSettings() {
        SetlistConfig defaults = ConfigLoader.load(Map.of(), null, Map.of(), Map.of());
        assertThat(defaults.database().url()).isEmpty();
        assertThat(defaults.sync().events()).isEqualTo(SetlistConfig.EventSource.WEBHOOK);
        assertThat(defaults.sync().interval()).isEqualTo(java.time.Duration.ofHours(6));
        assertThat(defaults.playlists().refresh()).extracting(dev.setlist.plugin.publish.PlaylistSchedule.Entry::name)
                .containsExactly("For you");
        assertThat(defaults.signals()).isEqualTo(dev.setlist.plugin.signals.SignalSettings.defaults(defaults.zone()));

        SetlistConfig set = ConfigLoader.load(Map.of(ConfigKey.SIGNALS_LATE_NIGHT, "22:30-04:00"), null, Map.of(
                "SETLIST_DATABASE_URL", "jdbc:postgresql://db/setlist", "SETLIST_DATABASE_PASSWORD", "s3cret-db",
                "SETLIST_JELLYFIN_EVENTS", "websocket", "SETLIST_JELLYFIN_SYNC_INTERVAL", "30m",
                "SETLIST_SIGNALS_TIMEZONE", "Europe/Paris", "SETLIST_SIGNALS_WEIGHT_TRACK", "0.5"), Map.of());
        assertThat(set.database().url()).contains("jdbc:postgresql://db/setlist");
        assertThat(set.sync().events()).isEqualTo(SetlistConfig.EventSource.WEBSOCKET);
        assertThat(set.sync().interval()).isEqualTo(java.time.Duration.ofMinutes(30));
        assertThat(set.signals().lateNightStart()).isEqualTo(java.time.LocalTime.of(22, 30));
        assertThat(set.signals().zone()).isEqualTo(java.time.ZoneId.of("Europe/Paris"));
        assertThat(set.signals().trackWeight()).isEqualTo(0.5);
        assertThat(set.toString()).doesNotContain("s3cret-db").doesNotContain("jdbc:postgresql");
    }

    @Test
    void namesTheKeyOfABadStorageSyncOrSignalValue() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(), null, Map.of("SETLIST_DATABASE_URL", "mysql://x"), Map.of()))
                .hasMessageContaining("SETLIST_DATABASE_URL").hasMessageContaining("jdbc:postgresql:");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(ConfigKey.JELLYFIN_EVENTS, "carrier-pigeon"), null, Map.of(), Map.of()))
                .hasMessageContaining("--jellyfin-events").hasMessageContaining("neither webhook nor websocket");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(ConfigKey.SIGNALS_SLEEPY_DECAY, "1.5"), null, Map.of(), Map.of()))
                .hasMessageContaining("--signals-sleepy-decay").hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(ConfigKey.SIGNALS_SKIP_FRACTION, "0.95"), null, Map.of(), Map.of()))
                .hasMessageContaining("below signals.complete-fraction");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(ConfigKey.PLAYLISTS_REFRESH, "For you@noon"), null, Map.of(), Map.of()))
                .hasMessageContaining("--playlists-refresh").hasMessageContaining("not a time");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(ConfigKey.JELLYFIN_SYNC_INTERVAL, "10s"), null, Map.of(), Map.of()))
                .hasMessageContaining("shorter than 60 s");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(ConfigKey.SIGNALS_TIMEZONE, "Mars/Olympus"), null, Map.of(), Map.of()))
                .hasMessageContaining("not a time zone");
    }

    @Test
    void everyKeyIsDocumented() throws IOException {
        Path docs = Path.of(System.getProperty("user.dir")).resolveSibling("docs").resolve("configuration.md");
        String text = Files.readString(docs);
        for (ConfigKey key : ConfigKey.values()) {
            assertThat(text).as("docs/configuration.md documents " + key)
                    .contains("`" + key.fileKey() + "`").contains("`" + key.envVar() + "`").contains("`" + key.flag() + "`");
        }
    }

    private Path write(String text) throws IOException {
        Path file = folder.resolve("setlist-" + System.nanoTime() + ".properties");
        Files.writeString(file, text);
        return file;
    }
}
