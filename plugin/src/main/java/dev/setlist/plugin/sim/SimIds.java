package dev.setlist.plugin.sim;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Stable N-form GUIDs for simulated accounts and client sessions, so that ids look exactly like Jellyfin's. */
final class SimIds {

    private SimIds() {
    }

    /** The same name always gives the same id (the demo's namespace, so demo accounts keep their ids). */
    static String guid(String name) {
        return UUID.nameUUIDFromBytes(("setlist-demo:" + name).getBytes(StandardCharsets.UTF_8))
                .toString().replace("-", "");
    }
}
