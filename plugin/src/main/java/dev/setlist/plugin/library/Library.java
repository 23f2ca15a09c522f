package dev.setlist.plugin.library;

import dev.setlist.plugin.events.PlaybackEvent;
import dev.setlist.plugin.store.CatalogStore;
import dev.setlist.scorer.catalog.ItemProfile;
import dev.setlist.scorer.catalog.ItemProfile.ItemKind;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The catalog in memory, backed by {@link CatalogStore}: what the scorer ranks and the rules
 * inspect. Items come from the media server's catalog, and from events about items it has not
 * described yet (a webhook for a brand-new item must not be lost).
 *
 * <p>Thread-safe: reads never block; writes go to the store first, then to memory.
 */
public final class Library {

    private final CatalogStore store;
    private final Map<String, ItemProfile> items = new ConcurrentHashMap<>();

    public Library(CatalogStore store) {
        this.store = store;
        store.all().forEach(item -> items.put(item.id(), item));
    }

    /** Adds or replaces items (for example a catalog sync). */
    public void putAll(Collection<ItemProfile> profiles) {
        store.upsert(profiles);
        profiles.forEach(item -> items.put(item.id(), item));
    }

    /** Removes items (deleted on the media server); returns how many were known. */
    public int removeAll(Collection<String> ids) {
        store.delete(ids);
        int removed = 0;
        for (String id : ids) {
            if (items.remove(id) != null) {
                removed++;
            }
        }
        return removed;
    }

    public Optional<ItemProfile> find(String id) {
        return Optional.ofNullable(items.get(id));
    }

    public int size() {
        return items.size();
    }

    /** Every item, ordered by id (a stable order for indexing). */
    public List<ItemProfile> all() {
        return items.values().stream().sorted(Comparator.comparing(ItemProfile::id)).toList();
    }

    /**
     * Makes sure the item of an event is known: when it is not, records what the event says about it
     * (a catalog sync fills in the rest later).
     */
    public void learnFrom(PlaybackEvent event) {
        if (items.containsKey(event.itemId()) || event.item().name() == null
                || event.type() == dev.setlist.plugin.events.EventType.ITEM_DELETED) {
            return;
        }
        PlaybackEvent.ItemFacts facts = event.item();
        ItemKind kind = kindOf(facts.itemType());
        if (kind == null) {
            return;
        }
        long runtimeTicks = facts.runtimeTicks() == null ? 0 : facts.runtimeTicks();
        ItemProfile profile = new ItemProfile(event.itemId(), kind, facts.name(), facts.genres(), List.of(), List.of(),
                null, facts.year(), (int) (runtimeTicks / PlaybackEvent.TICKS_PER_SECOND), facts.seriesId(),
                facts.seriesName(), orZero(facts.seasonNumber()), orZero(facts.episodeNumber()), facts.artist(),
                facts.album(), null, event.type() == dev.setlist.plugin.events.EventType.ITEM_ADDED
                        ? event.occurredAt() : Instant.EPOCH);
        putAll(List.of(profile));
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    /** The kind for Jellyfin's item type, or {@code null} for types Setlist does not order. */
    public static ItemKind kindOf(String itemType) {
        if (itemType == null) {
            return null;
        }
        return switch (itemType) {
            case "Movie" -> ItemKind.MOVIE;
            case "Episode" -> ItemKind.EPISODE;
            case "Audio" -> ItemKind.TRACK;
            default -> null;
        };
    }
}
