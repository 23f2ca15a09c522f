package dev.setlist.scorer.bench;

import dev.setlist.scorer.als.AlsModel;
import dev.setlist.scorer.data.Interactions;
import dev.setlist.scorer.data.UserHistory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/** Fold-in of one person (goal: under 1 ms for 200 interactions at k = 64). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FoldInBenchmark {

    @Param({"200"})
    public int interactions;

    private AlsModel model;
    private UserHistory history;

    @Setup
    public void setUp() {
        Interactions data = BenchFixtures.servingData();
        model = BenchFixtures.servingModel(data);
        history = BenchFixtures.history(interactions, model.itemCount(), 7);
    }

    @Benchmark
    public float[] foldIn() {
        return model.foldIn(history);
    }
}
