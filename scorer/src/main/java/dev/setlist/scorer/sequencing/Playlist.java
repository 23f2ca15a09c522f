package dev.setlist.scorer.sequencing;

import java.util.List;

/**
 * An ordered playlist with the constraints that had to be relaxed to build it.
 *
 * <p>Immutable; share freely.
 *
 * @param entries     the entries in play order
 * @param relaxations the constraints given up, in the order they were given up; empty when all held
 */
public record Playlist(List<PlaylistEntry> entries, List<Relaxation> relaxations) {

    public Playlist {
        entries = List.copyOf(entries);
        relaxations = List.copyOf(relaxations);
    }

    public int size() {
        return entries.size();
    }

    /** Total running time in whole minutes. */
    public int totalMinutes() {
        int seconds = 0;
        for (PlaylistEntry entry : entries) {
            seconds += entry.candidate().item().runtimeSeconds();
        }
        return (seconds + 30) / 60;
    }

    /** The item ids in play order. */
    public List<String> itemIds() {
        return entries.stream().map(PlaylistEntry::itemId).toList();
    }
}
