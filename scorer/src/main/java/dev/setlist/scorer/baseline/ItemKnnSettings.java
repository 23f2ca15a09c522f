package dev.setlist.scorer.baseline;

/**
 * Hyperparameters of {@link ItemKnnTrainer}.
 *
 * <p>Immutable; share freely.
 *
 * @param neighbours how many most similar items each item keeps (default {@value #DEFAULT_NEIGHBOURS}); the
 *                   rest of its similarities are dropped, which removes noise from rare co-occurrences
 *                   and bounds the model at {@code neighbours} entries per item
 */
public record ItemKnnSettings(int neighbours) {

    public static final int DEFAULT_NEIGHBOURS = 100;

    public ItemKnnSettings {
        if (neighbours < 1) {
            throw new IllegalArgumentException("neighbours must be at least 1, was " + neighbours);
        }
    }

    public static ItemKnnSettings defaults() {
        return new ItemKnnSettings(DEFAULT_NEIGHBOURS);
    }

    public ItemKnnSettings withNeighbours(int value) {
        return new ItemKnnSettings(value);
    }
}
