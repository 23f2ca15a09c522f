package dev.setlist.plugin.jellyfin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The Jellyfin Webhook plugin's Generic destination, for tests: it posts what the plugin would post
 * for the fake server's playback, user data and library changes (CONTRACT.md §2.2), in either mode:
 * "Send All Properties" JSON (N-form GUIDs, real booleans, numbers) or the recommended template
 * (§2.4 Option B: every value a string, dashed GUIDs, {@code True}/{@code False}, empty strings for
 * missing keys). One POST per user of a session per event, {@code Content-Type: text/plain} unless
 * JSON was configured, no retries. Playback runs at the real cadence: an automated progress tick per
 * second of playing; time is a virtual clock that tests move, so a 40-minute episode takes no 40 minutes.
 *
 * <p>Not thread-safe: one test drives it.
 */
public final class FakeWebhooks {

    /** The Generic destination's two ways of writing a body. */
    public enum Mode { SEND_ALL, TEMPLATE }

    /** Option B of CONTRACT.md §2.4: the keys the recommended template renders, in its order. */
    static final List<String> TEMPLATE_KEYS = List.of("NotificationType", "ServerId", "UtcTimestamp", "UserId", "ItemId",
            "ItemType", "Name", "SeriesId", "SeasonNumber", "EpisodeNumber", "Year", "Genres", "RunTimeTicks",
            "PlaybackPositionTicks", "IsPaused", "IsAutomated", "PlayedToCompletion", "DeviceId", "DeviceName",
            "ClientName", "SaveReason", "Played", "Favorite", "Likes", "Rating", "PlayCount", "LastPlayedDate");

    private static final long TICKS = 10_000_000L;

    private final FakeJellyfin server;
    private final URI target;
    private final String secret;
    private final Mode mode;
    private final boolean jsonContentType;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final List<Integer> statuses = new CopyOnWriteArrayList<>();
    private Instant now;
    private boolean pluginInstalled = true;

    /** A GUID value: N form in send-all mode, D form when a template renders it. */
    private record Guid(String n) {
        String dashed() {
            return n.substring(0, 8) + "-" + n.substring(8, 12) + "-" + n.substring(12, 16) + "-" + n.substring(16, 20)
                    + "-" + n.substring(20);
        }
    }

    public FakeWebhooks(FakeJellyfin server, URI target, String secret, Mode mode, boolean jsonContentType, Instant start) {
        this.server = server;
        this.target = target;
        this.secret = secret;
        this.mode = mode;
        this.jsonContentType = jsonContentType;
        this.now = start;
    }

    /** A server without the Webhook plugin: nothing is posted; only the /socket feed sees playback. */
    public FakeWebhooks withoutPlugin() {
        pluginInstalled = false;
        return this;
    }

