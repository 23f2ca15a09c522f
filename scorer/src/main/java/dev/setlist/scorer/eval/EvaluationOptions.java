package dev.setlist.scorer.eval;

import dev.setlist.scorer.als.AlsSettings;
import dev.setlist.scorer.baseline.EaseSettings;
import dev.setlist.scorer.baseline.ItemKnnSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What {@link Evaluation#run} and {@link Evaluation#tune} do: the protocol, the recommenders, whether
 * to tune them on VALIDATION first, and how many threads to use.
 *
 * <p>Immutable; share freely.
 *
 * @param protocol   how ratings become the split (default {@link EvaluationProtocol#defaults()})
 * @param contenders the recommenders, in report order (default {@link #defaultContenders(int)})
 * @param tune       whether {@link Evaluation#run} first chooses each contender's configuration on VALIDATION
 *                   (default {@code false}: the standard configurations)
 * @param threads    threads for fitting and scoring (default: the available processors)
 */
public record EvaluationOptions(EvaluationProtocol protocol, List<Contender> contenders, boolean tune, int threads) {

    /** How many iALS configurations a tuning run tries, the standard one included. */
    public static final int DEFAULT_ALS_TRIALS = 24;
    /** The seed of the iALS random search. */
    public static final long DEFAULT_SEARCH_SEED = 42L;

    public EvaluationOptions {
        Objects.requireNonNull(protocol, "protocol");
        contenders = List.copyOf(contenders);
        if (contenders.isEmpty()) {
            throw new IllegalArgumentException("at least one recommender is needed");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
    }

    public static EvaluationOptions defaults() {
        return defaults(Runtime.getRuntime().availableProcessors());
    }

    public static EvaluationOptions defaults(int threads) {
        return new EvaluationOptions(EvaluationProtocol.defaults(), defaultContenders(threads, DEFAULT_ALS_TRIALS),
                false, threads);
    }

    /**
     * Most popular; item-kNN with k = 100; EASE with lambda = 200; iALS at {@link #standardAlsSettings()}.
     * Tuning tries {@link Contender#ITEM_KNN_GRID}, {@link Contender#EASE_GRID} and {@code alsTrials}
     * iALS configurations (the standard one first).
     */
    public static List<Contender> defaultContenders(int threads, int alsTrials) {
        return List.of(
                Contender.mostPopular(),
                Contender.itemKnn(ItemKnnSettings.defaults()),
                Contender.ease(EaseSettings.defaults().withThreads(threads)),
                Contender.als(standardAlsSettings().withThreads(threads), alsTrials, DEFAULT_SEARCH_SEED));
    }

    /**
     * The iALS configuration evaluations use unless tuned: the best of a 48-trial search on
     * ml-latest-small's VALIDATION split (see {@code docs/evaluation.md}): 32 factors, regularization
     * 10 without frequency scaling, alpha 0.5, every unobserved pair at full weight, 16 iterations, that
     * is Hu, Koren and Volinsky's original form. It is also where the search starts. It differs from
     * {@link AlsSettings#defaults()} only in alpha (0.5 rather than 1) and one more iteration: the
     * defaults serve playback weights, where a play counts more than one star rating does.
     */
    public static AlsSettings standardAlsSettings() {
        return AlsSettings.defaults()
                .withFactors(32)
                .withRegularization(10)
                .withAlpha(0.5)
                .withUnobservedWeight(1)
                .withRegularizationExponent(0)
                .withIterations(16);
    }

    public EvaluationOptions withProtocol(EvaluationProtocol value) {
        return new EvaluationOptions(value, contenders, tune, threads);
    }

    public EvaluationOptions withContenders(List<Contender> value) {
        return new EvaluationOptions(protocol, value, tune, threads);
    }

    public EvaluationOptions withTuning(boolean value) {
        return new EvaluationOptions(protocol, contenders, value, threads);
    }

    /**
     * Only the contenders with these names (case-insensitive; {@code knn} stands for item-kNN and
     * {@code popular} for most popular), in this options' order.
     *
     * @throws IllegalArgumentException when a name matches no contender
     */
    public EvaluationOptions only(List<String> names) {
        List<Contender> kept = new ArrayList<>();
        for (String name : names) {
            String wanted = canonical(name);
            boolean found = false;
            for (Contender contender : contenders) {
                if (canonical(contender.name()).equals(wanted) || alias(contender.name()).equals(wanted)) {
                    found = true;
                }
            }
            if (!found) {
                throw new IllegalArgumentException("no recommender named '" + name + "'; known: "
                        + contenders.stream().map(Contender::name).toList());
            }
        }
        for (Contender contender : contenders) {
            for (String name : names) {
                String wanted = canonical(name);
                if ((canonical(contender.name()).equals(wanted) || alias(contender.name()).equals(wanted))
                        && !kept.contains(contender)) {
                    kept.add(contender);
                }
            }
        }
        return withContenders(kept);
    }

    private static String canonical(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static String alias(String name) {
        String canonical = canonical(name);
        return switch (canonical) {
            case "itemknn" -> "knn";
            case "mostpopular" -> "popular";
            default -> canonical;
        };
    }
}
