package dev.setlist.scorer.als;

import dev.setlist.scorer.RecommenderModel;
import dev.setlist.scorer.data.UserHistory;

import java.util.Arrays;
import java.util.Objects;

/**
 * A trained iALS model: one vector per item, one per user seen in training, and the item Gramian that
 * {@link #foldIn fold-in} needs. Anyone, trained or not, is scored from a history: fold-in solves that
 * person's row of the training objective with the item vectors fixed (exactly the trainer's user update),
 * then each item's score is the dot product of its vector with the person's.
 *
 * <p>Items with no interactions in training are <em>cold</em> ({@link #itemFrequency} is 0): training
 * leaves them at the zero vector (score 0 for everyone) until {@link #withItemVectors} gives them a vector,
 * for example one mapped from their features by {@code dev.setlist.scorer.content.ContentModel}.
 *
 * <p>Immutable (a table of deviation bounds is filled on first use); share freely. Every method may be called
 * from any number of threads.
 */
public final class AlsModel implements RecommenderModel {

    /**
     * Items per tile of the scoring layout. Scoring the whole catalog walks the tiles factor by factor, so
     * every inner loop is a vectorizable {@code scores[0..TILE) += x_a * tile[0..TILE)}.
     */
    static final int TILE = 256;

    /** Bands of eigen-coordinates for the variance bound: more bands, tighter bounds, more memory. */
    static final int BANDS = 4;

    private final AlsSettings settings;
    private final int factors;
    private final int itemCount;
    private final int userCount;
    /**
     * The leading {@link #head} coordinates of the items in tiles of {@link #TILE} items:
     * {@code headTiles[t * head + a][j]} is coordinate {@code a} of item {@code t * TILE + j}. Kept apart from
     * the rest so that {@link #headScores} streams through memory holding nothing else (interleaved with the
     * tail rows, the head's pages are a quarter full and the scan costs half as much again).
     */
    private final float[][] headTiles;
    /** Coordinates {@code head..factors-1} in the same tiles: {@code tailTiles[t * (factors - head) + a][j]}. */
    private final float[][] tailTiles;
    private final float[] userFactors;
    private final int[] itemFrequencies;
    private final double[] itemGramian;
    private final float[] itemSquaredNorms;
    /** For each item, its squared length in each band of the Gramian's eigen-coordinates (see {@link #varianceBound}). */
    private final float[] bandEnergies;
    /** A lower bound on the Gramian's eigenvalues within each band. */
    private final double[] bandEigenvalues;
    /** Leading coordinates scanned first by {@link #headScores}. */
    private final int head;
    /**
     * Every item's vector, row after row, for single items (exact tails, dot products, copies): a few consecutive
     * cache lines per item, where the tiles, laid out for scanning the catalog, would take one per coordinate.
     */
    private final float[] rows;
    private final float[] tailNorms;
    /** The tail splits at {@code near}: {@link #nearScore} reads {@code head..near-1}, {@link #farScore} the rest. */
    private final int near;
    private final float[] farNorms;
    /**
     * The deviation bounds for the regularization last asked for: filled on first use, replaced when another
     * regularization is asked for. Racing threads may each compute it; any of them is right.
     */
    private volatile DeviationTable deviationTable;

    AlsModel(AlsSettings settings, float[] itemFactors, float[] userFactors, int userCount,
             int[] itemFrequencies, double[] itemGramian) {
        this.settings = settings;
        this.factors = settings.factors();
        this.itemCount = itemFrequencies.length;
        this.userCount = userCount;
        this.head = Math.min(factors, Math.max(8, factors / 4));
        this.headTiles = tiled(itemFactors, itemCount, factors, 0, head);
        this.tailTiles = tiled(itemFactors, itemCount, factors, head, factors);
        this.userFactors = userFactors;
        this.itemFrequencies = itemFrequencies;
        this.itemGramian = itemGramian;
        this.itemSquaredNorms = new float[itemCount];
        for (int item = 0; item < itemCount; item++) {
            float sum = 0f;
            for (int a = item * factors; a < (item + 1) * factors; a++) {
                sum += itemFactors[a] * itemFactors[a];
            }
            itemSquaredNorms[item] = sum;
        }
        this.bandEigenvalues = new double[BANDS];
        this.bandEnergies = bandEnergies(itemFactors, itemCount, factors, itemGramian, bandEigenvalues);
        this.rows = itemFactors.clone();
        this.tailNorms = new float[itemCount];
        this.near = Math.min(factors, 2 * head);
        this.farNorms = new float[itemCount];
        for (int item = 0; item < itemCount; item++) {
            float sum = 0f;
            float far = 0f;
            for (int a = head; a < factors; a++) {
                float square = itemFactors[item * factors + a] * itemFactors[item * factors + a];
                sum += square;
                if (a >= near) {
                    far += square;
                }
            }
            tailNorms[item] = (float) Math.sqrt(sum);
            farNorms[item] = (float) Math.sqrt(far);
        }
    }

