package dev.setlist.plugin.media;

import java.util.Objects;

/** A person on the media server. Immutable. */
public record MediaUser(String id, String name) {
    public MediaUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
