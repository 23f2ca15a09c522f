package dev.setlist.rules.model;

import java.util.Set;

/**
 * Library-wide curator flags: items to feature and items never to offer.
 *
 * <p>Immutable; share freely.
 *
 * @param featured ids the curator features (boosted, at most a few per playlist)
 * @param hidden   ids never offered, to anyone, whatever the rules say
 */
public record Curation(Set<String> featured, Set<String> hidden) {

    public static final Curation NONE = new Curation(Set.of(), Set.of());

    public Curation {
        featured = featured == null ? Set.of() : Set.copyOf(featured);
        hidden = hidden == null ? Set.of() : Set.copyOf(hidden);
    }
}
