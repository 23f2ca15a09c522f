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
 * (no full sort). With exploration on, the exact {@code sd} costs {@code O(d^2)} per item, so it is computed
 * only where it can matter: for the best items by {@code base}, then for every item whose cheap upper
 * bound {@code base + beta * sdBound} still beats the current k-th score. The result is exactly the top
 * {@code k} by {@code score}.
 *
 * <p>Items of the history are excluded unless the request allows repeats. A person with an empty history
 * folds in to the zero vector: taste and content are 0 and popularity (plus the session) decides.
 * Wildcards are drawn by a {@link WildcardPicker} from the next best items after the top {@code k}.
 *
 * <p>Immutable; share freely: every call allocates its own scratch.
 */
public final class CandidateGenerator {

    /** Wildcards are drawn from at least this many of the next best items. */
    private static final int MIN_WILDCARD_POOL = 20;

    private final AlsModel model;
    private final List<ItemProfile> catalog;
    private final ContentModel content;
    private final SessionModel session;
    private final CandidateWeights weights;
    private final float[] popularity;
    private final WildcardPicker wildcards;

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
        Objects.requireNonNull(request, "request");
        int n = catalog.size();
        double beta = request.explorationWeight();
        boolean exploring = beta > 0;
        FoldIn posterior = exploring ? model.posterior(request.history()) : null;
        Exploration exploration = exploring ? new Exploration(posterior) : null;
        float[] user = exploring ? posterior.vector() : model.foldIn(request.history());

        float[] taste = new float[n];
        model.scoreVector(user, taste);
        float[] contentScores = null;
        if (content != null && weights.content() > 0) {
            contentScores = new float[n];
            content.similarities(request.history(), contentScores);
        }
        float[] sessionScores = null;
        if (session != null && weights.session() > 0 && request.sessionItems().length > 0) {
            float[] scores = new float[session.itemCount()];
            session.score(request.sessionItems(), scores);
            sessionScores = Arrays.copyOf(scores, n);
        }
        float[] base = baseScores(taste, contentScores, sessionScores);
        if (!request.allowRepeats()) {
            for (int item : request.history().items()) {
                if (item < n) {
                    base[item] = Float.NEGATIVE_INFINITY;
                }
            }
        }

        int k = Math.min(request.k(), n);
        float[] bonus = exploring ? new float[n] : null;
        int[] top = exploring ? exactTopWithExploration(base, k, beta, exploration, bonus) : select(base, k, null);
        List<Candidate> result = new ArrayList<>(top.length + request.wildcardCount());
        for (int item : top) {
            result.add(candidate(item, base, bonus, taste, contentScores, sessionScores, false));
        }
        if (request.wildcardCount() > 0) {
            boolean[] taken = new boolean[n];
            for (int item : top) {
                taken[item] = true;
            }
            int poolSize = Math.max(MIN_WILDCARD_POOL, 4 * request.wildcardCount());
            int[] pool = select(base, poolSize, taken);
            for (int item : wildcards.pick(request.history(), pool, request.wildcardCount(), request.seed())) {
                if (exploring) {
                    bonus[item] = (float) (beta * exploration.standardDeviation(item));
                }
                result.add(candidate(item, base, bonus, taste, contentScores, sessionScores, true));
            }
        }
        return result;
    }

    private float[] baseScores(float[] taste, float[] contentScores, float[] sessionScores) {
        int n = taste.length;
        float[] base = new float[n];
        float wTaste = (float) weights.taste();
        float wPopularity = (float) weights.popularity();
        for (int item = 0; item < n; item++) {
            base[item] = wTaste * taste[item] + wPopularity * popularity[item];
        }
        if (contentScores != null) {
            float wContent = (float) weights.content();
            for (int item = 0; item < n; item++) {
                base[item] += wContent * contentScores[item];
            }
        }
        if (sessionScores != null) {
            float wSession = (float) weights.session();
            for (int item = 0; item < n; item++) {
                base[item] += wSession * sessionScores[item];
            }
        }
        return base;
    }

    /** The best {@code k} items by {@code scores}, best first, skipping excluded ones and {@code taken}. */
    private static int[] select(float[] scores, int k, boolean[] taken) {
        TopK best = new TopK(k);
        for (int item = 0; item < scores.length; item++) {
            float score = scores[item];
            // Items come in increasing index order, so a score equal to the threshold would lose its tie.
            if (score == Float.NEGATIVE_INFINITY || (best.isFull() && score <= best.threshold())
                    || (taken != null && taken[item])) {
                continue;
            }
            best.offer(item, score);
        }
        return best.drainBestFirst();
    }

    /**
     * The exact top {@code k} by {@code base + beta * sd}, computing {@code sd} only for items whose upper
     * bound can still enter; fills {@code bonus} for the items it computed.
     */
    private static int[] exactTopWithExploration(float[] base, int k, double beta, Exploration exploration,
                                                 float[] bonus) {
        TopK best = new TopK(k);
        boolean[] computed = new boolean[base.length];
        for (int item : select(base, k, null)) {
            bonus[item] = (float) (beta * exploration.standardDeviation(item));
            computed[item] = true;
            best.offer(item, base[item] + bonus[item]);
        }
        for (int item = 0; item < base.length; item++) {
            if (computed[item] || base[item] == Float.NEGATIVE_INFINITY) {
                continue;
            }
            double bound = base[item] + beta * exploration.standardDeviationBound(item);
            if (bound >= best.threshold() || !best.isFull()) {
                bonus[item] = (float) (beta * exploration.standardDeviation(item));
                best.offer(item, base[item] + bonus[item]);
            }
        }
        return best.drainBestFirst();
    }

    private Candidate candidate(int item, float[] base, float[] bonus, float[] taste, float[] contentScores,
                                float[] sessionScores, boolean wildcard) {
        double explorationPart = bonus == null ? 0 : bonus[item];
        ScoreParts parts = new ScoreParts(
                taste[item],
                contentScores == null ? 0 : contentScores[item],
                sessionScores == null ? 0 : sessionScores[item],
                explorationPart,
                popularity[item]);
        return new Candidate(catalog.get(item), base[item] + explorationPart, parts, wildcard);
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
