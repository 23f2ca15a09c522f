package dev.setlist.plugin.cli;

import dev.setlist.plugin.config.ConfigKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.Map;
import java.util.concurrent.Callable;

/** {@code setlist demo}: serve the generated demo library and household, on loopback unless told otherwise. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run Setlist on a generated demo library (544 items) and household (4 people), listening on 127.0.0.1 unless --host is given.")
final class DemoCommand implements Callable<Integer> {

    @Mixin
    ServerOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return RunServer.run(options, true, Map.of(ConfigKey.HOST, "127.0.0.1"), spec.commandLine().getErr());
    }
}
