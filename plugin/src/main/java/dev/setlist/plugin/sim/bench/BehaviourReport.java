package dev.setlist.plugin.sim.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The result of one behaviours run: the table (Markdown), each row's figures behind it, and the plots.
 *
 * <p>Immutable; share freely.
 *
 * @param settings what was run
 * @param rows     the rows, in order
 * @param took     how long it took
 * @param setup    how Setlist was set up when not as shipped (e.g. {@code tuning.series-in-order=true}), or empty
 */
public record BehaviourReport(BehaviourBench.Settings settings, List<BehaviourRow> rows, Duration took,
                              String setup) {

    public BehaviourReport {
        rows = List.copyOf(rows);
        setup = setup == null ? "" : setup;
    }

    /** A report on Setlist as shipped. */
    public BehaviourReport(BehaviourBench.Settings settings, List<BehaviourRow> rows, Duration took) {
        this(settings, rows, took, "");
    }

    /** Whether Setlist beats the baseline on every row by the row's required margin. */
    public boolean allBetter() {
        return rows.stream().allMatch(BehaviourRow::marginMet);
    }

    /** The table and the figures behind each row, as Markdown. */
    public String markdown() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Seed %d; %d warm-up days, %d sleepy nights, %d closed-loop days, "
                        + "%d fake plays; %.1f s.%n%n", settings.seed(), settings.warmupDays(), settings.sleepyNights(),
                settings.bubbleDays(), settings.fakePlays(), took.toMillis() / 1000.0));
        if (!setup.isEmpty()) {
            text.append("Setlist with ").append(setup).append(" (not as shipped).\n\n");
        }
        text.append("| behaviour | measure | Setlist | naive baseline | margin | required | met |\n");
        text.append("|---|---|---|---|---|---|---|\n");
        for (BehaviourRow row : rows) {
            text.append(row.markdown()).append('\n');
        }
        text.append('\n');
        for (BehaviourRow row : rows) {
            text.append("- **").append(row.behaviour()).append("**: ").append(row.detail()).append('\n');
        }
        return text.toString();
    }

    /** Writes every row's plot as {@code <file>.svg} and the Markdown as {@code results.md} into {@code folder}. */
    public void write(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (BehaviourRow row : rows) {
            Files.writeString(folder.resolve(row.chart().file() + ".svg"), SvgPlot.render(row.chart()),
                    StandardCharsets.UTF_8);
        }
        Files.writeString(folder.resolve("results.md"), markdown(), StandardCharsets.UTF_8);
    }
}
