package dev.setlist.scorer.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A two-way mapping between external ids (the media server's strings) and dense indices
 * {@code 0..size()-1}, in order of first appearance.
 *
 * <p>Not thread-safe while ids are being added; {@link #freeze()} returns an immutable copy that may
 * be shared freely.
 */
public final class IdIndex {

    private final Map<String, Integer> indexById;
    private final List<String> ids;
    private final boolean frozen;

    public IdIndex() {
        this(new HashMap<>(), new ArrayList<>(), false);
    }

    private IdIndex(Map<String, Integer> indexById, List<String> ids, boolean frozen) {
        this.indexById = indexById;
        this.ids = ids;
        this.frozen = frozen;
    }

    /** An index over the given ids, in the given order; duplicates are rejected. */
    public static IdIndex of(List<String> ids) {
        IdIndex index = new IdIndex();
        for (String id : ids) {
            if (index.indexOf(id) >= 0) {
                throw new IllegalArgumentException("duplicate id: " + id);
            }
            index.add(id);
        }
        return index.freeze();
    }

    /** The index of {@code id}, adding it at the end when it is new. */
    public int add(String id) {
        Objects.requireNonNull(id, "id");
        if (frozen) {
            throw new IllegalStateException("this index is frozen");
        }
        Integer known = indexById.get(id);
        if (known != null) {
            return known;
        }
        int index = ids.size();
        ids.add(id);
        indexById.put(id, index);
        return index;
    }

    /** The index of {@code id}, or {@code -1} when it is unknown. */
    public int indexOf(String id) {
        Integer known = indexById.get(id);
        return known == null ? -1 : known;
    }

    /** The id at {@code index}. */
    public String idAt(int index) {
        return ids.get(index);
    }

    public int size() {
        return ids.size();
    }

    /** All ids in index order (an unmodifiable view). */
    public List<String> ids() {
        return java.util.Collections.unmodifiableList(ids);
    }

    /** An immutable copy; returns {@code this} when already frozen. */
    public IdIndex freeze() {
        if (frozen) {
            return this;
        }
        return new IdIndex(Map.copyOf(indexById), List.copyOf(ids), true);
    }
}
