package dev.setlist.plugin.jellyfin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What plays where on the fake server, and its {@code /socket} WebSocket as Jellyfin runs it
 * (CONTRACT.md §3.8): {@code ForceKeepAlive} (60) on connect, {@code KeepAlive} echoed,
 * {@code SessionsStart} subscribing to {@code Sessions} pushes, always on playback start and stop and on
 * client reports, and at most once per interval (1500 ms here) for automated progress ticks. Messages are
 * PascalCase, GUIDs in N form, nulls omitted.
 *
 * <p>Thread-safe.
 */
public final class FakeSessions {

    private static final Duration THROTTLE = Duration.ofMillis(1500);

    private final FakeJellyfin server;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Playing> playing = new ConcurrentHashMap<>();
    private final Set<Session> subscribers = ConcurrentHashMap.newKeySet();
    private volatile Instant lastPush = Instant.EPOCH;
    private volatile int connections;

    FakeSessions(FakeJellyfin server) {
        this.server = server;
    }

    /** One device's session while it plays. */
    record Playing(String sessionId, List<String> userIds, String itemId, String deviceName, String client,
                   long positionTicks, boolean paused, boolean muted, Instant at) {
    }

    /** Number of sockets subscribed to the Sessions feed now. */
    public int subscribers() {
        return subscribers.size();
    }

    /** Number of sockets opened so far. */
    public int connections() {
        return connections;
    }

    /** A playback report of the device (start, progress); {@code automated} ticks are throttled. */
    void report(Playing now, boolean automated) {
        playing.put(now.sessionId(), now);
        if (!automated || Duration.between(lastPush, now.at()).compareTo(THROTTLE) >= 0) {
            push(now.at());
        }
    }

    /** Playback ended on the device. */
    void stopped(String sessionId, Instant at) {
        playing.remove(sessionId);
        push(at);
    }

    private void push(Instant at) {
        lastPush = at;
        String message = sessionsMessage();
        for (Session socket : subscribers) {
            if (socket.isOpen()) {
                socket.sendText(message, Callback.NOOP);
            }
        }
    }

    private String sessionsMessage() {
        ObjectNode message = json.createObjectNode();
        message.put("MessageType", "Sessions");
        ArrayNode data = message.putArray("Data");
        for (Playing session : playing.values()) {
            ObjectNode node = data.addObject();
            node.put("Id", session.sessionId());
            node.put("UserId", session.userIds().get(0));
            node.put("UserName", server.userName(session.userIds().get(0)));
            node.put("Client", session.client());
            node.put("DeviceName", session.deviceName());
            node.put("LastActivityDate", FakeJellyfin.time(session.at()));
            node.put("LastPlaybackCheckIn", FakeJellyfin.time(session.at()));
            node.put("IsActive", true);
            node.put("ServerId", FakeJellyfin.SERVER_ID);
            ArrayNode additional = node.putArray("AdditionalUsers");
            session.userIds().stream().skip(1).forEach(user ->
                    additional.addObject().put("UserId", user).put("UserName", server.userName(user)));
            FakeJellyfin.Item item = server.item(session.itemId());
            ObjectNode nowPlaying = node.putObject("NowPlayingItem");
            nowPlaying.put("Name", item.name());
            nowPlaying.put("Id", item.id());
            nowPlaying.put("Type", item.type());
            nowPlaying.put("MediaType", item.mediaType());
            if (item.runTimeTicks() != null) {
                nowPlaying.put("RunTimeTicks", item.runTimeTicks());
            }
            if (item.seriesId() != null) {
                nowPlaying.put("SeriesId", item.seriesId());
                nowPlaying.put("SeriesName", item.seriesName());
                nowPlaying.put("ParentIndexNumber", item.season());
                nowPlaying.put("IndexNumber", item.episode());
            }
            ObjectNode state = node.putObject("PlayState");
            state.put("PositionTicks", session.positionTicks());
            state.put("CanSeek", true);
            state.put("IsPaused", session.paused());
            state.put("IsMuted", session.muted());
            state.put("VolumeLevel", session.muted() ? 0 : 100);
            state.put("PlayMethod", "DirectPlay");
            state.put("RepeatMode", "RepeatNone");
        }
        message.put("MessageId", FakeJellyfin.newId());
        return message.toString();
    }

    /** A new socket endpoint for an authenticated upgrade. */
    Socket newSocket() {
        connections++;
        return new Socket();
    }

    /** One client's socket (public: Jetty calls its methods through method handles). */
    public final class Socket extends Session.Listener.AbstractAutoDemanding {
        @Override
        public void onWebSocketOpen(Session session) {
            super.onWebSocketOpen(session);
            session.sendText("{\"MessageType\":\"ForceKeepAlive\",\"Data\":60,\"MessageId\":\"" + FakeJellyfin.newId()
                    + "\"}", Callback.NOOP);
        }

        @Override
        public void onWebSocketText(String text) {
            JsonNode message;
            try {
                message = json.readTree(text);
            } catch (IOException e) {
                getSession().close(1003, "not JSON", Callback.NOOP);
                return;
            }
            switch (message.path("MessageType").asText()) {
                case "KeepAlive" -> getSession().sendText("{\"MessageType\":\"KeepAlive\",\"MessageId\":\""
                        + FakeJellyfin.newId() + "\"}", Callback.NOOP);
                case "SessionsStart" -> {
                    subscribers.add(getSession());
                    getSession().sendText(sessionsMessage(), Callback.NOOP);
                }
                case "SessionsStop" -> subscribers.remove(getSession());
                default -> {
                    // Other inbound messages are not used by Setlist.
                }
            }
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason) {
            subscribers.remove(getSession());
        }
    }

    /** Closes every open socket (a restarting server). */
    public void dropConnections() {
        for (Session socket : subscribers) {
            socket.close(1001, "server restarting", Callback.NOOP);
        }
        subscribers.clear();
    }
}
