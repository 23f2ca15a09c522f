package dev.setlist.scorer.eval;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Hears about the long steps of an evaluation or a tuning run as they happen: reading the data,
 * fitting and measuring each recommender, each tuning trial. Called on the thread that runs the
 * evaluation, in order.
 */
public interface ProgressListener {

    /** Hears nothing. */
    ProgressListener SILENT = new ProgressListener() {
        @Override
        public void started(String step) {
        }

        @Override
        public void finished(String step, Duration elapsed) {
        }
    };

    /** A long step begins, for example {@code "fitting EASE (lambda=200) on TRAIN + VALIDATION"}. */
    void started(String step);

    /** The step named in the matching {@link #started} call is done. */
    void finished(String step, Duration elapsed);

    /** A tuning trial has been measured. */
    default void trial(TuningTrial trial) {
    }

    /** Prints each step and trial as a line to {@code out}, for a terminal. */
    static ProgressListener printingTo(PrintStream out) {
        Objects.requireNonNull(out, "out");
        return new ProgressListener() {
            @Override
            public void started(String step) {
                out.println("... " + step);
            }

            @Override
            public void finished(String step, Duration elapsed) {
                out.printf(Locale.ROOT, "    done in %.2f s%n", elapsed.toNanos() / 1e9);
            }

            @Override
            public void trial(TuningTrial trial) {
                out.printf(Locale.ROOT, "    trial %2d  NDCG@%d %.4f  fit %6.2f s  %s%n", trial.number(),
                        trial.validation().cutoffs().get(trial.validation().cutoffs().size() - 1).cutoff(),
                        trial.objective(), trial.fitTime().toNanos() / 1e9,
                        Hyperparameter.describe(trial.hyperparameters()));
            }
        };
    }
}
