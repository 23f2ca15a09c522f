package dev.setlist.scorer.content;

import dev.setlist.scorer.als.AlsModel;
import dev.setlist.scorer.als.AlsSettings;
import dev.setlist.scorer.als.AlsTrainer;
import dev.setlist.scorer.catalog.ItemProfile;
import dev.setlist.scorer.data.Interactions;
import dev.setlist.scorer.data.SyntheticInteractions;
import dev.setlist.scorer.data.UserHistory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContentModelTest {

    private static final SyntheticInteractions.Clustered DATA =
            SyntheticInteractions.clustered(400, 200, 4, 15, 0.9, 3);
    private static final List<ItemProfile> CATALOG = TestCatalog.forClusters(DATA);
    private static final AlsModel MODEL = new AlsTrainer(AlsSettings.defaults().withFactors(8).withIterations(6)
            .withRegularization(0.05).withThreads(1)).fit(DATA.data());
    private static final ContentModel CONTENT = new ContentTrainer(ContentSettings.defaults()).fit(CATALOG, MODEL);

    @Test
    void aNewItemLandsAmongItsFeatureTwins() {
        for (int cluster = 0; cluster < 4; cluster++) {
            float[] mapped = CONTENT.latentVector(TestCatalog.clusterItem("new", cluster, 2));
            int[] nearest = nearestItems(mapped, 10);
            int finalCluster = cluster;
            long twins = IntStream.of(nearest).filter(i -> DATA.itemCluster()[i] == finalCluster).count();
            assertThat(twins).as("of the 10 nearest items to a new item of cluster %d", cluster).isGreaterThanOrEqualTo(8);
        }
    }

    @Test
    void aNewItemScoresHighestForThePeopleWhoLikeItsKind() {
        List<ItemProfile> grown = new ArrayList<>(CATALOG);
        grown.add(TestCatalog.clusterItem("new", 1, 3));
        ContentModel content = new ContentTrainer(ContentSettings.defaults()).fit(grown, MODEL);
        AlsModel extended = content.withColdItems(MODEL);
        int newItem = grown.size() - 1;
        assertThat(extended.itemCount()).isEqualTo(grown.size());

        double fans = 0;
        double others = 0;
        int fanCount = 0;
        Interactions data = DATA.data();
        for (int user = 0; user < data.userCount(); user++) {
            float score = extended.itemDot(newItem, extended.foldIn(data.history(user)));
            if (DATA.favouriteCluster()[user] == 1) {
                fans += score;
                fanCount++;
            } else {
                others += score;
            }
        }
        assertThat(fans / fanCount).isGreaterThan(3 * others / (data.userCount() - fanCount));
    }

    @Test
    void warmItemsKeepTheirTrainedVectorsAndColdOnesGetMappedOnes() {
        Interactions.Builder builder = Interactions.builder();
        for (int item = 0; item < CATALOG.size(); item++) {
            builder.addItem("i" + item);
        }
        // Only cluster 0 and 1 items are ever played: the others are cold.
        Interactions data = DATA.data();
        for (int user = 0; user < data.userCount(); user++) {
            UserHistory history = data.history(user);
            for (int k = 0; k < history.size(); k++) {
                if (DATA.itemCluster()[history.items()[k]] < 2) {
                    builder.add("u" + user, "i" + history.items()[k], 1f, k);
                }
            }
        }
        Interactions partial = builder.build();
        AlsModel model = new AlsTrainer(AlsSettings.defaults().withFactors(8).withIterations(4).withThreads(1)).fit(partial);
        ContentModel content = new ContentTrainer(ContentSettings.defaults()).fit(CATALOG, model);
        AlsModel filled = content.withColdItems(model);

        assertThat(filled.itemVector(0)).containsExactly(model.itemVector(0));
        int coldItem = 2;
        assertThat(model.itemVector(coldItem)).containsOnly(0f);
        assertThat(filled.itemVector(coldItem)).containsExactly(content.latentVector(coldItem));
        assertThat(filled.itemVector(coldItem)).isNotEqualTo(new float[8]);
    }

    @Test
    void contentSimilarityFollowsTheHistorysFeatures() {
        int clusterTwoItem = 2;
        UserHistory history = new UserHistory(new int[] {clusterTwoItem}, new float[] {1f});
        float[] similarities = new float[CONTENT.itemCount()];
        CONTENT.similarities(history, similarities);

        double sameCluster = IntStream.range(0, 200).filter(i -> DATA.itemCluster()[i] == 2)
                .mapToDouble(i -> similarities[i]).average().orElseThrow();
        double otherClusters = IntStream.range(0, 200).filter(i -> DATA.itemCluster()[i] != 2)
                .mapToDouble(i -> similarities[i]).average().orElseThrow();
        assertThat(sameCluster).isGreaterThan(3 * otherClusters);
        assertThat(CONTENT.similarity(2, 6)).isGreaterThan(CONTENT.similarity(2, 3));
    }

    @Test
    void aNewItemWithoutAnyKnownFeatureMapsToTheMeanItem() {
        float[] unknown = CONTENT.latentVector(TestCatalog.track("new", "Nobody Known", List.of("Unheard Genre")));
        float[] mean = new float[MODEL.factors()];
        int warm = 0;
        for (int item = 0; item < MODEL.itemCount(); item++) {
            if (!MODEL.isCold(item)) {
                float[] q = MODEL.itemVector(item);
                for (int a = 0; a < q.length; a++) {
                    mean[a] += q[a];
                }
                warm++;
            }
        }
        // kind:track is unknown too (the catalog holds movies only), so nothing is left but the mean.
        for (int a = 0; a < mean.length; a++) {
            assertThat(unknown[a]).isCloseTo(mean[a] / warm, org.assertj.core.data.Offset.offset(1e-5f));
        }
    }

    @Test
    void rejectsACatalogShorterThanTheModel() {
        assertThatThrownBy(() -> new ContentTrainer(ContentSettings.defaults()).fit(CATALOG.subList(0, 10), MODEL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("every model item needs a profile");
    }

    @Test
    void settingsAreValidated() {
        assertThatThrownBy(() -> ContentSettings.defaults().withRidge(0)).hasMessageContaining("ridge");
        assertThatThrownBy(() -> ContentSettings.defaults().withMaxPeople(-1)).hasMessageContaining("maxPeople");
        assertThatThrownBy(() -> ContentSettings.defaults().withYearBandYears(0)).hasMessageContaining("yearBandYears");
        assertThatThrownBy(() -> ContentSettings.defaults().withMaxIterations(0)).hasMessageContaining("maxIterations");
        assertThatThrownBy(() -> ContentSettings.defaults().withTolerance(1)).hasMessageContaining("tolerance");
    }

    private static int[] nearestItems(float[] vector, int count) {
        return IntStream.range(0, MODEL.itemCount()).boxed()
                .sorted(Comparator.comparingDouble(i -> -cosine(MODEL.itemVector(i), vector)))
                .limit(count).mapToInt(Integer::intValue).toArray();
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int j = 0; j < a.length; j++) {
            dot += a[j] * b[j];
            na += a[j] * a[j];
            nb += b[j] * b[j];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
