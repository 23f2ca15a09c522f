package dev.setlist.rules.model;

/**
 * Output constraint: at most {@code max} tracks of any one artist.
 *
 * <p>Immutable. The rule name is filled in by the engine.
 */
public record ArtistCap(int max, String reason, String rule) implements RuleOutput {

    public ArtistCap {
        java.util.Objects.requireNonNull(reason, "reason");
        if (max < 0) { throw new IllegalArgumentException("max must not be negative: " + max); }
    }

    public ArtistCap(int max, String reason) {
        this(max, reason, null);
    }

    @Override
    public ArtistCap withRule(String ruleName) {
        return new ArtistCap(max, reason, ruleName);
    }
}
