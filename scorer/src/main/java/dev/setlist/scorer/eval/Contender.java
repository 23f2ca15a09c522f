package dev.setlist.scorer.eval;

import dev.setlist.scorer.als.AlsSettings;
import dev.setlist.scorer.als.AlsTrainer;
import dev.setlist.scorer.baseline.EaseSettings;
import dev.setlist.scorer.baseline.EaseTrainer;
import dev.setlist.scorer.baseline.ItemKnnSettings;
import dev.setlist.scorer.baseline.ItemKnnTrainer;
import dev.setlist.scorer.baseline.MostPopularTrainer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One row of an evaluation: a recommender in its standard configuration, and the configurations a
 * tuning run may choose from instead (on VALIDATION) before the TEST figures are taken.
 *
 * <p>Immutable; share freely.
 */
public record Contender(ConfiguredRecommender standard, SearchSpace searchSpace) {

    /** Item-kNN's neighbourhood sizes tried when tuning. */
    public static final List<Integer> ITEM_KNN_GRID = List.of(25, 50, 100, 200, 400);
    /** EASE's regularizations tried when tuning. */
    public static final List<Double> EASE_GRID = List.of(50.0, 100.0, 200.0, 400.0, 800.0);

    public Contender {
        Objects.requireNonNull(standard, "standard");
        Objects.requireNonNull(searchSpace, "searchSpace");
    }

    public String name() {
        return standard.name();
    }

    /** Most popular: nothing to tune. */
    public static Contender mostPopular() {
        return new Contender(new ConfiguredRecommender(new MostPopularTrainer(), List.of()), SearchSpace.NONE);
    }

    /** Item-kNN at {@code settings}; tuning tries {@link #ITEM_KNN_GRID}. */
    public static Contender itemKnn(ItemKnnSettings settings) {
        List<ConfiguredRecommender> grid = new ArrayList<>();
        for (int k : ITEM_KNN_GRID) {
            grid.add(configured(settings.withNeighbours(k)));
        }
        return new Contender(configured(settings), SearchSpace.of(grid));
    }

    /** EASE at {@code settings}; tuning tries {@link #EASE_GRID}. */
    public static Contender ease(EaseSettings settings) {
        List<ConfiguredRecommender> grid = new ArrayList<>();
        for (double lambda : EASE_GRID) {
            grid.add(configured(settings.withRegularization(lambda)));
        }
        return new Contender(configured(settings), SearchSpace.of(grid));
    }

    /** iALS at {@code settings}; tuning runs an {@link AlsSearchSpace} of {@code trials} around it. */
    public static Contender als(AlsSettings settings, int trials, long seed) {
        return new Contender(configured(settings), new AlsSearchSpace(settings, trials, seed));
    }

    public static ConfiguredRecommender configured(ItemKnnSettings settings) {
        return new ConfiguredRecommender(new ItemKnnTrainer(settings), List.of(new Hyperparameter("k", settings.neighbours())));
    }

    public static ConfiguredRecommender configured(EaseSettings settings) {
        return new ConfiguredRecommender(new EaseTrainer(settings),
                List.of(new Hyperparameter("lambda", settings.regularization())));
    }

    public static ConfiguredRecommender configured(AlsSettings settings) {
        return new ConfiguredRecommender(new AlsTrainer(settings), List.of(
                new Hyperparameter("factors", settings.factors()),
                new Hyperparameter("regularization", settings.regularization()),
                new Hyperparameter("alpha", settings.alpha()),
                new Hyperparameter("unobservedWeight", settings.unobservedWeight()),
                new Hyperparameter("regularizationExponent", settings.regularizationExponent()),
                new Hyperparameter("iterations", settings.iterations())));
    }
}
