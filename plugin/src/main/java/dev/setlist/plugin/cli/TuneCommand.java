package dev.setlist.plugin.cli;

import dev.setlist.scorer.eval.Evaluation;
import dev.setlist.scorer.eval.TuningReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.concurrent.Callable;

/**
 * {@code setlist tune}: searches hyperparameters on the VALIDATION split only (never TEST), printing
 * every trial and the best configuration of each recommender.
 */
@Command(name = "tune", mixinStandardHelpOptions = true,
        description = "Search iALS (and item-kNN, EASE) hyperparameters on the VALIDATION split of a MovieLens folder; "
                + "prints every trial and the best configuration.")
final class TuneCommand implements Callable<Integer> {

    @Mixin
    DatasetOptions data;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try {
            TuningReport report = Evaluation.tune(data.dataset, data.options(), data.progress());
            return data.report(spec, report.toTable(), report.toJson());
        } catch (IllegalArgumentException | IOException e) {
            return DatasetOptions.failed(spec, e);
        }
    }
}
