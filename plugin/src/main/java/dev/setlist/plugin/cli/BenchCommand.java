package dev.setlist.plugin.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code setlist bench}: bounded benchmarks that stop by themselves. Without a subcommand it prints its usage. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Bounded benchmarks that stop by themselves and print their figures (see docs/benchmarks.md).",
        subcommands = {BenchLoadCommand.class, BenchPlaylistsCommand.class})
final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
