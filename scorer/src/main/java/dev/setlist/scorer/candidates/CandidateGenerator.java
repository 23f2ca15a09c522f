package dev.setlist.scorer.candidates;

import dev.setlist.scorer.als.AlsModel;
import dev.setlist.scorer.als.FoldIn;
import dev.setlist.scorer.catalog.ItemProfile;
import dev.setlist.scorer.content.ContentModel;
import dev.setlist.scorer.explore.Exploration;
import dev.setlist.scorer.explore.WildcardPicker;
import dev.setlist.scorer.session.SessionModel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * Produces one person's candidates: the top {@code k} items of the whole catalog by combined score, each
 * with its {@link ScoreParts}, followed by wildcards. For every item,
 * <pre>
 *   base  = wTaste * (q.x) + wContent * content + wSession * session + wPopularity * popularity
 *   score = base + beta * sd          (sd: posterior standard deviation of q.x, see Exploration)
 * </pre>
 * where {@code x} is the fold-in of the request's history. Selection is a bounded heap over the catalog
 * (no full sort). Full taste scores and exact deviations are computed only where they can matter: every
 * item gets a cheap upper bound (the leading coordinates of {@code q.x}, a Cauchy-Schwarz bound on the
 * rest, and an eigenvalue bound on {@code sd}); exact scores are computed for the best items by bound and
 * then for every item whose bound still beats the current k-th score. The result is exactly the top
 * {@code k} by {@code score}, at about a quarter of the memory traffic of scoring every item in full.
 *
 * <p>Items of the history are excluded unless the request allows repeats. A person with an empty history
 * folds in to the zero vector: taste and content are 0 and popularity (plus the session) decides.
 * Wildcards are drawn by a {@link WildcardPicker} from the next best items after the top {@code k}.
 *
 * <p>Immutable in use; share freely. A call borrows catalog-sized scratch arrays from a small pool (one set per
 * concurrent call, allocated when the pool is empty), so that serving does not allocate and zero a megabyte per
 * request, and the arrays stay warm in the caches from one request to the next.
 */
public final class CandidateGenerator {

    /** Wildcards are drawn from at least this many of the next best items. */
    private static final int MIN_WILDCARD_POOL = 20;
    /** Items whose exact exploration bonus is solved together once the full pass is over. */
    private static final int BONUS_BATCH = 16;

    private final AlsModel model;
    private final List<ItemProfile> catalog;
    private final ContentModel content;
    private final SessionModel session;
    private final CandidateWeights weights;
    private final float[] popularity;
    private final WildcardPicker wildcards;
    /** Spare scratch for {@link Scoring}, at most one set per core kept. */
    private final java.util.concurrent.ArrayBlockingQueue<Scratch> spare =
            new java.util.concurrent.ArrayBlockingQueue<>(Math.max(2, Runtime.getRuntime().availableProcessors()));

    private CandidateGenerator(Builder builder) {
        this.model = builder.model;
        this.catalog = List.copyOf(builder.catalog);
        this.content = builder.content;
        this.session = builder.session;
        this.weights = builder.weights;
        this.popularity = popularity(model);
        this.wildcards = new WildcardPicker(model);
    }

    /**
     * A builder over a model and the catalog it scores (list position = item index). Extend the model to
     * the whole catalog first ({@link ContentModel#withColdItems}) so that new items have vectors.
     *
     * @throws IllegalArgumentException when the catalog and the model disagree on the number of items
     */
    public static Builder builder(AlsModel model, List<ItemProfile> catalog) {
        return new Builder(model, catalog);
    }

    private static float[] popularity(AlsModel model) {
        int highest = 0;
        for (int item = 0; item < model.itemCount(); item++) {
            highest = Math.max(highest, model.itemFrequency(item));
        }
        float[] result = new float[model.itemCount()];
        if (highest > 0) {
            double scale = 1 / Math.log1p(highest);
            for (int item = 0; item < result.length; item++) {
                result[item] = (float) (Math.log1p(model.itemFrequency(item)) * scale);
            }
        }
        return result;
    }

