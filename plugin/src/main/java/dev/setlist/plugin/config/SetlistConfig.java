package dev.setlist.plugin.config;

import dev.setlist.plugin.publish.PlaylistSchedule;
import dev.setlist.plugin.playlist.TuningDefaults;
import dev.setlist.plugin.signals.SignalSettings;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The settings Setlist runs with, loaded once by {@link ConfigLoader} and passed down by the
 * composition root. Immutable.
 *
 * @param port           HTTP port, 0 for any free port
 * @param host           address to listen on
 * @param dataFolder     where the database and generated secrets live
 * @param jellyfinUrl    the Jellyfin server, if any
 * @param jellyfinApiKey its API key, if any
 * @param rulesFolder    the curator rules folder, if any
 * @param webhookSecret  the configured webhook secret, if any (otherwise one is generated)
 * @param adminKey       the configured admin key, if any (otherwise one is generated)
 * @param database       where the database is: the H2 file in the data folder, or a JDBC URL
 * @param sync           how events come in and how often the media server is re-read
 * @param playlists      which playlists are refreshed for everyone, and how long they are
 * @param signals        the thresholds that turn plays into interaction weights
 * @param zone           the household's time zone
 * @param metricsToken   the read-only token for GET /metrics, if any (otherwise only the admin key reads it)
 * @param tuning         the exploration, diversity and calibration a person gets until a power user sets theirs
 */
public record SetlistConfig(
        int port,
        String host,
        Path dataFolder,
        Optional<URI> jellyfinUrl,
        Optional<String> jellyfinApiKey,
        Optional<Path> rulesFolder,
        Optional<String> webhookSecret,
        Optional<String> adminKey,
        Database database,
        Sync sync,
        Playlists playlists,
        SignalSettings signals,
        ZoneId zone,
        Optional<String> metricsToken,
        TuningDefaults tuning) {

    /**
     * @param url      a JDBC URL ({@code jdbc:postgresql:} or {@code jdbc:h2:}); empty for the H2 file in the data folder
     * @param user     the user, or empty
     * @param password the password, or empty
     */
    public record Database(Optional<String> url, String user, String password) {
        @Override
        public String toString() {
            return url.isPresent() ? "jdbc URL (set)" : "H2 in the data folder";
        }
    }

    /** Where playback events come from. */
    public enum EventSource { WEBHOOK, WEBSOCKET }

    /**
     * @param events        the live event source besides the always-open webhook
     * @param interval      how often people and the catalog are re-read
     * @param importHistory whether each person's history is imported once
     */
    public record Sync(EventSource events, Duration interval, boolean importHistory) {
    }

    /**
     * @param refresh the daily playlists
     * @param length  items per playlist
     */
    public record Playlists(List<PlaylistSchedule.Entry> refresh, int length) {
        public Playlists {
            refresh = List.copyOf(refresh);
        }
    }

    /** Whether a Jellyfin server is configured; without one Setlist serves the demo library. */
    public boolean hasJellyfin() {
        return jellyfinUrl.isPresent();
    }

    /** A description that is safe to log: secrets appear only as "set" or "generated". */
    @Override
    public String toString() {
        return "SetlistConfig[port=" + port + ", host=" + host + ", data=" + dataFolder
                + ", jellyfin=" + jellyfinUrl.map(URI::toString).orElse("none")
                + ", jellyfinApiKey=" + (jellyfinApiKey.isPresent() ? "set" : "none")
                + ", rules=" + rulesFolder.map(Path::toString).orElse("shipped packs only")
                + ", webhookSecret=" + (webhookSecret.isPresent() ? "set" : "generated")
                + ", adminKey=" + (adminKey.isPresent() ? "set" : "generated")
                + ", metricsToken=" + (metricsToken.isPresent() ? "set" : "none")
                + ", database=" + database + ", sync=" + sync + ", playlists=" + playlists + ", zone=" + zone + "]";
    }
}
