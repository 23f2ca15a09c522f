package dev.setlist.plugin.sim;

import java.util.Objects;

/**
 * Where a simulated person plays: the device and client names a Jellyfin server reports, and what kind
 * of device it is (the kind decides what is usually played on it).
 *
 * @param name   the device name, for example {@code Living Room TV}
 * @param client the client application, for example {@code Jellyfin Android TV}
 * @param kind   TV, phone, tablet or speaker
 */
public record Device(String name, String client, Kind kind) {

    /** Kinds of device. */
    public enum Kind { TV, PHONE, TABLET, SPEAKER }

    public Device {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(kind, "kind");
    }
}
