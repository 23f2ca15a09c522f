package dev.setlist.plugin.auth;

import dev.setlist.plugin.store.SettingStore;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The shared secret the Jellyfin Webhook plugin sends in {@code X-Setlist-Secret}. From configuration
 * when set; otherwise generated once and kept in the data folder's database, because the self-hoster
 * must be able to read it again to paste it into the plugin's settings.
 */
public final class WebhookSecret {

    static final String SETTING = "webhook.secret";

    private WebhookSecret() {
    }

    /** The secret to require; {@code generated} tells whether this run made it. */
    public record Resolved(String secret, boolean generated) {
    }

    public static Resolved resolve(Optional<String> configured, SettingStore settings, SecureRandom random) {
        if (configured.isPresent()) {
            return new Resolved(configured.get(), false);
        }
        Optional<String> stored = settings.get(SETTING);
        if (stored.isPresent()) {
            return new Resolved(stored.get(), false);
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        settings.put(SETTING, secret);
        return new Resolved(secret, true);
    }
}
