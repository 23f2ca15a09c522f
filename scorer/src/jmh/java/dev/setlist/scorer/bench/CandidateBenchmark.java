package dev.setlist.scorer.bench;

import dev.setlist.scorer.als.AlsModel;
import dev.setlist.scorer.candidates.Candidate;
import dev.setlist.scorer.candidates.CandidateGenerator;
import dev.setlist.scorer.candidates.CandidateRequest;
import dev.setlist.scorer.catalog.ItemProfile;
import dev.setlist.scorer.content.ContentModel;
import dev.setlist.scorer.content.ContentSettings;
import dev.setlist.scorer.content.ContentTrainer;
import dev.setlist.scorer.data.Interactions;
import dev.setlist.scorer.data.UserHistory;
import dev.setlist.scorer.session.SessionSettings;
import dev.setlist.scorer.session.SessionTrainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Top-20 candidates over a 100k-item catalog at k = 64 (goal: under 3 ms), from fold-in to the list:
 * taste and popularity only, then with every part (content, session, exploration, wildcards).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx3g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CandidateBenchmark {

    private CandidateGenerator tasteOnly;
    private CandidateGenerator everything;
    private UserHistory history;
    private int[] session;

    @Setup
    public void setUp() {
        Interactions data = BenchFixtures.servingData();
        AlsModel model = BenchFixtures.servingModel(data);
        List<ItemProfile> catalog = BenchFixtures.catalog(data);
        ContentModel content = new ContentTrainer(ContentSettings.defaults().withMaxIterations(20)).fit(catalog, model);
        tasteOnly = CandidateGenerator.builder(model, catalog).build();
        everything = CandidateGenerator.builder(model, catalog).content(content)
                .session(new SessionTrainer(SessionSettings.defaults()).fit(BenchFixtures.sessions(data, 20_000),
                        data.itemCount()))
                .build();
        history = data.history(17);
        session = java.util.Arrays.copyOf(history.items(), 3);
    }

    @Benchmark
    public List<Candidate> top20TasteAndPopularity() {
        return tasteOnly.generate(CandidateRequest.of(history, 20));
    }

    @Benchmark
    public List<Candidate> top20AllPartsWithExplorationAndWildcards() {
        return everything.generate(CandidateRequest.of(history, 20).withSessionItems(session)
                .withExplorationWeight(0.1).withWildcards(3, 11));
    }
}
