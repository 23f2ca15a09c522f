package dev.setlist.scorer.content;

/**
 * The kinds of item feature, each with the weight its features carry before inverse-document-frequency
 * weighting. Series and artist are strong evidence (the same show, the same band); the kind of item
 * and its studio are weak.
 */
public enum FeatureKind {
    KIND("kind", 0.5),
    GENRE("genre", 1.0),
    TAG("tag", 1.0),
    PERSON("person", 1.0),
    STUDIO("studio", 0.5),
    YEAR_BAND("years", 0.5),
    SERIES("series", 1.5),
    ARTIST("artist", 1.5),
    ALBUM("album", 1.0);

    private final String prefix;
    private final double weight;

    FeatureKind(String prefix, double weight) {
        this.prefix = prefix;
        this.weight = weight;
    }

    /** The prefix of this kind's feature keys, for example {@code genre} in {@code genre:jazz}. */
    public String prefix() {
        return prefix;
    }

    /** The weight of this kind's features relative to a genre. */
    public double weight() {
        return weight;
    }

    /** The key of the feature of this kind with the given (case-insensitive, trimmed) value. */
    public String key(String value) {
        return prefix + ':' + value.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
