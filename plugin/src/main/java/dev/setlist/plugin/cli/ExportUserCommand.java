package dev.setlist.plugin.cli;

import dev.setlist.plugin.config.SetlistConfig;
import dev.setlist.plugin.privacy.PrivacyService;
import dev.setlist.plugin.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code setlist export-user ID}: everything Setlist holds about one person, as JSON: the same document as
 * {@code GET /api/privacy/{id}/export}, from the same {@link PrivacyService}, with the same mapper.
 */
@Command(name = "export-user", mixinStandardHelpOptions = true,
        description = "Export everything Setlist holds about one person as JSON (the same document as "
                + "GET /api/privacy/{id}/export): to standard output, or to --output FILE. Stop Setlist first when it "
                + "uses the H2 file.")
final class ExportUserCommand implements Callable<Integer> {

    @Mixin
    ServerOptions options;

    @Parameters(index = "0", paramLabel = "ID", description = "The person's id (Jellyfin's user id).")
    String id;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the JSON to FILE instead of standard output.")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<SetlistConfig> config = DataFolder.config(options, err);
        if (config.isEmpty()) {
            return SetlistCommand.EXIT_USAGE;
        }
        StringBuilder problem = new StringBuilder();
        try (DataFolder data = DataFolder.open(config.get(), false, problem).orElse(null)) {
            if (data == null) {
                return fail(err, problem.toString());
            }
            // The person's interactions, as a running Setlist holds them: their events replayed, with the configured thresholds.
            data.eventLog.forUser(id).forEach(data.ledger::apply);
            PrivacyService.Export export = data.privacy.export(id);
            if (export.user() == null && export.events().isEmpty()) {
                return fail(err, "no user with id " + id);
            }
            String json = data.json.writerWithDefaultPrettyPrinter().writeValueAsString(export);
            if (output == null) {
                out.println(json);
                out.flush();
            } else {
                Files.writeString(output, json, StandardCharsets.UTF_8);
                err.println("wrote " + output + ": " + export.events().size() + " events, "
                        + export.interactions().size() + " interactions");
                err.flush();
            }
            return 0;
        } catch (StoreException | IOException e) {
            return fail(err, e.getMessage());
        }
    }

    private static int fail(PrintWriter err, String message) {
        err.println("setlist export-user: " + message);
        err.flush();
        return SetlistCommand.EXIT_FAILURE;
    }
}