    /** Number of catalog items. */
    public int itemCount() {
        return catalog.size();
    }

    /** Popularity of {@code item} in [0, 1]: {@code log(1 + plays) / log(1 + plays of the most played item)}. */
    public double popularity(int item) {
        return popularity[Objects.checkIndex(item, popularity.length)];
    }

    /** The top {@code k} candidates, best first, then the wildcards. */
    public List<Candidate> generate(CandidateRequest request) {
        return rank(request).candidates();
    }

    /**
     * {@link #generate}, with each candidate's item index beside it: a caller that goes on working with the
     * model (picking wildcards among the candidates, say) need not look the indices up again by id.
     */
    public Ranking rank(CandidateRequest request) {
        Objects.requireNonNull(request, "request");
        Scratch scratch = spare.poll();
        if (scratch == null) {
            scratch = new Scratch(catalog.size(), session == null ? 0 : session.itemCount());
        }
        try {
            return rank(request, new Scoring(request, scratch));
        } finally {
            spare.offer(scratch);
        }
    }

    private Ranking rank(CandidateRequest request, Scoring scoring) {
        int k = Math.min(request.k(), catalog.size());
        int poolSize = request.wildcardCount() > 0 ? Math.max(MIN_WILDCARD_POOL, 4 * request.wildcardCount()) : 0;
        int[] ranked = scoring.exactTop(k + poolSize);
        int mainCount = Math.min(k, ranked.length);
        List<Candidate> result = new ArrayList<>(mainCount + request.wildcardCount());
        int[] items = Arrays.copyOf(ranked, mainCount + request.wildcardCount());
        for (int rank = 0; rank < mainCount; rank++) {
            result.add(scoring.candidate(ranked[rank], false));
        }
        if (request.wildcardCount() > 0) {
            int[] pool = Arrays.copyOfRange(ranked, mainCount, ranked.length);
            for (int item : wildcards.pick(request.history(), pool, request.wildcardCount(), request.seed())) {
                items[result.size()] = item;
                result.add(scoring.candidate(item, true));
            }
        }
        return new Ranking(List.copyOf(result), Arrays.copyOf(items, result.size()));
    }

    /**
     * Catalog-sized arrays one {@link Scoring} writes before it reads them: {@code head}, {@code bounds} and
     * {@code content} over the request's range of items, {@code session} whole. Reused between calls, never
     * by two at once.
     */
    private record Scratch(float[] head, float[] bounds, float[] content, float[] session) {
        Scratch(int items, int sessionItems) {
            this(new float[items], new float[items], new float[items], new float[sessionItems]);
        }
    }

    /**
     * Candidates and their item indices: {@code items[i]} is the index of {@code candidates.get(i)}.
     *
     * <p>Immutable in use: the array is the caller's to read, not to change.
     *
     * @param candidates the top {@code k}, best first, then the wildcards
     * @param items      their item indices, in the same order
     */
    public record Ranking(List<Candidate> candidates, int[] items) {
        public Ranking {
            if (candidates.size() != items.length) {
                throw new IllegalArgumentException(candidates.size() + " candidates, " + items.length + " indices");
            }
        }

        /** The item index of the candidate at {@code position}. */
        public int item(int position) {
            return items[position];
        }
    }