    /** Coordinates {@code from..to-1} of every item, tiled: {@code result[t * (to - from) + a][j]}. */
    private static float[][] tiled(float[] factors, int items, int d, int from, int to) {
        int width = to - from;
        int tileCount = (items + TILE - 1) / TILE;
        float[][] tiles = new float[tileCount * width][TILE];
        for (int item = 0; item < items; item++) {
            int tile = item / TILE;
            int slot = item % TILE;
            for (int a = 0; a < width; a++) {
                tiles[tile * width + a][slot] = factors[item * d + from + a];
            }
        }
        return tiles;
    }

    /** Copies the vector of {@code item} (unchecked) into {@code into[0..factors)}. */
    void copyItemVector(int item, float[] into) {
        // From the item's row: a few consecutive cache lines (the tiles would take one line per coordinate).
        System.arraycopy(rows, item * factors, into, 0, factors);
    }

    /** All item vectors, flat and row-major (a new array). */
    float[] flatItemFactors() {
        return rows.clone();
    }

    /**
     * Each item's squared length in each of {@link #BANDS} bands of the Gramian's eigen-coordinates (largest
     * eigenvalues first), and in {@code bandEigenvalues} a lower bound on the eigenvalues of each band. Both
     * carry a small margin for rounding (energies up by 1e-4, eigenvalues down by 1e-6 of the largest), so
     * that bounds built on them stay bounds.
     */
    private static float[] bandEnergies(float[] factors, int items, int d, double[] gramian, double[] bandEigenvalues) {
        Eigenbasis basis = Eigenbasis.of(gramian, d);
        float[] eigenvalues = basis.eigenvalues();
        double largest = eigenvalues[0];
        int[] bandStart = new int[BANDS + 1];
        for (int b = 0; b <= BANDS; b++) {
            bandStart[b] = b * d / BANDS;
        }
        for (int b = 0; b < BANDS; b++) {
            bandEigenvalues[b] = bandStart[b + 1] > bandStart[b]
                    ? Math.max(0, eigenvalues[bandStart[b + 1] - 1] - 1e-6 * largest) : 0;
        }
        float[] energies = new float[items * BANDS];
        float[] row = new float[d];
        float[] projected = new float[d];
        for (int item = 0; item < items; item++) {
            System.arraycopy(factors, item * d, row, 0, d);
            basis.rotate(row, projected);
            for (int b = 0; b < BANDS; b++) {
                float sum = 0f;
                for (int a = bandStart[b]; a < bandStart[b + 1]; a++) {
                    sum += projected[a] * projected[a];
                }
                energies[item * BANDS + b] = sum * 1.0001f;
            }
        }
        return energies;
    }

    /**
     * An upper bound on {@code q_item^T A^-1 q_item} for any fold-in system {@code A} with this
     * {@code regularization}: {@code A >= alpha0 G + reg I} (every confidence is at least 1, at least
     * {@code alpha0}), so {@code q^T A^-1 q <= sum_j (v_j.q)^2 / (alpha0 lambda_j + reg)} over the Gramian's
     * eigenpairs, bounded band by band with each band's smallest eigenvalue. Four multiplications per item.
     */
    double varianceBound(int item, double regularization) {
        double alpha0 = settings.unobservedWeight();
        int from = Objects.checkIndex(item, itemCount) * BANDS;
        double sum = 0;
        for (int b = 0; b < BANDS; b++) {
            sum += bandEnergies[from + b] / (regularization + alpha0 * bandEigenvalues[b]);
        }
        return sum;
    }

    /**
     * {@code sqrt} of {@link #varianceBound} for every item, rounded up to a float, kept for the regularization
     * last asked for (see {@link FoldIn#standardDeviationBounds}).
     */
    float[] standardDeviationBounds(double regularization) {
        DeviationTable table = deviationTable;
        if (table == null || table.regularization() != regularization) {
            float[] bounds = new float[itemCount];
            for (int item = 0; item < itemCount; item++) {
                bounds[item] = Math.nextUp((float) Math.sqrt(varianceBound(item, regularization)));
            }
            table = new DeviationTable(regularization, bounds);
            deviationTable = table;
        }
        return table.bounds();
    }

