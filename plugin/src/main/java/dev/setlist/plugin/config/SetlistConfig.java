package dev.setlist.plugin.config;

import java.net.URI;
import java.nio.file.Path;
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
 */
public record SetlistConfig(
        int port,
        String host,
        Path dataFolder,
        Optional<URI> jellyfinUrl,
        Optional<String> jellyfinApiKey,
        Optional<Path> rulesFolder,
        Optional<String> webhookSecret,
        Optional<String> adminKey) {

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
                + ", adminKey=" + (adminKey.isPresent() ? "set" : "generated") + "]";
    }
}
