package dev.setlist.plugin.jellyfin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A Jellyfin server for tests: a real HTTP server on loopback that answers the REST calls Setlist
 * makes exactly as CONTRACT.md describes Jellyfin 10.11/12.0, traps included (§6 checklist):
 * PascalCase, nulls omitted, N-form GUIDs out and N or D form in, 7-digit {@code Z} dates, opt-in
 * {@code Fields}, {@code CommunityRating} omitted when 0, no {@code UserData} without a user,
 * {@code IsPublic} defaulting to true, {@code MediaType} defaulting to Audio, removal by exact
 * {@code PlaylistItemId} strings with 204 when nothing matched, 400 for an API key on user-only
 * endpoints, legacy auth switchable (off, as in 12.0, by default). It is never kinder than Jellyfin.
 *
 * <p>Thread-safe. Every request answered normally is recorded ({@link #requests()}) so tests can check
 * what Setlist sent; requests refused by {@link #failWith} are not.
 */
public final class FakeJellyfin implements AutoCloseable {

    public static final String SERVER_ID = "9d3f0c55b6e84a4e8f7f0f2d0b1c2a3e";
    private static final DateTimeFormatter JELLYFIN_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{32}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** A person on the server. */
    public record User(String id, String name, boolean disabled, boolean administrator) {
    }

    /** An item in the library; null fields are unknown and omitted from answers. */
    public record Item(String id, String name, String type, String mediaType, Long runTimeTicks, Integer year,
                       List<String> genres, List<String> tags, List<String> studios, List<String> people,
                       Instant dateCreated, Map<String, String> providerIds, String seriesId, String seriesName,
                       Integer season, Integer episode, String album, List<String> artists, Double communityRating,
                       String officialRating, Instant dateLastSaved) {

        public Item withDateLastSaved(Instant saved) {
            return new Item(id, name, type, mediaType, runTimeTicks, year, genres, tags, studios, people, dateCreated,
                    providerIds, seriesId, seriesName, season, episode, album, artists, communityRating, officialRating,
                    saved);
        }
    }

    /** One person's data about one item. */
    public static final class UserData {
        public int playCount;
        public boolean favorite;
        public Boolean likes;
        public Double rating;
        public Instant lastPlayed;
        public boolean played;
        public long positionTicks;
    }

    /** A playlist as the server holds it: its entries are item ids (10.10.2+), in order. */
    public static final class Playlist {
        public final String id;
        public final String name;
        public final String owner;
        public final String mediaType;
        public final boolean openAccess;
        public final List<String> entries = new CopyOnWriteArrayList<>();

        Playlist(String id, String name, String owner, String mediaType, boolean openAccess) {
            this.id = id;
            this.name = name;
            this.owner = owner;
            this.mediaType = mediaType;
            this.openAccess = openAccess;
        }
    }

    /** A request as received. */
    public record Request(String method, String path, Map<String, String> query, String body, String authorization) {
    }

    private final Server http;
    private final ServerConnector connector;
    private final FakeSessions sessions = new FakeSessions(this);
    private final ObjectMapper json = new ObjectMapper();
    private final String apiKey;
    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final Map<String, Item> items = new ConcurrentHashMap<>();
    private final Map<String, UserData> userData = new ConcurrentHashMap<>();
    private final Map<String, Playlist> playlists = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile boolean legacyAuthorization;
    private volatile boolean allowDuplicates;
    private volatile int failWithStatus;
    private final Map<String, String> userTokens = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile java.time.Duration answerDelay = java.time.Duration.ZERO;

    public FakeJellyfin(String apiKey) throws IOException {
        this.apiKey = apiKey;
        this.http = new Server(new org.eclipse.jetty.util.thread.QueuedThreadPool(16, 4));
        this.connector = new ServerConnector(http);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        http.addConnector(connector);
        Handler.Abstract rest = new Handler.Abstract() {
            @Override
            public boolean handle(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                                  Callback callback) throws Exception {
                Exchange exchange = new Exchange(request, response, callback,
                        Content.Source.asString(request, StandardCharsets.UTF_8));
                try {
                    FakeJellyfin.this.handle(exchange);
                } catch (RuntimeException e) {
                    respond(exchange, 500, "{\"Message\":\"" + e + "\"}");
                }
                return true;
            }
        };
        WebSocketUpgradeHandler upgrade = WebSocketUpgradeHandler.from(http, container ->
                container.addMapping("/socket", (upgradeRequest, upgradeResponse, callback) -> {
                    String token = upgradeRequest.getHeaders().get("Authorization");
                    String fromQuery = query(upgradeRequest.getHttpURI().getQuery()).get("apikey");
                    if (!apiKey.equals(token == null ? null : tokenFrom(token, legacyAuthorization))
                            && !apiKey.equals(fromQuery)) {
                        upgradeResponse.setStatus(401);
                        callback.succeeded();
                        return null;
                    }
                    return sessions.newSocket();
                }));
        upgrade.setHandler(rest);
        http.setHandler(upgrade);
        try {
            http.start();
        } catch (Exception e) {
            throw new IOException("the fake Jellyfin could not start: " + e, e);
        }
    }

    /** One request and its response, whatever the HTTP server underneath. */
    private record Exchange(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                            Callback callback, String body) {
        String header(String name) {
            return request.getHeaders().get(name);
        }
    }

    /** The sessions (what is playing where) that the /socket feed reports. */
    public FakeSessions sessions() {
        return sessions;
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    // ---- set-up ------------------------------------------------------------------------------

    /** Accept the legacy headers and {@code api_key} (10.11's default) or not (12.0's). */
    public void legacyAuthorization(boolean on) {
        legacyAuthorization = on;
    }

    /** 12.0 allows the same item twice in a playlist; 10.10.2 to 10.11 drop repeats on add. */
    public void allowDuplicates(boolean on) {
        allowDuplicates = on;
    }

    /** Answer every request with this status (0: behave), to play a failing or restarting server. */
    public void failWith(int status) {
        failWithStatus = status;
    }

    /** Answer every request only after this long (zero: at once), to play a server that is slow. */
    public void answerAfter(java.time.Duration delay) {
        answerDelay = delay;
    }

    /**
     * Stop listening (connections are refused, as when Jellyfin is down), or listen again on the same port.
     */
    public void reachable(boolean on) throws IOException {
        try {
            if (on && !connector.isStarted()) {
                connector.start();
            } else if (!on && connector.isStarted()) {
                connector.setPort(connector.getLocalPort());
                connector.stop();
            }
        } catch (Exception e) {
            throw new IOException("the fake Jellyfin could not " + (on ? "listen again" : "stop listening") + ": " + e, e);
        }
    }

    public void addUser(User user) {
        users.put(user.id(), user);
    }

    /** A user's name, or the id when there is no such user. */
    public String userName(String id) {
        User user = users.get(id);
        return user == null ? id : user.name();
    }

    public void addItem(Item item) {
        items.put(item.id(), item);
    }

    public void removeItem(String id) {
        items.remove(id);
    }

    public Item item(String id) {
        return items.get(id);
    }

    public int itemCount() {
        return items.size();
    }

    /** A person's data for an item, created when absent. */
    public UserData userData(String userId, String itemId) {
        return userData.computeIfAbsent(userId + ":" + itemId, key -> new UserData());
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public void clearRequests() {
        requests.clear();
    }

    public List<Playlist> playlists() {
        return List.copyOf(playlists.values());
    }

    /** A new GUID in N form. */
    public static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** Jellyfin's way of writing a time (CONTRACT.md §0). */
    public static String time(Instant instant) {
        return JELLYFIN_TIME.format(instant);
    }

    // ---- HTTP --------------------------------------------------------------------------------

    private void handle(Exchange exchange) throws IOException {
        String body = exchange.body();
        Map<String, String> query = query(exchange.request().getHttpURI().getQuery());
        String path = exchange.request().getHttpURI().getPath();
        String method = exchange.request().getMethod();
        if (!answerDelay.isZero()) {
            try {
                Thread.sleep(answerDelay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failWithStatus != 0) {
            respond(exchange, failWithStatus, "");
            return;
        }
        // Recorded once its answer is decided: a test that saw the request knows how it was answered.
        requests.add(new Request(method, path, query, body, exchange.header("Authorization")));
        String token = token(exchange, query);
        String tokenUser = token == null ? null : userTokens.get(token);
        if (!apiKey.equals(token) && tokenUser == null) {
            respond(exchange, 401, "");
            return;
        }
        String[] parts = Arrays.stream(path.split("/")).filter(part -> !part.isEmpty()).toArray(String[]::new);
        String first = parts.length > 0 ? parts[0].toLowerCase(Locale.ROOT) : "";
        switch (first) {
            case "users" -> users(exchange, parts, tokenUser);
            case "items" -> items(exchange, method, parts, query);
            case "playlists" -> playlists(exchange, method, parts, query, body);
            default -> respond(exchange, 404, "");
        }
    }

    /**
     * The token presented, wherever legacy authorization allows it (CONTRACT.md §1): the API key or a user's
     * access token ({@link #userToken}), or {@code null}.
     */
    private String token(Exchange exchange, Map<String, String> query) {
        String header = exchange.header("Authorization");
        String token = null;
        if (header != null) {
            token = tokenFrom(header, legacyAuthorization);
        } else if (legacyAuthorization) {
            String emby = exchange.header("X-Emby-Authorization");
            token = emby != null ? tokenFrom(emby, true) : null;
            if (token == null) {
                token = exchange.header("X-Emby-Token");
            }
            if (token == null) {
                token = exchange.header("X-MediaBrowser-Token");
            }
        }
        if (token == null || token.isEmpty()) {
            token = query.get("apikey");
        }
        if ((token == null || token.isEmpty()) && legacyAuthorization) {
            token = query.get("api_key");
        }
        return token;
    }

    private static String tokenFrom(String header, boolean legacy) {
        String trimmed = header.trim();
        int space = trimmed.indexOf(' ');
        if (space < 0) {
            return null;
        }
        String scheme = trimmed.substring(0, space);
        if (!scheme.equalsIgnoreCase("MediaBrowser") && !(legacy && scheme.equalsIgnoreCase("Emby"))) {
            return null;
        }
        for (String pair : trimmed.substring(space + 1).split(",")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).trim().equals("Token")) {
                return URLDecoder.decode(pair.substring(equals + 1).trim().replace("\"", ""), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private void users(Exchange exchange, String[] parts, String tokenUser) throws IOException {
        if (parts.length == 2 && parts[1].equalsIgnoreCase("Me")) {
            // An API key has no user (§3.1); a user's token answers with that user.
            User me = tokenUser == null ? null : users.get(tokenUser);
            if (me == null) {
                respondError(exchange, 400, "Guid can't be empty");
            } else {
                respond(exchange, 200, userDto(json.createObjectNode(), me).toString());
            }
            return;
        }
        ArrayNode array = json.createArrayNode();
        users.values().stream().sorted(Comparator.comparing(User::name)).forEach(user -> userDto(array.addObject(), user));
        respond(exchange, 200, array.toString());
    }

    private static ObjectNode userDto(ObjectNode node, User user) {
        node.put("Name", user.name());
        node.put("ServerId", SERVER_ID);
        node.put("Id", user.id());
        node.put("HasPassword", true);
        ObjectNode policy = node.putObject("Policy");
        policy.put("IsAdministrator", user.administrator());
        policy.put("IsDisabled", user.disabled());
        policy.put("IsHidden", false);
        return node;
    }

    /**
     * Signs {@code userId} in, as {@code POST /Users/AuthenticateByName} would, and returns their access token:
     * it authorizes requests as that user, and {@code GET /Users/Me} answers with them.
     */
    public String userToken(String userId) {
        String token = newId();
        userTokens.put(token, userId);
        return token;
    }

    /** Signs a token out (as {@code POST /Sessions/Logout} would): it is refused from now on. */
    public void revokeUserToken(String token) {
        userTokens.remove(token);
    }

    private void items(Exchange exchange, String method, String[] parts, Map<String, String> query)
            throws IOException {
        if (parts.length == 2 && method.equals("DELETE")) {
            String id = guid(parts[1]);
            if (id == null || (playlists.remove(id) == null && items.remove(id) == null)) {
                respond(exchange, 404, "");
                return;
            }
            respond(exchange, 204, "");
            return;
        }
        if (parts.length == 2 && method.equals("GET")) {
            if (query.get("userid") == null) {
                respondError(exchange, 400, "Guid can't be empty");
                return;
            }
            String id = guid(parts[1]);
            Item item = id == null ? null : items.get(id);
            if (item == null) {
                respond(exchange, 404, "");
                return;
            }
            respond(exchange, 200, itemNode(item, fields(query), guid(query.get("userid"))).toString());
            return;
        }
        if (parts.length != 1 || !method.equals("GET")) {
            respond(exchange, 404, "");
            return;
        }
        String userId = query.get("userid") == null ? null : guid(query.get("userid"));
        if (query.get("userid") != null && (userId == null || !users.containsKey(userId))) {
            respondError(exchange, 400, "Invalid user id");
            return;
        }
        Set<String> types = list(query.get("includeitemtypes"));
        Set<String> fields = fields(query);
        List<ObjectNode> nodes = new ArrayList<>();
        if (types.contains("Playlist")) {
            playlists.values().stream()
                    .filter(playlist -> userId == null || playlist.openAccess || playlist.owner.equals(userId))
                    .sorted(Comparator.comparing(playlist -> playlist.name))
                    .forEach(playlist -> nodes.add(playlistNode(playlist)));
        } else {
            List<Item> selected = select(query, types, userId);
            for (Item item : selected) {
                nodes.add(itemNode(item, fields, userId));
            }
        }
        int start = query.get("startindex") == null ? 0 : Integer.parseInt(query.get("startindex"));
        int limit = query.get("limit") == null ? Integer.MAX_VALUE : Integer.parseInt(query.get("limit"));
        ObjectNode result = json.createObjectNode();
        ArrayNode page = result.putArray("Items");
        nodes.stream().skip(start).limit(limit).forEach(page::add);
        result.put("TotalRecordCount", nodes.size());
        result.put("StartIndex", start);
        respond(exchange, 200, result.toString());
    }

    private List<Item> select(Map<String, String> query, Set<String> types, String userId) {
        Set<String> ids = list(query.get("ids")).stream().map(FakeJellyfin::guid).filter(id -> id != null)
                .collect(Collectors.toSet());
        Set<String> filters = list(query.get("filters"));
        Instant minSaved = query.get("mindatelastsaved") == null ? null
                : JellyfinDtos.instant(query.get("mindatelastsaved"));
        List<Item> selected = items.values().stream()
                .filter(item -> ids.isEmpty() || ids.contains(item.id()))
                .filter(item -> types.isEmpty() || types.contains(item.type()))
                .filter(item -> minSaved == null || (item.dateLastSaved() != null && !item.dateLastSaved().isBefore(minSaved)))
                .filter(item -> filters.isEmpty() || userId != null && matches(userData.get(userId + ":" + item.id()), filters))
                .collect(Collectors.toCollection(ArrayList::new));
        List<String> sortBy = List.copyOf(list(query.get("sortby")));
        Comparator<Item> order = Comparator.comparing(Item::name);
        if (!sortBy.isEmpty() && sortBy.get(0).equals("DatePlayed") && userId != null) {
            order = Comparator.comparing((Item item) -> {
                UserData data = userData.get(userId + ":" + item.id());
                return data == null || data.lastPlayed == null ? Instant.EPOCH : data.lastPlayed;
            }).thenComparing(Item::name);
        }
        if ("Descending".equalsIgnoreCase(query.get("sortorder"))) {
            order = order.reversed();
        }
        selected.sort(order.thenComparing(Item::id));
        return selected;
    }

    private static boolean matches(UserData data, Set<String> filters) {
        if (data == null) {
            return false;
        }
        boolean likes = Boolean.TRUE.equals(data.likes);
        for (String filter : filters) {
            boolean ok = switch (filter) {
                case "IsPlayed" -> data.played;
                case "IsUnplayed" -> !data.played;
                case "IsFavorite" -> data.favorite;
                case "Likes" -> likes;
                case "Dislikes" -> Boolean.FALSE.equals(data.likes);
                case "IsFavoriteOrLikes" -> data.favorite || likes;
                default -> true;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private ObjectNode itemNode(Item item, Set<String> fields, String userId) {
        ObjectNode node = json.createObjectNode();
        node.put("Name", item.name());
        node.put("ServerId", SERVER_ID);
        node.put("Id", item.id());
        node.put("Type", item.type());
        node.put("MediaType", item.mediaType());
        node.put("IsFolder", false);
        putIfPresent(node, "RunTimeTicks", item.runTimeTicks());
        putIfPresent(node, "ProductionYear", item.year());
        putIfPresent(node, "OfficialRating", item.officialRating());
        if (item.communityRating() != null && item.communityRating() > 0) {
            node.put("CommunityRating", item.communityRating());
        }
        if ("Episode".equals(item.type())) {
            putIfPresent(node, "SeriesName", item.seriesName());
            putIfPresent(node, "SeriesId", item.seriesId());
            putIfPresent(node, "ParentIndexNumber", item.season());
            putIfPresent(node, "IndexNumber", item.episode());
        }
        if ("Audio".equals(item.type())) {
            putIfPresent(node, "Album", item.album());
            if (item.artists() != null) {
                ArrayNode artists = node.putArray("Artists");
                ArrayNode artistItems = node.putArray("ArtistItems");
                for (String artist : item.artists()) {
                    artists.add(artist);
                    artistItems.addObject().put("Name", artist).put("Id", idFor("artist:" + artist));
                }
                if (!item.artists().isEmpty()) {
                    node.put("AlbumArtist", item.artists().get(0));
                }
            }
        }
        if (fields.contains("Genres") && item.genres() != null) {
            ArrayNode genres = node.putArray("Genres");
            ArrayNode genreItems = node.putArray("GenreItems");
            for (String genre : item.genres()) {
                genres.add(genre);
                genreItems.addObject().put("Name", genre).put("Id", idFor("genre:" + genre));
            }
        }
        if (fields.contains("Tags") && item.tags() != null) {
            ArrayNode tags = node.putArray("Tags");
            item.tags().forEach(tags::add);
        }
        if (fields.contains("Studios") && item.studios() != null) {
            ArrayNode studios = node.putArray("Studios");
            item.studios().forEach(studio -> studios.addObject().put("Name", studio).put("Id", idFor("studio:" + studio)));
        }
        if (fields.contains("People") && item.people() != null) {
            ArrayNode people = node.putArray("People");
            item.people().forEach(person -> people.addObject().put("Name", person).put("Id", idFor("person:" + person))
                    .put("Role", "").put("Type", "Actor"));
        }
        if (fields.contains("DateCreated") && item.dateCreated() != null) {
            node.put("DateCreated", time(item.dateCreated()));
        }
        if (fields.contains("ProviderIds") && item.providerIds() != null) {
            ObjectNode providers = node.putObject("ProviderIds");
            item.providerIds().forEach(providers::put);
        }
        if (userId != null) {
            UserData data = userData.get(userId + ":" + item.id());
            ObjectNode user = node.putObject("UserData");
            user.put("PlaybackPositionTicks", data == null ? 0 : data.positionTicks);
            user.put("PlayCount", data == null ? 0 : data.playCount);
            user.put("IsFavorite", data != null && data.favorite);
            if (data != null && data.likes != null) {
                user.put("Likes", data.likes);
            }
            if (data != null && data.rating != null) {
                user.put("Rating", data.rating);
            }
            if (data != null && data.lastPlayed != null) {
                user.put("LastPlayedDate", time(data.lastPlayed));
            }
            user.put("Played", data != null && data.played);
            user.put("Key", item.id());
            user.put("ItemId", item.id());
        }
        return node;
    }

    private ObjectNode playlistNode(Playlist playlist) {
        ObjectNode node = json.createObjectNode();
        node.put("Name", playlist.name);
        node.put("ServerId", SERVER_ID);
        node.put("Id", playlist.id);
        node.put("Type", "Playlist");
        node.put("MediaType", playlist.mediaType);
        node.put("IsFolder", true);
        node.put("ChildCount", playlist.entries.size());
        return node;
    }

    private void playlists(Exchange exchange, String method, String[] parts, Map<String, String> query, String body)
            throws IOException {
        if (parts.length == 1 && method.equals("POST")) {
            createPlaylist(exchange, query, body);
            return;
        }
        if (parts.length < 2) {
            respond(exchange, 404, "");
            return;
        }
        String id = guid(parts[1]);
        Playlist playlist = id == null ? null : playlists.get(id);
        if (parts.length == 2) {
            // GET /Playlists/{id} and POST /Playlists/{id} (update) need a user: an API key has none.
            respondError(exchange, 400, "Guid can't be empty");
            return;
        }
        if (parts.length >= 4 && parts[3].equalsIgnoreCase("Move")) {
            respondError(exchange, 400, "Guid can't be empty");
            return;
        }
        if (!parts[2].equalsIgnoreCase("Items")) {
            respond(exchange, 404, "");
            return;
        }
        switch (method) {
            case "GET" -> {
                if (query.get("userid") == null) {
                    respondError(exchange, 400, "Guid can't be empty");
                    return;
                }
                String userId = guid(query.get("userid"));
                if (playlist == null || !(playlist.openAccess || playlist.owner.equals(userId))) {
                    respond(exchange, 404, "");
                    return;
                }
                ObjectNode result = json.createObjectNode();
                ArrayNode page = result.putArray("Items");
                for (String entry : playlist.entries) {
                    Item item = items.get(entry);
                    if (item != null) {
                        ObjectNode node = itemNode(item, Set.of(), null);
                        node.put("PlaylistItemId", entry);
                        page.add(node);
                    }
                }
                result.put("TotalRecordCount", page.size());
                result.put("StartIndex", 0);
                respond(exchange, 200, result.toString());
            }
            case "POST" -> {
                if (query.get("userid") == null) {
                    respondError(exchange, 400, "Guid can't be empty");
                    return;
                }
                if (playlist == null) {
                    respond(exchange, 404, "");
                    return;
                }
                for (String raw : list(query.get("ids"))) {
                    String itemId = guid(raw);
                    if (itemId != null && items.containsKey(itemId)
                            && (allowDuplicates || !playlist.entries.contains(itemId))) {
                        playlist.entries.add(itemId);
                    }
                }
                respond(exchange, 204, "");
            }
            case "DELETE" -> {
                if (playlist == null) {
                    respond(exchange, 404, "");
                    return;
                }
                // Ordinal comparison with the N form: dashed or upper-case ids match nothing, and that is still 204.
                Set<String> entryIds = list(query.get("entryids"));
                playlist.entries.removeIf(entryIds::contains);
                respond(exchange, 204, "");
            }
            default -> respond(exchange, 405, "");
        }
    }

    private void createPlaylist(Exchange exchange, Map<String, String> query, String body) throws IOException {
        JsonNode dto = body.isBlank() ? null : json.readTree(body);
        String name = query.getOrDefault("name", dto != null && dto.hasNonNull("Name") ? dto.get("Name").asText() : null);
        String owner = query.getOrDefault("userid", dto != null && dto.hasNonNull("UserId") ? dto.get("UserId").asText() : null);
        if (name == null) {
            respondError(exchange, 400, "The Name field is required.");
            return;
        }
        String ownerId = owner == null ? null : guid(owner);
        if (ownerId == null || !users.containsKey(ownerId)) {
            respondError(exchange, 400, "Guid can't be empty");
            return;
        }
        List<String> ids = new ArrayList<>();
        if (query.containsKey("ids")) {
            ids.addAll(list(query.get("ids")));
        } else if (dto != null && dto.has("Ids")) {
            JsonNode node = dto.get("Ids");
            if (node.isArray()) {
                node.forEach(id -> ids.add(id.asText()));
            } else {
                ids.addAll(list(node.asText()));
            }
        }
        List<String> itemIds = ids.stream().map(FakeJellyfin::guid).filter(id -> id != null && items.containsKey(id)).toList();
        String mediaType = query.getOrDefault("mediatype",
                dto != null && dto.hasNonNull("MediaType") ? dto.get("MediaType").asText() : null);
        if (mediaType == null) {
            mediaType = itemIds.isEmpty() ? "Audio" : items.get(itemIds.get(0)).mediaType();
        }
        // CreatePlaylistDto.IsPublic defaults to true: a JSON body without it makes an open playlist.
        boolean openAccess = dto != null && (!dto.has("IsPublic") || dto.get("IsPublic").asBoolean());
        Playlist playlist = new Playlist(newId(), name, ownerId, mediaType, openAccess);
        for (String itemId : itemIds) {
            if (allowDuplicates || !playlist.entries.contains(itemId)) {
                playlist.entries.add(itemId);
            }
        }
        playlists.put(playlist.id, playlist);
        respond(exchange, 200, json.createObjectNode().put("Id", playlist.id).toString());
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static void putIfPresent(ObjectNode node, String key, Object value) {
        if (value instanceof String text) {
            node.put(key, text);
        } else if (value instanceof Integer number) {
            node.put(key, number);
        } else if (value instanceof Long number) {
            node.put(key, number);
        }
    }

    /** Query parameters with case-insensitive (lower-cased) keys; repeated keys join with commas. */
    private static Map<String, String> query(String raw) {
        Map<String, String> query = new TreeMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8)
                    .toLowerCase(Locale.ROOT);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            query.merge(key, value, (a, b) -> a + "," + b);
        }
        return query;
    }

    /** A comma list (pipes for names are not needed by Setlist); unknown values are kept and ignored later. */
    private static Set<String> list(String value) {
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(part -> !part.isEmpty())
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    /** Known {@code ItemFields}; unknown ones are dropped silently, as the real binder does. */
    private static Set<String> fields(Map<String, String> query) {
        Set<String> known = Set.of("Genres", "Tags", "Studios", "People", "DateCreated", "ProviderIds", "Overview",
                "ParentId", "Path", "SortName");
        return list(query.get("fields")).stream().filter(known::contains).collect(Collectors.toSet());
    }

    /** {@code Guid.Parse}: N or D form in, N form out; {@code null} when it is not a GUID. */
    static String guid(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = GUID.matcher(text.trim());
        return matcher.matches() ? text.trim().replace("-", "").toLowerCase(Locale.ROOT) : null;
    }

    private static String idFor(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
    }

    private void respondError(Exchange exchange, int status, String message) throws IOException {
        respond(exchange, status, json.createObjectNode().put("Message", message).toString());
    }

    private static void respond(Exchange exchange, int status, String body) {
        org.eclipse.jetty.server.Response response = exchange.response();
        response.setStatus(status);
        if (body.isEmpty()) {
            exchange.callback().succeeded();
            return;
        }
        response.getHeaders().put("Content-Type", "application/json; charset=utf-8");
        Content.Sink.write(response, true, body, exchange.callback());
    }

    /** A fixed library for tests: {@code movies} films, {@code episodes} episodes in series of 10, {@code tracks} tracks. */
    public void addLibrary(int movies, int episodes, int tracks, Instant added) {
        String[] genres = {"Science Fiction", "Drama", "Comedy", "Documentary", "Thriller", "Animation"};
        for (int i = 0; i < movies; i++) {
            addItem(new Item(idFor("movie:" + i), "Film " + i, "Movie", "Video", (85 + i % 60) * 600_000_000L,
                    1970 + i % 55, List.of(genres[i % genres.length]), i % 3 == 0 ? List.of("calm") : List.of(),
                    List.of("Studio " + i % 7), List.of("Actor " + i % 40, "Director " + i % 25), added,
                    Map.of("Tmdb", String.valueOf(1000 + i)), null, null, null, null, null, null,
                    i % 4 == 0 ? 0.0 : 5.0 + i % 5, i % 5 == 0 ? "PG" : "PG-13", added));
        }
        for (int i = 0; i < episodes; i++) {
            String series = idFor("series:" + i / 10);
            addItem(new Item(idFor("episode:" + i), "Episode " + (i % 10 + 1), "Episode", "Video", 2_400L * 10_000_000L,
                    2011, List.of(genres[(i / 10) % genres.length]), List.of(), List.of("Network"), List.of("Cast " + i / 10),
                    added, Map.of("Tvdb", String.valueOf(5000 + i)), series, "Series " + i / 10, 1, i % 10 + 1, null, null,
                    7.5, "TV-14", added));
        }
        for (int i = 0; i < tracks; i++) {
            addItem(new Item(idFor("track:" + i), "Track " + i, "Audio", "Audio", 200L * 10_000_000L, 2019,
                    List.of(i % 2 == 0 ? "Electronic" : "Jazz"), List.of(), List.of(), List.of(), added, Map.of(),
                    null, null, null, null, "Album " + i / 12, List.of("Artist " + i / 12), null, null, added));
        }
    }

    /** The id {@link #addLibrary} gave the {@code index}-th item of a kind ({@code movie}, {@code episode}, {@code track}). */
    public static String libraryId(String kind, int index) {
        return idFor(kind + ":" + index);
    }

    /** Whether the playlist's entry list reads as these item ids, in order. */
    public List<String> entries(String playlistId) {
        Playlist playlist = playlists.get(playlistId);
        return playlist == null ? List.of() : List.copyOf(playlist.entries);
    }

    /** Requests by method and path, for assertions. */
    public List<Request> requests(String method, String pathPrefix) {
        return requests.stream().filter(request -> request.method().equals(method) && request.path().startsWith(pathPrefix))
                .toList();
    }

    /** Query keys of a request joined for assertions, e.g. "ids=a,b&userid=u". */
    public static String describe(Request request) {
        Map<String, String> ordered = new LinkedHashMap<>(request.query());
        return request.method() + " " + request.path() + " " + ordered;
    }

    @Override
    public void close() {
        try {
            http.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the fake Jellyfin did not stop: " + e, e);
        }
    }
}