    /**
     * One request's scores. Taste is computed in two steps: the {@link AlsModel#headScores head} of every
     * item, a quarter of the factor memory, then the exact score only for items whose upper bound (head plus
     * the Cauchy-Schwarz bound on the rest, plus the other parts, plus the exploration bound) can still beat
     * the current k-th best. The bounds are computed once into an array that both passes over the catalog
     * read (measured: recomputing them in the second pass, to allocate one array less, cost more than the
     * array's memory traffic). Bounds are widened by 0.1% so that float rounding
     * never makes one smaller than the exact score, and float arithmetic is monotone, so the selection is
     * exact. Items the request excludes carry a head of negative infinity and are never scored; when the
     * excluded items include a run at either end of the catalog (a catalog ordered by media, asked for one
     * media), the scan does not visit that run at all. Exploration's deviation bounds come from a per-model
     * table ({@link FoldIn#standardDeviationBounds}), so a bound costs one multiplication.
     */
    private final class Scoring {
        private final float[] user;
        private final Exploration exploration;
        private final double beta;
        private final float[] head;
        private final float[] contentScores;
        private final float[] sessionScores;
        private final float tasteWeight = (float) weights.taste();
        private final float popularityWeight = (float) weights.popularity();
        private final float contentWeight = (float) weights.content();
        private final float sessionWeight = (float) weights.session();
        private final float tailScale;
        private final float farScale;
        /** Per item, {@code beta} times an upper bound on its posterior standard deviation, widened; or null. */
        private final float[] deviationBounds;
        private final float deviationScale;
        /**
         * The seeds' exact tastes and bonuses, by item: {@code seedItems} ascending, the others alongside. The
         * candidates returned are mostly seeds, and their rows need not be read again to be built.
         */
        private int[] seedItems = new int[0];
        private float[] seedTastes = new float[0];
        private float[] seedBonuses = new float[0];
        /** Exact bonuses of the few other items scored in full (solved together, after the full pass). */
        private final java.util.Map<Integer, Float> bonuses = new java.util.HashMap<>();
        /**
         * Every item's {@link #bound}, computed once: both passes over the catalog read one array instead of
         * the five a bound is made of, and do nothing else for the many items that cannot make the top.
         */
        private final float[] bounds;
        /** The items {@code from..to-1} hold every item the request may return. */
        private final int from;
        private final int to;

        Scoring(CandidateRequest request, Scratch scratch) {
            int n = catalog.size();
            BitSet excluded = request.excluded();
            from = Math.min(n, excluded.nextClearBit(0));
            to = n == 0 ? 0 : Math.max(from, excluded.previousClearBit(n - 1) + 1);
            beta = request.explorationWeight();
            if (beta > 0) {
                FoldIn posterior = model.posterior(request.history());
                exploration = new Exploration(posterior);
                user = posterior.vector();
                deviationBounds = posterior.standardDeviationBounds();
                deviationScale = (float) (1.001 * beta);
            } else {
                exploration = null;
                user = model.foldIn(request.history());
                deviationBounds = null;
                deviationScale = 0f;
            }
            head = scratch.head();
            model.headScores(user, head, from, to);
            tailScale = 1.001f * model.tailNorm(user);
            farScale = 1.001f * model.farNorm(user);
            if (content != null && weights.content() > 0) {
                contentScores = scratch.content();
                content.similarities(request.history(), contentScores, from, to);
            } else {
                contentScores = null;
            }
            if (session != null && weights.session() > 0 && request.sessionItems().length > 0) {
                sessionScores = scratch.session();
                session.score(request.sessionItems(), sessionScores);
            } else {
                sessionScores = null;
            }
            if (!request.allowRepeats()) {
                for (int item : request.history().items()) {
                    if (item < n) {
                        head[item] = Float.NEGATIVE_INFINITY;
                    }
                }
            }
            for (int item = excluded.nextSetBit(from); item >= 0 && item < to; item = excluded.nextSetBit(item + 1)) {
                head[item] = Float.NEGATIVE_INFINITY;
            }
            bounds = scratch.bounds();
            for (int item = from; item < to; item++) {
                bounds[item] = bound(item);
            }
        }

        /** {@code wPopularity * popularity + wContent * content + wSession * session} of one item. */
        private float other(int item) {
            float result = popularityWeight * popularity[item];
            if (contentScores != null) {
                result += contentWeight * contentScores[item];
            }
            if (sessionScores != null && item < sessionScores.length) {
                result += sessionWeight * sessionScores[item];
            }
            return result;
        }