    /** The standard deviation bounds of every item under one regularization (see {@link #standardDeviationBounds}). */
    private record DeviationTable(double regularization, float[] bounds) {
    }

    public AlsSettings settings() {
        return settings;
    }

    /** Number of latent dimensions. */
    public int factors() {
        return factors;
    }

    @Override
    public int itemCount() {
        return itemCount;
    }

    /** Number of users in the training data; their indices are {@code 0..userCount()-1}. */
    public int userCount() {
        return userCount;
    }

    /** How many users interacted with {@code item} in the training data; 0 for a cold item. */
    public int itemFrequency(int item) {
        return itemFrequencies[Objects.checkIndex(item, itemCount)];
    }

    /** Whether {@code item} had no interactions in training. */
    public boolean isCold(int item) {
        return itemFrequency(item) == 0;
    }

    /** A copy of the vector of {@code item}. */
    public float[] itemVector(int item) {
        float[] vector = new float[factors];
        copyItemVector(Objects.checkIndex(item, itemCount), vector);
        return vector;
    }

    /** {@code |q_item|^2}. */
    public float itemSquaredNorm(int item) {
        return itemSquaredNorms[Objects.checkIndex(item, itemCount)];
    }

    /** A copy of the trained vector of {@code user}, from the training's last user half-step. */
    public float[] userVector(int user) {
        int from = Objects.checkIndex(user, userCount) * factors;
        return Arrays.copyOfRange(userFactors, from, from + factors);
    }

    /** {@code q_item . vector} for a vector of length {@link #factors()}. */
    public float itemDot(int item, float[] vector) {
        requireLength(vector);
        return DenseKernels.dot(rows, Objects.checkIndex(item, itemCount) * factors, vector, 0, factors);
    }

    /**
     * The vector of a person with this history, item vectors fixed: the solve of
     * {@code (alpha0 G + reg I + sum_i (c_i - alpha0) q_i q_i^T) x = sum_i c_i q_i}, exactly (Cholesky, double
     * precision). Items at or beyond {@link #itemCount()} are ignored; an empty history gives the zero vector.
     */
    public float[] foldIn(UserHistory history) {
        return posterior(history).vector();
    }

    /**
     * The fold-in together with its factorized system, from which the uncertainty of each score follows:
     * see {@link FoldIn}.
     */
    public FoldIn posterior(UserHistory history) {
        Objects.requireNonNull(history, "history");
        int[] items = history.items();
        int known = knownPrefix(items);
        // The history's item vectors, gathered row after row, so the solver reads them as columns 0..known-1.
        float[] gathered = new float[known * factors];
        int[] positions = new int[known];
        float[] confidences = new float[known];
        float alpha = (float) settings.alpha();
        float[] weights = history.weights();
        float[] row = new float[factors];
        for (int j = 0; j < known; j++) {
            copyItemVector(items[j], row);
            System.arraycopy(row, 0, gathered, j * factors, factors);
            positions[j] = j;
            confidences[j] = 1f + alpha * weights[j];
        }
        double regularization = settings.rowRegularization(known, itemCount);
        RowSolver solver = new RowSolver(factors);
        float[] vector = new float[factors];
        solver.exact(positions, confidences, 0, known, gathered, itemGramian, settings.unobservedWeight(),
                regularization, vector, 0);
        return new FoldIn(this, vector, solver.factorOfSystem(), regularization);
    }

    private int knownPrefix(int[] sortedItems) {
        int position = Arrays.binarySearch(sortedItems, itemCount);
        return position >= 0 ? position : -position - 1;
    }

    /** Fold-in, then one dot product per item. */
    @Override
    public void score(UserHistory history, float[] scores) {
        scoreVector(foldIn(history), scores);
    }

