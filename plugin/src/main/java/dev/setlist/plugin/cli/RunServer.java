package dev.setlist.plugin.cli;

import dev.setlist.plugin.Setlist;
import dev.setlist.plugin.StartupException;
import dev.setlist.plugin.config.ConfigException;
import dev.setlist.plugin.config.ConfigKey;
import dev.setlist.plugin.config.ConfigLoader;
import dev.setlist.plugin.config.SetlistConfig;
import dev.setlist.plugin.server.PortInUseException;
import dev.setlist.plugin.store.StoreException;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** What {@code serve} and {@code demo} share: load the configuration, start, and wait for the end. */
final class RunServer {

    private RunServer() {
    }

    static int run(ServerOptions options, boolean demo, Map<ConfigKey, String> overrides, PrintWriter err) {
        SetlistConfig config;
        try {
            config = ConfigLoader.load(options.flags(), options.config, System.getenv(), overrides);
        } catch (ConfigException e) {
            err.println("setlist: " + e.getMessage());
            err.flush();
            return SetlistCommand.EXIT_USAGE;
        }
        Setlist setlist;
        try {
            setlist = Setlist.start(config, demo, System.out);
        } catch (PortInUseException | StartupException | StoreException e) {
            err.println("setlist: " + e.getMessage());
            err.flush();
            return SetlistCommand.EXIT_FAILURE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            setlist.close();
            stopped.countDown();
        }, "setlist-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