        /** An upper bound on {@link #score}; negative infinity for an excluded item. */
        private float bound(int item) {
            float headScore = head[item];
            if (headScore == Float.NEGATIVE_INFINITY) {
                return Float.NEGATIVE_INFINITY;
            }
            float bound = tasteWeight * (headScore + tailScale * model.tailNorm(item)) + other(item);
            if (deviationBounds != null) {
                bound += deviationScale * deviationBounds[item];
            }
            return bound;
        }

        /** The exact top {@code count} eligible items by score, best first. */
        int[] exactTop(int count) {
            // First the best by bound, scored exactly: a high threshold from the start of the full pass.
            TopK byBound = new TopK(count);
            float threshold = Float.NEGATIVE_INFINITY;
            for (int item = from; item < to; item++) {
                float bound = bounds[item];
                // Items come in increasing index order, so a bound equal to the threshold would lose its tie. Until
                // the heap is full the threshold is negative infinity, which only excluded items' bounds equal.
                if (bound > threshold) {
                    byBound.offer(item, bound);
                    threshold = byBound.threshold();
                }
            }
            int[] seeds = byBound.drainBestFirst();
            // Sorted by item: the full pass below skips them in step, and candidate() finds them by binary search.
            long[] byItem = new long[seeds.length];
            for (int c = 0; c < seeds.length; c++) {
                byItem[c] = ((long) seeds[c] << 32) | c;
            }
            Arrays.sort(byItem);
            seedItems = new int[seeds.length];
            seedTastes = new float[seeds.length];
            seedBonuses = new float[seeds.length];
            for (int c = 0; c < seeds.length; c++) {
                seedItems[c] = (int) (byItem[c] >>> 32);
            }
            if (exploration != null) {
                // Most seeds end up returned, and each needs its exact bonus: solved together, not one by one.
                double[] deviations = exploration.standardDeviations(seedItems);
                for (int c = 0; c < seeds.length; c++) {
                    seedBonuses[c] = (float) (beta * deviations[c]);
                }
            }
            TopK best = new TopK(count);
            for (int c = 0; c < seedItems.length; c++) {
                int item = seedItems[c];
                seedTastes[c] = taste(item);
                best.offer(item, tasteWeight * seedTastes[c] + other(item) + seedBonuses[c]);
            }
            Pending pending = new Pending();
            for (int item = from, next = 0; item < to; item++) {
                if (next < seedItems.length && seedItems[next] == item) {
                    next++;
                    continue;
                }
                if (!best.isFull()) {
                    if (head[item] != Float.NEGATIVE_INFINITY) {
                        best.offer(item, score(item));
                    }
                } else if (bounds[item] >= best.threshold()) {
                    // The near part of the tail (one cache line of the row) tightens the bound before the far part
                    // is read: most items the head let through stop here.
                    float near = head[item] + model.nearScore(item, user);
                    float rest = other(item);
                    float deviation = deviationBounds == null ? 0f : deviationScale * deviationBounds[item];
                    if (tasteWeight * (near + farScale * model.farNorm(item)) + rest + deviation < best.threshold()) {
                        continue;
                    }
                    // Computed as score() computes it, so that the same item always gets the same float.
                    float known = tasteWeight * (near + model.farScore(item, user)) + rest;
                    if (exploration == null) {
                        best.offer(item, known);
                    } else if (known + deviation >= best.threshold()) {
                        // The exact variance costs a triangular solve (d^2): solved a batch at a time.
                        pending.add(item, known, known + deviation, best);
                    }
                }
            }
            pending.offerInto(best);
            return best.drainBestFirst();
        }

        /**
         * Items whose exact taste may beat the threshold once their exploration bonus is known, with that taste
         * (plus the other parts) and an upper bound on the total. Their variances are solved together,
         * {@value CandidateGenerator#BONUS_BATCH} at a time (a batched triangular solve is several times faster
         * per item), and only for those whose bound still beats the threshold when the batch is full: it rises as
         * the batches are offered, so the pass keeps tightening as it goes.
         */
        private final class Pending {
            private final int[] items = new int[BONUS_BATCH];
            private final float[] known = new float[BONUS_BATCH];
            private final float[] bounds = new float[BONUS_BATCH];
            private int size;