    /** {@code scores[i] = q_i . userVector} for every item. */
    public void scoreVector(float[] userVector, float[] scores) {
        requireLength(userVector);
        if (scores.length < itemCount) {
            throw new IllegalArgumentException("scores has length " + scores.length + ", need " + itemCount);
        }
        int tail = factors - head;
        float[] userTail = Arrays.copyOfRange(userVector, head, factors);
        float[] tileScores = new float[TILE];
        for (int tile = 0, from = 0; from < itemCount; tile++, from += TILE) {
            Arrays.fill(tileScores, 0f);
            DenseKernels.combine(userVector, headTiles, tile * head, head, tileScores, TILE);
            DenseKernels.combine(userTail, tailTiles, tile * tail, tail, tileScores, TILE);
            System.arraycopy(tileScores, 0, scores, from, Math.min(TILE, itemCount - from));
        }
    }

    /**
     * Number of leading coordinates that {@link #headScores} reads. A trained model is in the eigenbasis of
     * its item Gramian, largest eigenvalue first, so these carry most of each item's energy.
     */
    public int headFactors() {
        return head;
    }

    /**
     * {@code out[i] = q_i[0..head) . userVector[0..head)} for every item: a quarter of the work and of the
     * memory traffic of {@link #scoreVector}. The rest of each score is at most
     * {@code tailNorm(i) * tailNorm(userVector)} in absolute value (Cauchy-Schwarz), and
     * {@link #tailScore} gives it exactly, so callers can select the exact top items while computing full
     * scores only for the few whose bound can still matter.
     */
    public void headScores(float[] userVector, float[] out) {
        headScores(userVector, out, 0, itemCount);
    }

    /**
     * {@link #headScores(float[], float[])} for the items {@code from..to-1} only: {@code out[i]} is written for
     * those, and nothing else is read or written (the tiles that straddle the ends are scored whole and copied in
     * part). A catalog ordered so that what one request may return is contiguous scans only that part.
     */
    public void headScores(float[] userVector, float[] out, int from, int to) {
        requireLength(userVector);
        Objects.checkFromToIndex(from, to, itemCount);
        if (out.length < to) {
            throw new IllegalArgumentException("out has length " + out.length + ", need " + to);
        }
        float[] tileScores = new float[TILE];
        for (int tile = from / TILE, start = tile * TILE; start < to; tile++, start += TILE) {
            Arrays.fill(tileScores, 0f);
            DenseKernels.combine(userVector, headTiles, tile * head, head, tileScores, TILE);
            int first = Math.max(start, from);
            System.arraycopy(tileScores, first - start, out, first, Math.min(start + TILE, to) - first);
        }
    }

    /**
     * {@code out[i] = head[i] + scale * |q_i[head..d)|} for every item: with {@code scale} at least the
     * tail norm of a person's vector, an upper bound on each full score given its head score.
     */
    public void addTailBounds(float[] head, float scale, float[] out) {
        if (head.length < itemCount || out.length < itemCount) {
            throw new IllegalArgumentException("head and out need length " + itemCount);
        }
        for (int item = 0; item < itemCount; item++) {
            out[item] = head[item] + scale * tailNorms[item];
        }
    }

    /** {@code |q_item[head..d)|}. */
    public float tailNorm(int item) {
        return tailNorms[Objects.checkIndex(item, itemCount)];
    }

    /** {@code |vector[head..d)|} for a person's vector. */
    public float tailNorm(float[] userVector) {
        return normFrom(userVector, head);
    }

    /**
     * {@code q_item[head..d) . userVector[head..d)}: what {@link #headScores} leaves out of the score; exactly
     * {@code nearScore + farScore}.
     */
    public float tailScore(int item, float[] userVector) {
        return nearScore(item, userVector) + farScore(item, userVector);
    }

    /**
     * The first part of the tail, {@code q_item[head..near) . userVector[head..near)} with {@code near = 2 head}
     * (or {@code d}): one cache line of the item's row. With {@link #farNorm} it bounds the score more tightly than
     * the head alone, before the rest of the row is read.
     */
    public float nearScore(int item, float[] userVector) {
        requireLength(userVector);
        int from = Objects.checkIndex(item, itemCount) * factors + head;
        return DenseKernels.dot(rows, from, userVector, head, near - head);
    }

    /** The rest of the tail, {@code q_item[near..d) . userVector[near..d)} (see {@link #nearScore}). */
    public float farScore(int item, float[] userVector) {
        requireLength(userVector);
        int from = Objects.checkIndex(item, itemCount) * factors + near;
        return DenseKernels.dot(rows, from, userVector, near, factors - near);
    }

    /** {@code |q_item[near..d)|}: with {@link #farNorm(float[])}, a bound on {@link #farScore}. */
    public float farNorm(int item) {
        return farNorms[Objects.checkIndex(item, itemCount)];
    }

