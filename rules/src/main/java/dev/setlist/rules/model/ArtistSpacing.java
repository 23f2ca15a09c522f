package dev.setlist.rules.model;

/**
 * Output constraint: at least {@code gap} other items between two tracks of one artist.
 *
 * <p>Immutable. The rule name is filled in by the engine.
 */
public record ArtistSpacing(int gap, String reason, String rule) implements RuleOutput {

    public ArtistSpacing {
        java.util.Objects.requireNonNull(reason, "reason");
        if (gap < 1) { throw new IllegalArgumentException("gap must be at least 1: " + gap); }
    }

    public ArtistSpacing(int gap, String reason) {
        this(gap, reason, null);
    }

    @Override
    public ArtistSpacing withRule(String ruleName) {
        return new ArtistSpacing(gap, reason, ruleName);
    }
}
