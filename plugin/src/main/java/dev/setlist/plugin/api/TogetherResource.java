package dev.setlist.plugin.api;

import dev.setlist.plugin.auth.Principal;
import dev.setlist.plugin.playlist.PlaylistRequest;
import dev.setlist.plugin.playlist.UnknownUserException;
import dev.setlist.plugin.together.GroupPlaylist;
import dev.setlist.plugin.together.GroupPlaylistService;
import dev.setlist.plugin.together.GroupRequest;
import dev.setlist.plugin.together.GroupStrategy;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code GET /api/playlist/together?users=a,b[,c]}: one playlist for people watching together
 * ({@link GroupPlaylist}), their tastes aggregated so that nobody is miserable, in the strictest mode among
 * them: anyone in kids mode, or with a parental ceiling (a child's profile), makes it kids mode for all.
 * Every item says how well it fits each member, and each member how they fare over the playlist.
 *
 * <p>Parameters: {@code users} (required: 2 to 8 person ids, comma-separated, accounts or profiles
 * {@code <account>~<profile>}); {@code strategy} ({@code fair_blend}, the default, or {@code least_misery};
 * see {@link GroupStrategy} for why the fair blend is the default); {@code floor} (fair blend only, 0 to
 * 0.9, default 0.5: no item below any member's median); {@code media} (video, the default, or music);
 * {@code length} (1 to 200, default 25); {@code minutes}, {@code mode}, {@code diversity}, {@code time},
 * {@code device}, {@code client} as for a playlist.
 *
 * <p>Access: the admin key, or the token of a person among the users (an account's token counts for
 * its profiles too); another token gets 403. Answers: 200; 400 naming the parameter at fault; 401
 * without a credential; 404 for an unknown person; 503 before the first taste model is trained.
 */
@Path("/api/playlist/together")
@Produces(MediaType.APPLICATION_JSON)
public final class TogetherResource {

    private static final Set<String> KNOWN = Set.of("users", "strategy", "floor", "media", "length", "minutes", "mode",
            "diversity", "time", "device", "client");

    private final GroupPlaylistService groups;

    public TogetherResource(GroupPlaylistService groups) {
        this.groups = groups;
    }

    @GET
    public Response together(@Context SecurityContext security, @Context UriInfo uri) {
        Principal caller = Access.caller(security);
        GroupRequest request;
        try {
            request = parse(uri.getQueryParameters());
        } catch (PlaylistParameters.InvalidParameter | IllegalArgumentException e) {
            return ApiError.response(Response.Status.BAD_REQUEST, e.getMessage());
        }
        if (request.personIds().stream().noneMatch(caller::mayAccess)) {
            return ApiError.response(Response.Status.FORBIDDEN,
                    "this credential may ask for a playlist together only when its person is among the users");
        }
        try {
            return Response.ok(groups.playlistFor(request)).build();
        } catch (UnknownUserException e) {
            return ApiError.response(Response.Status.NOT_FOUND, "users: " + e.getMessage());
        } catch (GroupPlaylistService.NoModelYet e) {
            return ApiError.response(Response.Status.SERVICE_UNAVAILABLE, e.getMessage());
        }
    }

    private static GroupRequest parse(MultivaluedMap<String, String> query) throws PlaylistParameters.InvalidParameter {
        PlaylistParameters.requireKnown(query, KNOWN, false);
        String users = PlaylistParameters.single(query, "users");
        if (users == null || users.isBlank()) {
            throw new PlaylistParameters.InvalidParameter("users is missing: the ids of the people watching, "
                    + "comma-separated");
        }
        List<String> ids = Arrays.stream(users.split(",")).map(String::trim).toList();
        if (ids.stream().anyMatch(String::isEmpty)) {
            throw new PlaylistParameters.InvalidParameter("users has an empty id: '" + users + "'");
        }
        String strategyText = PlaylistParameters.single(query, "strategy");
        GroupStrategy strategy = GroupStrategy.FAIR_BLEND;
        if (strategyText != null) {
            try {
                strategy = GroupStrategy.parse(strategyText);
            } catch (IllegalArgumentException e) {
                throw new PlaylistParameters.InvalidParameter(e.getMessage());
            }
        }
        Double floor = PlaylistParameters.decimal(query, "floor", 0, GroupRequest.MAX_FLOOR);
        if (floor != null && strategy != GroupStrategy.FAIR_BLEND) {
            throw new PlaylistParameters.InvalidParameter("floor applies to the fair blend only, and strategy is "
                    + strategy.key());
        }
        PlaylistRequest.Media media = PlaylistRequest.Media.VIDEO;
        String mediaText = PlaylistParameters.single(query, "media");
        if (mediaText != null && !mediaText.isBlank()) {
            try {
                media = PlaylistRequest.Media.valueOf(mediaText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new PlaylistParameters.InvalidParameter("media must be video or music, was '" + mediaText + "'");
            }
        }
        return new GroupRequest(ids, strategy, floor == null ? GroupRequest.DEFAULT_FLOOR : floor, media,
                PlaylistParameters.integer(query, "length", PlaylistRequest.DEFAULT_LENGTH, 1, PlaylistRequest.MAX_LENGTH),
                PlaylistParameters.integer(query, "minutes", 0, 0, 24 * 60), PlaylistParameters.mode(query),
                PlaylistParameters.decimal(query, "diversity", 0, 1), PlaylistParameters.time(query),
                PlaylistParameters.single(query, "device"), PlaylistParameters.single(query, "client"));
    }
}
