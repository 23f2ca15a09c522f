package dev.setlist.scorer.candidates;

import dev.setlist.scorer.als.AlsModel;
import dev.setlist.scorer.als.AlsSettings;
import dev.setlist.scorer.als.AlsTrainer;
import dev.setlist.scorer.catalog.ItemProfile;
import dev.setlist.scorer.content.ContentModel;
import dev.setlist.scorer.content.ContentSettings;
import dev.setlist.scorer.content.ContentTrainer;
import dev.setlist.scorer.content.TestCatalog;
import dev.setlist.scorer.data.SyntheticInteractions;
import dev.setlist.scorer.data.UserHistory;
import dev.setlist.scorer.explore.Exploration;
import dev.setlist.scorer.explore.WildcardPicker;
import dev.setlist.scorer.session.SessionModel;
import dev.setlist.scorer.session.SessionSettings;
import dev.setlist.scorer.session.SessionTrainer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CandidateGeneratorTest {

    private static final SyntheticInteractions.Clustered DATA =
            SyntheticInteractions.clustered(300, 160, 4, 15, 0.85, 21);
    private static final List<ItemProfile> CATALOG = TestCatalog.forClusters(DATA);
    private static final AlsModel MODEL = new AlsTrainer(AlsSettings.defaults().withFactors(8).withIterations(5)
            .withRegularization(0.05).withThreads(1)).fit(DATA.data());
    private static final ContentModel CONTENT = new ContentTrainer(ContentSettings.defaults()).fit(CATALOG, MODEL);
    /** Sessions in which item i is always followed by item (i + 1) % 160. */
    private static final SessionModel SESSIONS = new SessionTrainer(SessionSettings.defaults().withWindow(1))
            .fit(IntStream.range(0, 160).mapToObj(i -> new int[] {i, (i + 1) % 160}).toList(), 160);
    private static final CandidateGenerator GENERATOR = CandidateGenerator.builder(MODEL, CATALOG)
            .content(CONTENT).session(SESSIONS).build();
    private static final UserHistory HISTORY = DATA.data().history(5);

    @Test
    void excludesWhatThePersonPlayedAndFillsEveryPart() {
        List<Candidate> candidates = GENERATOR.generate(CandidateRequest.of(HISTORY, 20).withSessionItems(new int[] {7}));

        assertThat(candidates).hasSize(20);
        float[] user = MODEL.foldIn(HISTORY);
        float[] content = new float[CATALOG.size()];
        CONTENT.similarities(HISTORY, content);
        float[] session = new float[CATALOG.size()];
        SESSIONS.score(new int[] {7}, session);
        CandidateWeights w = CandidateWeights.defaults();
        for (Candidate candidate : candidates) {
            int item = indexOf(candidate);
            assertThat(HISTORY.contains(item)).as("item %d was played", item).isFalse();
            assertThat(candidate.wildcard()).isFalse();
            ScoreParts parts = candidate.parts();
            assertThat(parts.taste()).isCloseTo(MODEL.itemDot(item, user), within(1e-5));
            assertThat(parts.content()).isCloseTo(content[item], within(1e-6));
            assertThat(parts.session()).isCloseTo(session[item], within(1e-6));
            assertThat(parts.popularity()).isCloseTo(GENERATOR.popularity(item), within(1e-6));
            assertThat(parts.exploration()).isZero();
            assertThat(candidate.score()).isCloseTo(w.taste() * parts.taste() + w.content() * parts.content()
                    + w.session() * parts.session() + w.popularity() * parts.popularity(), within(1e-5));
        }
        assertThat(candidates.stream().mapToInt(CandidateGeneratorTest::indexOf)).contains(8);
    }

    @Test
    void returnsExactlyTheTopKOfTheWholeCatalogBestFirst() {
        List<Candidate> candidates = GENERATOR.generate(CandidateRequest.of(HISTORY, 15));
        List<Candidate> all = GENERATOR.generate(CandidateRequest.of(HISTORY, CATALOG.size()));

        List<Candidate> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingDouble(Candidate::score).reversed());
        assertThat(all).containsExactlyElementsOf(sorted);
        assertThat(all).hasSize(CATALOG.size() - HISTORY.size());
        assertThat(candidates).containsExactlyElementsOf(all.subList(0, 15));
    }

    @Test
    void aRankingCarriesEachCandidatesItemIndexInOrder() {
        CandidateRequest request = CandidateRequest.of(HISTORY, 15).withWildcards(3, 11L);
        CandidateGenerator.Ranking ranking = GENERATOR.rank(request);

        assertThat(ranking.candidates()).containsExactlyElementsOf(GENERATOR.generate(request));
        assertThat(ranking.items()).hasSize(ranking.candidates().size());
        for (int position = 0; position < ranking.items().length; position++) {
            assertThat(ranking.item(position)).isEqualTo(indexOf(ranking.candidates().get(position)));
        }
        assertThat(ranking.candidates().stream().filter(Candidate::wildcard)).hasSize(3);
    }

    @Test
    void excludedItemsAreLeftOutBeforeRankingSoKCountsTheRest() {
        List<Candidate> all = GENERATOR.generate(CandidateRequest.of(HISTORY, CATALOG.size()));
        java.util.BitSet excluded = new java.util.BitSet();
        for (int rank = 0; rank < all.size(); rank += 2) {
            excluded.set(indexOf(all.get(rank)));
        }
        List<Candidate> candidates = GENERATOR.generate(CandidateRequest.of(HISTORY, 15).withExcluded(excluded));

        List<Candidate> expected = new ArrayList<>();
        for (int rank = 1; rank < all.size() && expected.size() < 15; rank += 2) {
            expected.add(all.get(rank));
        }
        assertThat(candidates).as("the best 15 of what is left, best first").containsExactlyElementsOf(expected);
    }

    @Test
    void excludedRunsAtTheCatalogsEndsAreNotScannedAndTheRestStaysExact() {
        // A catalog ordered by media asked for one media: the excluded items are a run at each end, which the scan
        // skips. The answer must be the brute-force ranking of the items in between, exploration and all.
        double beta = 0.5;
        int from = 37;
        int to = 121;
        java.util.BitSet excluded = new java.util.BitSet();
        excluded.set(0, from);
        excluded.set(to, CATALOG.size());
        excluded.set(60);
        CandidateRequest request = CandidateRequest.of(HISTORY, 12).withSessionItems(new int[] {70})
                .withExplorationWeight(beta).withExcluded(excluded);

        List<Candidate> candidates = GENERATOR.generate(request);

        List<Candidate> everything = GENERATOR.generate(CandidateRequest.of(HISTORY, CATALOG.size())
                .withSessionItems(new int[] {70}).withExplorationWeight(beta));
        List<Candidate> expected = everything.stream()
                .filter(c -> indexOf(c) >= from && indexOf(c) < to && indexOf(c) != 60)
                .limit(12).toList();
        assertThat(candidates).hasSize(12).containsExactlyElementsOf(expected);
        assertThat(GENERATOR.generate(CandidateRequest.of(HISTORY, 5).withExcluded(allOf(CATALOG.size())))).isEmpty();
    }

    private static java.util.BitSet allOf(int size) {
        java.util.BitSet all = new java.util.BitSet();
        all.set(0, size);
        return all;
    }

    @Test
    void repeatsComeBackWhenAllowed() {
        List<Candidate> candidates = GENERATOR.generate(CandidateRequest.of(HISTORY, 40).withAllowRepeats(true));

        assertThat(candidates.stream().mapToInt(CandidateGeneratorTest::indexOf).filter(HISTORY::contains).count())
                .isPositive();
    }

    @Test
    void explorationAddsTheUncertaintyBonusAndStaysExact() {
        double beta = 0.8;
        List<Candidate> candidates = GENERATOR.generate(CandidateRequest.of(HISTORY, 12).withExplorationWeight(beta));
        Exploration exploration = Exploration.of(MODEL, HISTORY);

        // Brute force: the bonus of every item, then a full sort.
        List<Candidate> plain = GENERATOR.generate(CandidateRequest.of(HISTORY, CATALOG.size()));
        int[] expected = plain.stream()
                .sorted(Comparator.<Candidate>comparingDouble(c -> -(c.score() + beta * exploration.standardDeviation(indexOf(c))))
                        .thenComparingInt(CandidateGeneratorTest::indexOf))
                .limit(12).mapToInt(CandidateGeneratorTest::indexOf).toArray();
        assertThat(candidates.stream().mapToInt(CandidateGeneratorTest::indexOf).toArray()).containsExactly(expected);
        // The bonus is large enough here to change the list: the check above is not the plain ranking again.
        assertThat(candidates.stream().map(Candidate::itemId).toList())
                .isNotEqualTo(plain.subList(0, 12).stream().map(Candidate::itemId).toList());
        for (Candidate candidate : candidates) {
            assertThat(candidate.parts().exploration())
                    .isCloseTo(beta * exploration.standardDeviation(indexOf(candidate)), within(1e-5));
        }
    }

    @Test
    void explorationStaysExactWhenManyItemsWaitForTheirBonusAfterTheFullPass() {
        // 32 factors: a head of 8 and a real tail, so the bounds are loose, and a bonus large enough that many items
        // of the full pass can only be settled by their exact variance, solved in batches once the pass is over.
        SyntheticInteractions.Clustered data = SyntheticInteractions.clustered(400, 600, 6, 20, 0.8, 5);
        List<ItemProfile> catalog = TestCatalog.forClusters(data);
        AlsModel model = new AlsTrainer(AlsSettings.defaults().withFactors(32).withIterations(4)
                .withRegularization(0.05).withThreads(1)).fit(data.data());
        CandidateGenerator generator = CandidateGenerator.builder(model, catalog).build();
        UserHistory history = data.data().history(11);
        Exploration exploration = Exploration.of(model, history);
        java.util.function.ToIntFunction<Candidate> index = c -> data.data().items().indexOf(c.itemId());
        for (double beta : new double[] {0.3, 2.0, 8.0}) {
            List<Candidate> plain = generator.generate(CandidateRequest.of(history, catalog.size()));
            int[] expected = plain.stream()
                    .sorted(Comparator.<Candidate>comparingDouble(c -> -(c.score() + beta * exploration.standardDeviation(index.applyAsInt(c))))
                            .thenComparingInt(index))
                    .limit(40).mapToInt(index).toArray();

            List<Candidate> candidates = generator.generate(CandidateRequest.of(history, 40).withExplorationWeight(beta));

            assertThat(candidates.stream().mapToInt(index).toArray()).as("beta " + beta)
                    .containsExactly(expected);
            for (Candidate candidate : candidates) {
                assertThat(candidate.parts().exploration())
                        .isCloseTo(beta * exploration.standardDeviation(index.applyAsInt(candidate)), within(1e-5));
                assertThat(candidate.score()).isCloseTo(plain.stream().filter(c -> c.itemId().equals(candidate.itemId()))
                        .findFirst().orElseThrow().score() + candidate.parts().exploration(), within(1e-4));
            }
        }
    }

    @Test
    void scratchReusedFromOneRequestToTheNextLeavesNoTrace() {
        // One generator serves requests over different ranges, histories and sessions in turn, from two threads at
        // once: each answer must be what a generator that never served anything else gives.
        java.util.BitSet middle = new java.util.BitSet();
        middle.set(0, 37);
        middle.set(121, CATALOG.size());
        List<CandidateRequest> requests = List.of(
                CandidateRequest.of(HISTORY, 12).withSessionItems(new int[] {70}).withExplorationWeight(0.5)
                        .withExcluded(middle),
                CandidateRequest.of(DATA.data().history(9), 30).withExplorationWeight(0.2),
                CandidateRequest.of(DATA.data().history(17), 8).withSessionItems(new int[] {3, 4}),
                CandidateRequest.of(HISTORY, 12).withExcluded(middle));
        List<List<Candidate>> expected = requests.stream().map(request -> CandidateGenerator.builder(MODEL, CATALOG)
                .content(CONTENT).session(SESSIONS).build().generate(request)).toList();
        CandidateGenerator shared = CandidateGenerator.builder(MODEL, CATALOG).content(CONTENT).session(SESSIONS).build();

        java.util.concurrent.ConcurrentLinkedQueue<String> wrong = new java.util.concurrent.ConcurrentLinkedQueue<>();
        Runnable serve = () -> {
            for (int round = 0; round < 50; round++) {
                for (int r = 0; r < requests.size(); r++) {
                    if (!shared.generate(requests.get(r)).equals(expected.get(r))) {
                        wrong.add("request " + r + " in round " + round);
                    }
                }
            }
        };
        Thread other = new Thread(serve);
        other.start();
        serve.run();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(other::join)).isNull();
        assertThat(wrong).isEmpty();
    }

    @Test
    void anEmptyHistoryFallsBackToPopularity() {
        CandidateGenerator generator = CandidateGenerator.builder(MODEL, CATALOG).build();
        List<Candidate> candidates = generator.generate(CandidateRequest.of(UserHistory.EMPTY, 10));

        int[] mostPopular = IntStream.range(0, CATALOG.size()).boxed()
                .sorted(Comparator.<Integer>comparingInt(i -> -MODEL.itemFrequency(i)).thenComparingInt(i -> i))
                .limit(10).mapToInt(Integer::intValue).toArray();
        assertThat(candidates.stream().mapToInt(CandidateGeneratorTest::indexOf).toArray()).containsExactly(mostPopular);
        assertThat(candidates).allSatisfy(c -> assertThat(c.parts().taste()).isZero());
    }

    @Test
    void wildcardsComeAfterTheTopKMarkedFarFromTasteAndRepeatableBySeed() {
        CandidateRequest request = CandidateRequest.of(HISTORY, 10).withWildcards(3, 99);
        List<Candidate> candidates = GENERATOR.generate(request);

        assertThat(candidates).hasSize(13);
        assertThat(candidates.subList(0, 10)).noneMatch(Candidate::wildcard);
        List<Candidate> picked = candidates.subList(10, 13);
        assertThat(picked).allMatch(Candidate::wildcard);
        assertThat(picked).noneMatch(c -> HISTORY.contains(indexOf(c)));
        assertThat(picked.stream().mapToInt(CandidateGeneratorTest::indexOf).distinct().count()).isEqualTo(3);
        assertThat(GENERATOR.generate(request)).containsExactlyElementsOf(candidates);

        WildcardPicker picker = new WildcardPicker(MODEL);
        float[] centroid = picker.tasteCentroid(HISTORY);
        double topSimilarity = candidates.subList(0, 10).stream()
                .mapToDouble(c -> picker.tasteSimilarity(centroid, indexOf(c))).average().orElseThrow();
        double wildSimilarity = picked.stream()
                .mapToDouble(c -> picker.tasteSimilarity(centroid, indexOf(c))).average().orElseThrow();
        assertThat(wildSimilarity).isLessThan(topSimilarity);
    }

    @Test
    void aLargeKReturnsEveryEligibleItemAndZeroReturnsNone() {
        assertThat(GENERATOR.generate(CandidateRequest.of(HISTORY, 10_000))).hasSize(CATALOG.size() - HISTORY.size());
        assertThat(GENERATOR.generate(CandidateRequest.of(HISTORY, 0))).isEmpty();
    }

    @Test
    void rejectsMismatchedPartsAndBadRequests() {
        assertThatThrownBy(() -> CandidateGenerator.builder(MODEL, CATALOG.subList(0, 100)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("withColdItems");
        assertThatThrownBy(() -> CandidateRequest.of(HISTORY, -1)).hasMessageContaining("k must not be negative");
        assertThatThrownBy(() -> CandidateRequest.of(HISTORY, 5).withExplorationWeight(Double.NaN))
                .hasMessageContaining("explorationWeight");
        assertThatThrownBy(() -> CandidateRequest.of(HISTORY, 5).withWildcards(-1, 0)).hasMessageContaining("wildcardCount");
        assertThatThrownBy(() -> CandidateWeights.defaults().withSession(-1)).hasMessageContaining("session");
    }

    private static int indexOf(Candidate candidate) {
        return DATA.data().items().indexOf(candidate.itemId());
    }
}