            void add(int item, float exact, float bound, TopK best) {
                items[size] = item;
                known[size] = exact;
                bounds[size] = bound;
                if (++size == BONUS_BATCH) {
                    offerInto(best);
                }
            }

            void offerInto(TopK best) {
                float threshold = best.threshold();
                int kept = 0;
                for (int p = 0; p < size; p++) {
                    if (bounds[p] >= threshold) {
                        items[kept] = items[p];
                        known[kept] = known[p];
                        kept++;
                    }
                }
                size = 0;
                if (kept == 0) {
                    return;
                }
                double[] deviations = exploration.standardDeviations(Arrays.copyOf(items, kept));
                for (int p = 0; p < kept; p++) {
                    float bonus = (float) (beta * deviations[p]);
                    bonuses.put(items[p], bonus);
                    best.offer(items[p], known[p] + bonus);
                }
            }
        }

        private float taste(int item) {
            return (head[item] + model.nearScore(item, user)) + model.farScore(item, user);
        }

        private float bonus(int item) {
            if (exploration == null) {
                return 0f;
            }
            int seed = Arrays.binarySearch(seedItems, item);
            if (seed >= 0) {
                return seedBonuses[seed];
            }
            Float known = bonuses.get(item);
            if (known != null) {
                return known;
            }
            // Solved as the batches are, so that an item's bonus is the same float whichever way it is reached.
            float bonus = (float) (beta * exploration.standardDeviations(new int[] {item})[0]);
            bonuses.put(item, bonus);
            return bonus;
        }

        private float score(int item) {
            return tasteWeight * taste(item) + other(item) + bonus(item);
        }

        Candidate candidate(int item, boolean wildcard) {
            // Most candidates are seeds: their exact taste and bonus were kept when they were scored.
            int seed = Arrays.binarySearch(seedItems, item);
            float taste = seed >= 0 ? seedTastes[seed] : taste(item);
            float bonus = seed >= 0 ? seedBonuses[seed] : bonus(item);
            ScoreParts parts = new ScoreParts(
                    taste,
                    contentScores == null ? 0 : contentScores[item],
                    sessionScores == null || item >= sessionScores.length ? 0 : sessionScores[item],
                    bonus,
                    popularity[item]);
            return new Candidate(catalog.get(item), tasteWeight * taste + other(item) + bonus, parts, wildcard);
        }
    }

    /** Assembles a {@link CandidateGenerator}; the content and session models are optional. Not thread-safe. */
    public static final class Builder {
        private final AlsModel model;
        private final List<ItemProfile> catalog;
        private ContentModel content;
        private SessionModel session;
        private CandidateWeights weights = CandidateWeights.defaults();

        private Builder(AlsModel model, List<ItemProfile> catalog) {
            this.model = Objects.requireNonNull(model, "model");
            this.catalog = Objects.requireNonNull(catalog, "catalog");
            if (catalog.size() != model.itemCount()) {
                throw new IllegalArgumentException("the catalog has " + catalog.size() + " items, the model "
                        + model.itemCount() + "; extend the model with ContentModel.withColdItems first");
            }
        }

        /** Adds content similarity (and requires it to cover the same catalog). */
        public Builder content(ContentModel value) {
            if (value.itemCount() != catalog.size()) {
                throw new IllegalArgumentException("the content model covers " + value.itemCount()
                        + " items, the catalog has " + catalog.size());
            }
            this.content = value;
            return this;
        }

        /** Adds the session next-item signal (items beyond its universe score 0). */
        public Builder session(SessionModel value) {
            if (value.itemCount() > catalog.size()) {
                throw new IllegalArgumentException("the session model covers " + value.itemCount()
                        + " items, more than the catalog's " + catalog.size());
            }
            this.session = value;
            return this;
        }

        public Builder weights(CandidateWeights value) {
            this.weights = Objects.requireNonNull(value, "weights");
            return this;
        }

        public CandidateGenerator build() {
            return new CandidateGenerator(this);
        }
    }
}
