package dev.setlist.plugin.cli;

import dev.setlist.plugin.privacy.PrivacyService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private static final String NAME = "export-user";

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
        return DataFolder.run(options, err, NAME, data -> {
            // The person's interactions, as a running Setlist holds them: their events replayed, with the configured thresholds.
            data.eventLog.forUser(id).forEach(data.ledger::apply);
            PrivacyService.Export export = data.privacy.export(id);
            if (export.user() == null && export.events().isEmpty()) {
                return DataFolder.fail(err, NAME, "no user with id " + id, SetlistCommand.EXIT_FAILURE);
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
        });
    }
}
