package dev.setlist.scorer.sequencing;

import dev.setlist.scorer.catalog.ItemProfile;

import java.util.List;

/**
 * An attribute by which items are grouped for caps and spacing. Each facet maps an item to the
 * values it belongs to: a film with two genres belongs to both groups; an item with no series has
 * no series group and is never limited by a series constraint.
 */
public enum Facet {
    GENRE,
    SERIES,
    ARTIST,
    KIND;

    /** The group values of {@code item} under this facet; empty when the item has none. */
    public List<String> valuesOf(ItemProfile item) {
        return switch (this) {
            case GENRE -> item.genres();
            case SERIES -> item.seriesId() == null ? List.of() : List.of(item.seriesId());
            case ARTIST -> item.artist() == null ? List.of() : List.of(item.artist());
            case KIND -> List.of(item.kind().name());
        };
    }

    /** Lower-case name for messages, for example {@code genre}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