    /** {@code |vector[near..d)|} for a person's vector. */
    public float farNorm(float[] userVector) {
        return normFrom(userVector, near);
    }

    /** {@code |vector[from..d)|}. */
    private float normFrom(float[] vector, int from) {
        requireLength(vector);
        float sum = 0f;
        for (int a = from; a < factors; a++) {
            sum += vector[a] * vector[a];
        }
        return (float) Math.sqrt(sum);
    }

    /**
     * This model with vectors for cold items, possibly beyond the current item count (new items get
     * indices {@code itemCount()..newItemCount-1}; those not given a vector stay at zero). The Gramian is
     * recomputed so that fold-in accounts for the new items as unobserved. The basis is kept: vectors given
     * here, and every vector this model hands out, are in the same coordinates.
     *
     * @param newItemCount at least {@link #itemCount()}
     * @param items        item indices, each cold and below {@code newItemCount}
     * @param vectors      their vectors, {@code items.length * factors()} values, row after row
     * @throws IllegalArgumentException when an item has interactions (its trained vector is kept), or sizes disagree
     */
    public AlsModel withItemVectors(int newItemCount, int[] items, float[] vectors) {
        if (newItemCount < itemCount) {
            throw new IllegalArgumentException("newItemCount " + newItemCount + " is below itemCount " + itemCount);
        }
        if (vectors.length != items.length * factors) {
            throw new IllegalArgumentException("expected " + items.length * factors + " vector values, got "
                    + vectors.length);
        }
        float[] extended = Arrays.copyOf(flatItemFactors(), newItemCount * factors);
        for (int j = 0; j < items.length; j++) {
            int item = items[j];
            if (item < 0 || item >= newItemCount) {
                throw new IllegalArgumentException("item " + item + " is outside [0, " + newItemCount + ")");
            }
            if (item < itemCount && itemFrequencies[item] > 0) {
                throw new IllegalArgumentException("item " + item + " has " + itemFrequencies[item]
                        + " interactions; only cold items take a given vector");
            }
            for (int a = 0; a < factors; a++) {
                float value = vectors[j * factors + a];
                if (!Float.isFinite(value)) {
                    throw new IllegalArgumentException("vector of item " + item + " is not finite");
                }
                extended[item * factors + a] = value;
            }
        }
        int[] frequencies = Arrays.copyOf(itemFrequencies, newItemCount);
        double[] gramian;
        try (RowParallelism sequential = new RowParallelism(1)) {
            gramian = Gramian.of(extended, newItemCount, factors, sequential);
        }
        return new AlsModel(settings, extended, userFactors, userCount, frequencies, gramian);
    }

    /**
     * A model from saved item vectors and the training frequencies of their items (a snapshot), without
     * user vectors: serving folds everyone in, so the items are all it needs. The Gramian and the scoring
     * layout are rebuilt from the vectors; scores equal the saved model's up to float rounding.
     *
     * @param itemFactors     {@code itemFrequencies.length * settings.factors()} values, item after item
     * @param itemFrequencies how many users interacted with each item in training (0: cold)
     * @throws IllegalArgumentException when sizes disagree or a value is not finite or a frequency negative
     */
    public static AlsModel ofItemVectors(AlsSettings settings, float[] itemFactors, int[] itemFrequencies) {
        int factors = settings.factors();
        if (itemFactors.length != itemFrequencies.length * factors) {
            throw new IllegalArgumentException("expected " + itemFrequencies.length * factors + " item values for "
                    + itemFrequencies.length + " items of " + factors + " factors, got " + itemFactors.length);
        }
        for (float value : itemFactors) {
            if (!Float.isFinite(value)) {
                throw new IllegalArgumentException("an item vector is not finite");
            }
        }
        for (int frequency : itemFrequencies) {
            if (frequency < 0) {
                throw new IllegalArgumentException("an item frequency is negative");
            }
        }
        float[] items = itemFactors.clone();
        double[] gramian;
        try (RowParallelism sequential = new RowParallelism(1)) {
            gramian = Gramian.of(items, itemFrequencies.length, factors, sequential);
        }
        return new AlsModel(settings, items, new float[0], 0, itemFrequencies.clone(), gramian);
    }

    private void requireLength(float[] vector) {
        if (vector.length != factors) {
            throw new IllegalArgumentException("vector has length " + vector.length + ", model has " + factors
                    + " factors");
        }
    }
}
