package dev.setlist.plugin;

import dev.setlist.plugin.cli.SetlistCommand;
import picocli.CommandLine;

/** {@code java -jar setlist.jar}: hands the arguments to the command line and exits with its code. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line, for tests that run commands without exiting. */
    public static CommandLine commandLine() {
        return new CommandLine(new SetlistCommand());
    }
}
