package dev.setlist.scorer.eval;

import dev.setlist.scorer.data.Interactions;

import java.util.Iterator;
import java.util.List;

/**
 * The configurations a tuning run tries. A search may adapt: it hears each configuration's
 * objective before proposing the next, so that it can refine around the best so far.
 */
@FunctionalInterface
public interface SearchSpace {

    /** Nothing to tune. */
    SearchSpace NONE = training -> new Search() {
        @Override
        public ConfiguredRecommender next() {
            return null;
        }

        @Override
        public void report(double objective) {
        }
    };

    /** Starts a search on {@code training} (the configurations may scale with the data). */
    Search start(Interactions training);

    /** The same fixed list, in order, whatever the data and the results: a grid. */
    static SearchSpace of(List<ConfiguredRecommender> candidates) {
        List<ConfiguredRecommender> copy = List.copyOf(candidates);
        return training -> new Search() {
            private final Iterator<ConfiguredRecommender> remaining = copy.iterator();

            @Override
            public ConfiguredRecommender next() {
                return remaining.hasNext() ? remaining.next() : null;
            }

            @Override
            public void report(double objective) {
            }
        };
    }

    /**
     * One run of a search: {@link #next()}, then {@link #report(double)} its objective, until
     * {@code next()} returns {@code null}. Not thread-safe; one per tuning run.
     */
    interface Search {

        /** The next configuration to try, or {@code null} when the search is over. */
        ConfiguredRecommender next();

        /** The objective (higher is better) the configuration last returned by {@link #next()} reached. */
        void report(double objective);
    }
}
