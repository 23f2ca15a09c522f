package dev.setlist.plugin.jellyfin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.setlist.plugin.media.MediaServerException;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Jellyfin's REST API, the calls Setlist makes (CONTRACT.md §3), over Java's HTTP client on HTTP/1.1.
 * It authenticates only with {@code Authorization: MediaBrowser Token="..."}: the legacy headers and
 * {@code api_key} are off by default from 12.0 (§1.2). Answers are read as PascalCase with absent
 * fields allowed; every failure becomes a {@link MediaServerException} naming the call and the status.
 *
 * <p>Thread-safe; one per server.
 */
public final class JellyfinClient {

    private final java.util.concurrent.atomic.LongAdder failures = new java.util.concurrent.atomic.LongAdder();

    /** Ids per request when a list goes into a query string: keeps the request line well under 8 KiB. */
    static final int IDS_PER_REQUEST = 50;

    private static final String CLIENT = "Setlist";

    private final URI base;
    private final String authorization;
    private final Duration timeout;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /**
     * @param base    the server, e.g. {@code http://jellyfin.local:8096} (a path prefix is kept)
     * @param apiKey  an API key from Dashboard → API Keys
     * @param version Setlist's version, sent as the client version
     */
    public JellyfinClient(URI base, String apiKey, String version, Duration timeout) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
        this.authorization = "MediaBrowser Token=\"" + apiKey + "\", Client=\"" + CLIENT + "\", Device=\"Setlist\", "
                + "DeviceId=\"setlist-companion\", Version=\"" + version + "\"";
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    public URI base() {
        return base;
    }

    /** The value of the {@code Authorization} header (also used for the WebSocket upgrade). */
    String authorization() {
        return authorization;
    }

    /** {@code GET /Users}: every user (a bare array). */
    public List<JellyfinDtos.User> users() {
        return get("Users", Map.of(), new TypeReference<>() {
        });
    }

    /**
     * {@code GET /Users/Me} as the holder of {@code userToken}, a person's access token (what signing in to
     * Jellyfin gives a client, §3.1), not the API key: the user it belongs to, or empty when Jellyfin refuses
     * it (401; 400 for an API key, which has no user; 403 or 404). The token is sent only in the header and
     * appears in no message.
     *
     * @throws MediaServerException when Jellyfin cannot answer (unreachable, 5xx)
     */
    public java.util.Optional<JellyfinDtos.User> me(String userToken) {
        if (userToken.isEmpty() || !userToken.chars().allMatch(JellyfinClient::tokenCharacter)) {
            return java.util.Optional.empty();
        }
        HttpRequest request = HttpRequest.newBuilder(base.resolve("Users/Me")).timeout(timeout)
                .header("Authorization", "MediaBrowser Token=\"" + userToken + "\", Client=\"" + CLIENT + "\"")
                .header("Accept", "application/json").GET().build();
        HttpResponse<String> response = exchange(request, "GET /Users/Me");
        int status = response.statusCode();
        if (status == 400 || status == 401 || status == 403 || status == 404) {
            // A refused token is Jellyfin answering, not failing: no failure is counted.
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(read(checked(response, "GET /Users/Me"), "GET /Users/Me", new TypeReference<>() {
        }));
    }

    /** Characters a token may hold: anything else could break the header's quoting, so it is no token of Jellyfin's. */
    private static boolean tokenCharacter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~+/=".indexOf(c) >= 0;
    }

    /** {@code GET /Items} with the given query parameters. */
    public JellyfinDtos.ItemPage items(Map<String, String> query) {
        return get("Items", query, new TypeReference<>() {
        });
    }

    /** {@code GET /Playlists/{id}/Items?userId=}: the entries, each with its {@code PlaylistItemId}. */
    public JellyfinDtos.ItemPage playlistItems(String playlistId, String userId) {
        return get("Playlists/" + playlistId + "/Items", Map.of("userId", userId, "enableImages", "false",
                "enableUserData", "false"), new TypeReference<>() {
                });
    }

