package dev.setlist.plugin.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.Map;
import java.util.concurrent.Callable;

/** {@code setlist serve}: run Setlist until stopped. Without a Jellyfin server configured it serves the demo library. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run Setlist: the HTTP API, the webhook and the web page. Without a Jellyfin server configured, serves the demo library.")
final class ServeCommand implements Callable<Integer> {

    @Mixin
    ServerOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return RunServer.run(options, false, Map.of(), spec.commandLine().getErr());
    }
}