    public Instant now() {
        return now;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** The HTTP statuses Setlist answered, in order. */
    public List<Integer> statuses() {
        return List.copyOf(statuses);
    }

    /** Starts playing an item for the given users on one device: PlaybackStart, then UserDataSaved (PlaybackStart). */
    public Session start(String itemId, String deviceName, String client, String... userIds) {
        Session session = new Session(itemId, deviceName, client, List.of(userIds));
        session.begin();
        return session;
    }

    /** One playback session on one device, as the server's SessionManager runs it. */
    public final class Session {
        /** Jellyfin's session is the device's connection: the same id for every item played on it. */
        private final String sessionId;
        private final String deviceId;
        private final String itemId;
        private final String deviceName;
        private final String client;
        private final List<String> userIds;
        private long positionTicks;
        private boolean paused;
        private boolean muted;

        private Session(String itemId, String deviceName, String client, List<String> userIds) {
            this.itemId = itemId;
            this.deviceName = deviceName;
            this.client = client;
            this.userIds = userIds;
            this.sessionId = java.util.UUID.nameUUIDFromBytes((deviceName + "|" + client)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString().replace("-", "");
            this.deviceId = java.util.Base64.getEncoder().encodeToString(deviceName.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        private void begin() {
            for (String userId : userIds) {
                FakeJellyfin.UserData data = server.userData(userId, itemId);
                data.playCount++;
                data.lastPlayed = now;
            }
            playback("PlaybackStart", false, null);
            userData("PlaybackStart");
        }

        /** Plays for {@code duration}: one automated progress tick per second (none while paused). */
        public Session play(Duration duration) {
            for (long second = 0; second < duration.toSeconds(); second++) {
                now = now.plusSeconds(1);
                if (!paused) {
                    positionTicks = Math.min(runtime(), positionTicks + TICKS);
                    playback("PlaybackProgress", true, null);
                }
            }
            return this;
        }

        /** Time passes while no webhook is sent (a destination filter, a network blip): the player plays on. */
        public Session playSilently(Duration duration) {
            now = now.plus(duration);
            if (!paused) {
                positionTicks = Math.min(runtime(), positionTicks + duration.toSeconds() * TICKS);
            }
            return this;
        }

        /** The client reports a pause: a non-automated progress with IsPaused, and UserDataSaved (PlaybackProgress). */
        public Session pause() {
            paused = true;
            return report();
        }

        public Session resume() {
            paused = false;
            return report();
        }

        /** A client progress report (the web client sends one about every 10 s). */
        public Session report() {
            playback("PlaybackProgress", false, null);
            userData("PlaybackProgress");
            return this;
        }

        /** The client seeks to a position and reports it. */
        public Session seek(Duration position) {
            positionTicks = Math.min(runtime(), position.toSeconds() * TICKS);
            return report();
        }

        /** Stops; Jellyfin marks it played past 90% (position reset to 0) and sends UserDataSaved (PlaybackFinished). */
        public void stop() {
            long runtime = runtime();
            boolean played = runtime <= 0 || positionTicks >= runtime * 0.9 || runtime - positionTicks < TICKS
                    || runtime < 300 * TICKS;
            for (String userId : userIds) {
                FakeJellyfin.UserData data = server.userData(userId, itemId);
                if (played) {
                    data.played = true;
                    data.positionTicks = 0;
                } else {
                    data.positionTicks = positionTicks;
                }
            }
            long reported = positionTicks;
            if (played) {
                positionTicks = 0;
            }
            playback("PlaybackStop", false, played);
            positionTicks = reported;
            userData("PlaybackFinished");
        }

        /** The client mutes or unmutes (the webhook does not say; the /socket feed does). */
        public Session mute(boolean on) {
            muted = on;
            return report();
        }

        public Session seekTo(Duration position) {
            positionTicks = position.toSeconds() * TICKS;
            return this;
        }

        private long runtime() {
            Long ticks = server.item(itemId).runTimeTicks();
            return ticks == null ? 0 : ticks;
        }

        private void playback(String type, boolean automated, Boolean playedToCompletion) {
            if (type.equals("PlaybackStop")) {
                server.sessions().stopped(sessionId, now);
            } else {
                server.sessions().report(new FakeSessions.Playing(sessionId, userIds, itemId, deviceName, client,
                        positionTicks, paused, muted, now), automated);
            }
            for (String userId : userIds) {
                Map<String, Object> data = base(type);
                item(data, itemId);
                data.put("PlaybackPositionTicks", positionTicks);
                data.put("PlaybackPosition", clock(positionTicks));
                data.put("MediaSourceId", new Guid(itemId));
                data.put("IsPaused", paused);
                data.put("IsAutomated", automated);
                data.put("DeviceId", deviceId);
                data.put("DeviceName", deviceName);
                data.put("ClientName", client);
                data.put("PlayMethod", "DirectPlay");
                data.put("Id", new Guid(sessionId));
                data.put("UserId", new Guid(userId));
                data.put("NotificationUsername", userName(userId));
                data.put("Client", client);
                data.put("LastActivityDate", now);
                data.put("LastPlaybackCheckIn", now);
                if (playedToCompletion != null) {
                    data.put("PlayedToCompletion", playedToCompletion);
                }
                send(data);
            }
        }

        private void userData(String reason) {
            for (String userId : userIds) {
                sendUserData(userId, itemId, reason);
            }
        }
    }

    /** A person marks an item favourite (or not): UserDataSaved with SaveReason UpdateUserRating. */
    public void favourite(String userId, String itemId, boolean favourite) {
        server.userData(userId, itemId).favorite = favourite;
        sendUserData(userId, itemId, "UpdateUserRating");
    }

    /** A person likes (true), dislikes (false) or clears (null) their rating. */
    public void rate(String userId, String itemId, Boolean likes) {
        FakeJellyfin.UserData data = server.userData(userId, itemId);
        data.likes = likes;
        data.rating = likes == null ? null : likes ? 10.0 : 1.0;
        sendUserData(userId, itemId, "UpdateUserRating");
    }

    /** ItemAdded, as the plugin's scheduled task sends it (base and item keys, no user). */
    public void itemAdded(String itemId) {
        Map<String, Object> data = base("ItemAdded");
        item(data, itemId);
        send(data);
    }

    /** ItemDeleted, with what the server still knew of the item. */
    public void itemDeleted(FakeJellyfin.Item item) {
        Map<String, Object> data = base("ItemDeleted");
        itemFields(data, item);
        send(data);
    }

    private void sendUserData(String userId, String itemId, String reason) {
        FakeJellyfin.UserData user = server.userData(userId, itemId);
        Map<String, Object> data = base("UserDataSaved");
        item(data, itemId);
        data.put("Likes", Boolean.TRUE.equals(user.likes));
        data.put("Rating", user.rating == null ? 0.0 : user.rating);
        data.put("PlaybackPositionTicks", user.positionTicks);
        data.put("PlaybackPosition", clock(user.positionTicks));
        data.put("PlayCount", user.playCount);
        data.put("Favorite", user.favorite);
        data.put("Played", user.played);
        data.put("AudioStreamIndex", -1);
        data.put("SubtitleStreamIndex", -1);
        if (user.lastPlayed != null) {
            data.put("LastPlayedDate", user.lastPlayed);
        }
        data.put("SaveReason", reason);
        data.put("NotificationUsername", userName(userId));
        data.put("UserId", new Guid(userId));
        send(data);
    }

    private Map<String, Object> base(String type) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("ServerId", new Guid(FakeJellyfin.SERVER_ID));
        data.put("ServerName", "fake");
        data.put("ServerVersion", "10.11.11");
        data.put("ServerUrl", server.baseUri().toString());
        data.put("NotificationType", type);
        return data;
    }

    private void item(Map<String, Object> data, String itemId) {
        itemFields(data, server.item(itemId));
    }

    private void itemFields(Map<String, Object> data, FakeJellyfin.Item item) {
        data.put("Timestamp", now);
        data.put("UtcTimestamp", now);
        data.put("Name", item.name());
        data.put("Overview", "");
        data.put("Tagline", "");
        data.put("ItemId", new Guid(item.id()));
        data.put("ItemType", item.type());
        long runtime = item.runTimeTicks() == null ? 0 : item.runTimeTicks();
        data.put("RunTimeTicks", runtime);
        data.put("RunTime", clock(runtime));
        if (item.year() != null) {
            data.put("Year", item.year());
        }
        if (item.genres() != null && !item.genres().isEmpty()) {
            data.put("Genres", String.join(", ", item.genres()));
        }
        if ("Episode".equals(item.type())) {
            data.put("SeriesName", item.seriesName());
            data.put("SeriesId", new Guid(item.seriesId()));
            data.put("SeasonNumber", item.season());
            data.put("SeasonNumber00", String.format(Locale.ROOT, "%02d", item.season()));
            data.put("EpisodeNumber", item.episode());
            data.put("EpisodeNumber00", String.format(Locale.ROOT, "%02d", item.episode()));
            data.put("AirTime", "");
        }
        if ("Audio".equals(item.type())) {
            data.put("Album", item.album());
            data.put("Artist", item.artists() == null || item.artists().isEmpty() ? "" : item.artists().get(0));
        }
    }

    private String userName(String userId) {
        return server.userName(userId);
    }

    private static String clock(long ticks) {
        long seconds = ticks / TICKS;
        return String.format(Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    private void send(Map<String, Object> data) {
        if (!pluginInstalled) {
            return;
        }
        String body = mode == Mode.SEND_ALL ? sendAll(data) : template(data);
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", jsonContentType ? "application/json" : "text/plain; charset=utf-8")
                .header("X-Setlist-Secret", secret)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            statuses.add(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (IOException e) {
            statuses.add(0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** "Send All Properties": Jellyfin's JSON options; N GUIDs, real booleans, 7-digit Z dates. */
    private String sendAll(Map<String, Object> data) {
        ObjectNode node = json.createObjectNode();
        data.forEach((key, value) -> {
            if (value instanceof Guid guid) {
                node.put(key, guid.n());
            } else if (value instanceof Instant instant) {
                node.put(key, FakeJellyfin.time(instant));
            } else if (value instanceof Boolean bool) {
                node.put(key, bool);
            } else if (value instanceof Integer number) {
                node.put(key, number);
            } else if (value instanceof Long number) {
                node.put(key, number);
            } else if (value instanceof Double number) {
                node.put(key, number);
            } else {
                node.put(key, value == null ? null : value.toString());
            }
        });
        return node.toString();
    }

    /** The rendered Option B template: every value a string, D GUIDs, True/False, "" when missing. */
    private String template(Map<String, Object> data) {
        List<String> lines = new ArrayList<>();
        for (String key : TEMPLATE_KEYS) {
            Object value = data.get(key);
            String text;
            if (value == null) {
                text = "";
            } else if (value instanceof Guid guid) {
                text = guid.dashed();
            } else if (value instanceof Boolean bool) {
                text = bool ? "True" : "False";
            } else if (value instanceof Instant instant) {
                text = FakeJellyfin.time(instant);
            } else {
                text = value.toString().replace("\\", "\\\\").replace("\"", "\\\"");
            }
            lines.add("  \"" + key + "\": \"" + text + "\"");
        }
        return "{\n" + String.join(",\n", lines) + "\n}";
    }
}
