package dev.setlist.plugin.cli;

import dev.setlist.plugin.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code setlist}: the top of the command line. Without a subcommand it prints its usage. */
@Command(name = "setlist",
        mixinStandardHelpOptions = true,
        versionProvider = SetlistCommand.VersionProvider.class,
        description = "An open playlist orchestrator for self-hosted media servers.",
        subcommands = {ServeCommand.class, DemoCommand.class, EvaluateCommand.class, TuneCommand.class, RulesCommand.class,
                ReplayCommand.class, SyncCommand.class, ExportUserCommand.class, DeleteUserCommand.class,
                BenchCommand.class, CommandLine.HelpCommand.class})
public final class SetlistCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Exit codes: 0 success, 1 a failure while running, 2 bad usage or configuration. */
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;

    /** Reads the version Maven stamped into the build. */
    public static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"setlist " + Version.current()};
        }
    }
}
