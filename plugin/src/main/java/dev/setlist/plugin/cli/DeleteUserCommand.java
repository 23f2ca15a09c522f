package dev.setlist.plugin.cli;

import dev.setlist.plugin.privacy.PrivacyService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code setlist delete-user ID --yes}: deletes everything Setlist holds about one person, log entries and
 * profiles included, as {@code DELETE /api/privacy/{id}} does. Without {@code --yes} it only says what would go.
 */
@Command(name = "delete-user", mixinStandardHelpOptions = true,
        description = "Delete everything Setlist holds about one person (events, interactions, remembered playlists, "
                + "profiles), as DELETE /api/privacy/{id} does. Without --yes it only says what would be deleted. "
                + "Stop Setlist first when it uses the H2 file.")
final class DeleteUserCommand implements Callable<Integer> {

    private static final String NAME = "delete-user";

    @Mixin
    ServerOptions options;

    @Parameters(index = "0", paramLabel = "ID", description = "The person's id (Jellyfin's user id).")
    String id;

    @Option(names = "--yes", description = "Really delete. Without it nothing is deleted.")
    boolean yes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return DataFolder.run(options, err, NAME, data -> {
            boolean known = data.users.find(id).isPresent();
            long events = data.eventLog.forUser(id).size();
            if (!known && events == 0) {
                return DataFolder.fail(err, NAME, "no user with id " + id, SetlistCommand.EXIT_FAILURE);
            }
            if (!yes) {
                return DataFolder.fail(err, NAME, "would delete " + id + " and " + events
                        + " events; nothing deleted: add --yes to delete", SetlistCommand.EXIT_USAGE);
            }
            PrivacyService.Deleted deleted = data.privacy.delete(id);
            out.printf("deleted %s: %d events, %d remembered playlists, %d pending playlist writes%n", id,
                    deleted.events(), deleted.playlists(), deleted.pending());
            out.flush();
            return 0;
        });
    }
}
