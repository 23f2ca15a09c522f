package dev.setlist.plugin.api;

import dev.setlist.plugin.insights.ServedPlaylistLog;
import dev.setlist.plugin.journey.Journey;
import dev.setlist.plugin.playlist.FeedbackService;
import dev.setlist.plugin.playlist.Playlist;
import dev.setlist.plugin.together.GroupPlaylist;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

import java.util.List;

/**
 * Records a summary of every playlist the API serves, for the insight charts: a playlist, the re-planned
 * rest of a session in a feedback answer, a journey, a playlist together (once for each member) and a
 * surprise. It sits where every successful answer passes, so the resources that serve playlists need not
 * know that anyone keeps count. Recording never delays or changes the answer ({@link ServedPlaylistLog}
 * writes in the background).
 *
 * <p>Thread-safe.
 */
public final class ServedPlaylistFilter implements ContainerResponseFilter {

    private final ServedPlaylistLog log;

    public ServedPlaylistFilter(ServedPlaylistLog log) {
        this.log = log;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 200) {
            return;
        }
        Object entity = response.getEntity();
        if (entity instanceof Playlist playlist) {
            playlist(playlist, "playlist");
        } else if (entity instanceof FeedbackService.Result result && result.remainder() != null) {
            playlist(result.remainder(), "remainder");
        } else if (entity instanceof Journey journey) {
            log.served(journey.userId(), "journey", journey.media(), journey.mode().name(), ids(journey.items()), 0, 0);
        } else if (entity instanceof GroupPlaylist group) {
            for (GroupPlaylist.Member member : group.members()) {
                log.served(member.id(), "together", group.media(), group.mode().name(), ids(group.items()), 0, 0);
            }
        } else if (entity instanceof Playlist.Entry surprise && request.getUriInfo().getPath().endsWith("/surprise")) {
            String personId = request.getUriInfo().getPathParameters().getFirst("id");
            if (personId != null) {
                log.served(personId, "surprise", surprise.kind().equals("track") ? "music" : "video", "unknown",
                        List.of(surprise.itemId()), surprise.wildcard() ? 1 : 0, 0);
            }
        }
    }

    private void playlist(Playlist playlist, String kind) {
        int wildcards = (int) playlist.items().stream().filter(Playlist.Entry::wildcard).count();
        log.served(playlist.userId(), kind, playlist.media(), playlist.mode().name(), ids(playlist.items()), wildcards,
                playlist.tuning().exploration());
    }

    private static List<String> ids(List<Playlist.Entry> items) {
        return items.stream().map(Playlist.Entry::itemId).toList();
    }
}