    /**
     * {@code POST /Playlists} with a JSON body. {@code IsPublic} is always sent, as false: the DTO's
     * default is true, which would show a person's playlist to everyone (§3.6 trap 1); the media type is
     * always sent, as without ids Jellyfin assumes Audio (trap 2).
     *
     * @return the new playlist's id
     */
    public String createPlaylist(String name, String ownerId, String mediaType, List<String> itemIds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Name", name);
        body.put("Ids", itemIds);
        body.put("UserId", ownerId);
        body.put("MediaType", mediaType);
        body.put("IsPublic", false);
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a playlist body must always serialize", e);
        }
        HttpRequest request = request("Playlists", Map.of())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text))
                .build();
        JellyfinDtos.Created created = read(send(request, "create playlist '" + name + "'"), "create playlist",
                new TypeReference<>() {
                });
        if (created.id() == null) {
            throw new MediaServerException("Jellyfin created playlist '" + name + "' but sent no Id", 200, null);
        }
        return JellyfinIds.normalize(created.id());
    }

    /**
     * {@code DELETE /Playlists/{id}/Items?entryIds=}: the entries must be the {@code PlaylistItemId}s
     * exactly as Jellyfin sent them; anything else silently matches nothing (§3.6 trap 3).
     */
    public void removeFromPlaylist(String playlistId, List<String> entryIds) {
        for (List<String> chunk : chunks(entryIds)) {
            HttpRequest request = request("Playlists/" + playlistId + "/Items", Map.of("entryIds", String.join(",", chunk)))
                    .DELETE().build();
            send(request, "remove " + chunk.size() + " entries from playlist " + playlistId);
        }
    }

    /** {@code POST /Playlists/{id}/Items?ids=&userId=}, in order, a chunk at a time. */
    public void addToPlaylist(String playlistId, List<String> itemIds, String ownerId) {
        for (List<String> chunk : chunks(itemIds)) {
            HttpRequest request = request("Playlists/" + playlistId + "/Items",
                    Map.of("ids", String.join(",", chunk), "userId", ownerId))
                    .POST(HttpRequest.BodyPublishers.noBody()).build();
            send(request, "add " + chunk.size() + " items to playlist " + playlistId);
        }
    }

    /** {@code DELETE /Items/{id}} (used to remove a playlist). */
    public void deleteItem(String itemId) {
        send(request("Items/" + itemId, Map.of()).DELETE().build(), "delete item " + itemId);
    }

    private static List<List<String>> chunks(List<String> ids) {
        List<List<String>> chunks = new java.util.ArrayList<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_REQUEST) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + IDS_PER_REQUEST)));
        }
        return chunks;
    }

    private <T> T get(String path, Map<String, String> query, TypeReference<T> type) {
        HttpRequest request = request(path, query).header("Accept", "application/json").GET().build();
        return read(send(request, "GET /" + path), "GET /" + path, type);
    }

    private HttpRequest.Builder request(String path, Map<String, String> query) {
        StringJoiner joined = new StringJoiner("&");
        query.forEach((key, value) -> joined.add(key + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        URI uri = base.resolve(path + (query.isEmpty() ? "" : "?" + joined));
        return HttpRequest.newBuilder(uri).timeout(timeout).header("Authorization", authorization);
    }

    /** Calls that failed (unreachable, or an answer outside 2xx) since start: the metrics count them. */
    public long failures() {
        return failures.sum();
    }

    private HttpResponse<String> send(HttpRequest request, String what) {
        return checked(exchange(request, what), what);
    }

    /** The answer, whatever its status; an unreachable Jellyfin counts as a failure and throws. */
    private HttpResponse<String> exchange(HttpRequest request, String what) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            failures.increment();
            throw new MediaServerException("Jellyfin at " + base + " is unreachable (" + what + "): " + e, 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaServerException("interrupted while calling Jellyfin (" + what + ")", 0, e);
        }
    }

    /** The answer when it is 2xx; otherwise a failure is counted and the status explained. */
    private HttpResponse<String> checked(HttpResponse<String> response, String what) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response;
        }
        failures.increment();
        String reason = switch (status) {
            case 401 -> "the API key was refused (check SETLIST_JELLYFIN_API_KEY)";
            case 403 -> "forbidden";
            case 404 -> "not found";
            default -> "answered " + status;
        };
        String body = response.body() == null ? "" : response.body().strip();
        if (body.length() > 200) {
            body = body.substring(0, 200) + "...";
        }
        throw new MediaServerException("Jellyfin " + what + ": " + reason + (body.isEmpty() ? "" : " (" + body + ")"),
                status, null);
    }

    private <T> T read(HttpResponse<String> response, String what, TypeReference<T> type) {
        try {
            return json.readValue(response.body(), type);
        } catch (JsonProcessingException e) {
            throw new MediaServerException("Jellyfin " + what + ": the answer is not the expected JSON: "
                    + e.getOriginalMessage(), response.statusCode(), e);
        }
    }
}
