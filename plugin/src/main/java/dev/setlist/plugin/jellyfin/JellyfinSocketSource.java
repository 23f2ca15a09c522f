package dev.setlist.plugin.jellyfin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.setlist.plugin.events.DeliveryKey;
import dev.setlist.plugin.events.EventIngestor;
import dev.setlist.plugin.events.EventType;
import dev.setlist.plugin.events.PlaybackEvent;
import dev.setlist.plugin.events.PlaybackEvent.ItemFacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Playback events for servers without the Webhook plugin: Setlist opens Jellyfin's {@code /socket}
 * with the API key (CONTRACT.md §3.8), answers its keep-alives, subscribes to the {@code Sessions} feed
 * and turns the difference between two pushes into start, progress and stop events, one per user of a
 * session (source {@code websocket}). Unlike the webhook it sees muting ({@code PlayState.IsMuted}, or
 * volume 0); it cannot see other people's favourites and likes (Jellyfin sends {@code UserDataChanged}
 * only to that person's own sessions) nor tell automated ticks from client reports. A lost connection
 * is reopened with a growing delay (1 s doubling to 60 s), reported by {@link #problems()}.
 *
 * <p>Thread-safe. Messages are handled one at a time on the socket's thread.
 */
public final class JellyfinSocketSource implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JellyfinSocketSource.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY = Duration.ofSeconds(60);

    private final JellyfinClient client;
    private final EventIngestor ingestor;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "setlist-jellyfin-socket");
        thread.setDaemon(true);
        return thread;
    });
    /** What each session was playing at the last push, by session id. */
    private final Map<String, NowPlaying> playing = new HashMap<>();

    private volatile WebSocket socket;
    private volatile boolean closed;
    private volatile boolean reconnecting;
    private volatile java.util.concurrent.ScheduledFuture<?> keepAlive;
    private volatile String problem = "not connected yet";
    private volatile Instant disconnectedSince;
    private int failures;

    /** What one session was playing: the users, the item and its state. */
    private record NowPlaying(List<String> users, Map<String, String> names, String itemId, ItemFacts item,
                              long positionTicks, boolean paused, Boolean muted, String deviceName, String client,
                              Instant at) {
    }

    public JellyfinSocketSource(JellyfinClient client, EventIngestor ingestor, Clock clock) {
        this.client = client;
        this.ingestor = ingestor;
        this.clock = clock;
    }

    /** Connects in the background (and keeps reconnecting until closed). */
    public void start() {
        disconnectedSince = clock.instant();
        timer.execute(this::connect);
    }

    /** The socket's address: the server's base URL with ws or wss, path {@code socket}. */
    static URI socketUri(URI base) {
        String scheme = "https".equals(base.getScheme()) ? "wss" : "ws";
        return URI.create(scheme + base.toString().substring(base.getScheme().length())).resolve("socket");
    }

    private void connect() {
        reconnecting = false;
        if (closed) {
            return;
        }
        URI uri = socketUri(client.base());
        http.newWebSocketBuilder()
                .header("Authorization", client.authorization())
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri, new Listener())
                .whenComplete((webSocket, error) -> {
                    if (error != null) {
                        lost("cannot open " + uri + ": " + rootMessage(error));
                    } else {
                        socket = webSocket;
                        webSocket.sendText("{\"MessageType\":\"SessionsStart\",\"Data\":\"0,1500\"}", true);
                        failures = 0;
                        problem = null;
                        disconnectedSince = null;
                        log.info("following Jellyfin's session feed at {}", uri);
                    }
                });
    }

    private synchronized void lost(String why) {
        if (reconnecting) {
            return;
        }
        reconnecting = true;
        socket = null;
        problem = why;
        if (disconnectedSince == null) {
            disconnectedSince = clock.instant();
        }
        if (closed) {
            return;
        }
        failures++;
        Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(failures - 1, 10));
        if (delay.compareTo(MAX_RETRY) > 0) {
            delay = MAX_RETRY;
        }
        log.warn("Jellyfin session feed lost ({}); reconnecting in {} s", why, delay.toSeconds());
        timer.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    handle(webSocket, json.readTree(text));
                } catch (IOException | RuntimeException e) {
                    log.warn("a message from Jellyfin's socket could not be used: {}", e.toString());
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            lost("closed by Jellyfin (" + statusCode + (reason.isEmpty() ? "" : ", " + reason) + ")");
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            lost("socket error: " + rootMessage(error));
        }
    }

    private void handle(WebSocket webSocket, JsonNode message) {
        switch (message.path("MessageType").asText()) {
            case "ForceKeepAlive" -> {
                long every = Math.max(5, message.path("Data").asLong(60) / 2);
                java.util.concurrent.ScheduledFuture<?> previous = keepAlive;
                if (previous != null) {
                    previous.cancel(false);
                }
                keepAlive = timer.scheduleWithFixedDelay(() -> {
                    if (socket == webSocket && !webSocket.isOutputClosed()) {
                        webSocket.sendText("{\"MessageType\":\"KeepAlive\"}", true);
                    }
                }, 0, every, TimeUnit.SECONDS);
            }
            case "Sessions" -> sessions(message.path("Data"));
            default -> {
                // KeepAlive answers and other messages need nothing.
            }
        }
    }

    /** Compares a Sessions push with the last one and ingests what changed. */
    synchronized void sessions(JsonNode sessions) {
        Set<String> seen = new HashSet<>();
        for (JsonNode session : sessions) {
            String sessionId = session.path("Id").asText(null);
            JsonNode item = session.get("NowPlayingItem");
            if (sessionId == null || item == null || !session.hasNonNull("UserId") || !item.hasNonNull("Id")) {
                continue;
            }
            seen.add(sessionId);
            Instant at = time(session.path("LastPlaybackCheckIn").asText(null));
            NowPlaying now = nowPlaying(session, item, at);
            NowPlaying before = playing.put(sessionId, now);
            if (before == null || !before.itemId().equals(now.itemId())) {
                if (before != null) {
                    emit(EventType.PLAYBACK_STOP, sessionId, before, before.at());
                }
                emit(EventType.PLAYBACK_START, sessionId, now, at);
            } else if (before.positionTicks() != now.positionTicks() || before.paused() != now.paused()
                    || !java.util.Objects.equals(before.muted(), now.muted())) {
                emit(EventType.PLAYBACK_PROGRESS, sessionId, now, at);
            }
        }
        for (String sessionId : new ArrayList<>(playing.keySet())) {
            if (!seen.contains(sessionId)) {
                // Gone from the feed: it stopped at (or within the push interval of) its last check-in.
                NowPlaying gone = playing.remove(sessionId);
                emit(EventType.PLAYBACK_STOP, sessionId, gone, gone.at());
            }
        }
    }

    private NowPlaying nowPlaying(JsonNode session, JsonNode item, Instant at) {
        List<String> users = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        String first = JellyfinIds.normalize(session.get("UserId").asText());
        users.add(first);
        names.put(first, session.path("UserName").asText(null));
        for (JsonNode additional : session.path("AdditionalUsers")) {
            if (additional.hasNonNull("UserId")) {
                String id = JellyfinIds.normalize(additional.get("UserId").asText());
                users.add(id);
                names.put(id, additional.path("UserName").asText(null));
            }
        }
        List<String> genres = new ArrayList<>();
        item.path("Genres").forEach(genre -> genres.add(genre.asText()));
        long runtime = item.path("RunTimeTicks").asLong(0);
        String seriesId = item.hasNonNull("SeriesId") ? JellyfinIds.normalize(item.get("SeriesId").asText()) : null;
        String artist = item.path("Artists").isArray() && !item.path("Artists").isEmpty()
                ? item.path("Artists").get(0).asText() : null;
        ItemFacts facts = new ItemFacts(item.path("Name").asText(null), item.path("Type").asText(null),
                runtime > 0 ? runtime : null, item.hasNonNull("ProductionYear") ? item.get("ProductionYear").asInt() : null,
                genres, seriesId, item.path("SeriesName").asText(null),
                item.hasNonNull("ParentIndexNumber") ? item.get("ParentIndexNumber").asInt() : null,
                item.hasNonNull("IndexNumber") ? item.get("IndexNumber").asInt() : null,
                item.path("Album").asText(null), artist);
        JsonNode state = session.path("PlayState");
        Boolean muted = state.has("IsMuted") || state.has("VolumeLevel")
                ? state.path("IsMuted").asBoolean(false) || (state.has("VolumeLevel") && state.path("VolumeLevel").asInt(100) == 0)
                : null;
        return new NowPlaying(users, names, JellyfinIds.normalize(item.get("Id").asText()), facts,
                state.path("PositionTicks").asLong(0), state.path("IsPaused").asBoolean(false), muted,
                session.path("DeviceName").asText(null), session.path("Client").asText(null), at);
    }

    private Instant time(String text) {
        Instant parsed = JellyfinDtos.instant(text);
        return parsed == null ? clock.instant() : parsed;
    }

    private void emit(EventType type, String sessionId, NowPlaying now, Instant at) {
        for (String userId : now.users()) {
            PlaybackEvent event = new PlaybackEvent(type, at, userId, now.names().get(userId), now.itemId(), now.item(),
                    now.positionTicks(), type == EventType.PLAYBACK_STOP ? null : now.paused(), null, null, sessionId,
                    now.deviceName(), now.client(), null, now.muted());
            String key = DeliveryKey.of("websocket:" + sessionId + ":" + userId + ":" + type + ":" + now.itemId() + ":"
                    + now.positionTicks() + ":" + now.paused() + ":" + now.muted() + ":" + at);
            try {
                ingestor.ingest(event, "websocket", key, null);
            } catch (RuntimeException e) {
                log.error("a {} from Jellyfin's session feed could not be stored: {}", type.wireName(), e.toString());
            }
        }
    }

    /** Problems for health: why the session feed is not connected, if it is not. */
    public List<String> problems() {
        String current = problem;
        return current == null ? List.of()
                : List.of("Jellyfin session feed (jellyfin.events=websocket) disconnected since " + disconnectedSince + ": "
                        + current);
    }

    /** Whether the socket is open now. */
    public boolean connected() {
        return socket != null && problem == null;
    }

    @Override
    public void close() {
        closed = true;
        WebSocket open = socket;
        if (open != null) {
            open.sendClose(WebSocket.NORMAL_CLOSURE, "Setlist stopping").exceptionally(error -> null);
        }
        timer.shutdownNow();
    }

}
