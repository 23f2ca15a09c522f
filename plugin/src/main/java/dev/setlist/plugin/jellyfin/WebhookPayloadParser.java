package dev.setlist.plugin.jellyfin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.setlist.plugin.events.EventType;
import dev.setlist.plugin.events.PlaybackEvent;
import dev.setlist.plugin.events.PlaybackEvent.ItemFacts;
import dev.setlist.plugin.events.PlaybackEvent.UserDataFacts;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Turns a body from the Jellyfin Webhook plugin's Generic destination into a {@link PlaybackEvent}.
 * Both of the plugin's modes are read: "Send All Properties" (JSON types, N-form GUIDs, real
 * booleans) and a rendered Handlebars template (every value a string, dashed GUIDs,
 * {@code True}/{@code False}, empty strings for missing keys). See CONTRACT.md §2.2 and §2.3.
 *
 * <p>Thread-safe: holds only a configured {@link ObjectMapper}.
 */
public final class WebhookPayloadParser {

    private final ObjectMapper mapper;

    public WebhookPayloadParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The outcome of reading one body. */
    public sealed interface Result permits Accepted, Ignored {
    }

    /**
     * A body that becomes an event.
     *
     * @param stamped the body's own {@code UtcTimestamp} (the event's time), or {@code null} when it has none and
     *                the event was given the time it was received: what a delivery key may be dated by
     */
    public record Accepted(PlaybackEvent event, Instant stamped) implements Result {
    }

    /** A well-formed body of a notification type Setlist does not record (for example AuthenticationSuccess). */
    public record Ignored(String notificationType) implements Result {
    }

    /**
     * Parses one body.
     *
     * @param receivedAt used as the event time when the body carries no {@code UtcTimestamp}
     * @throws MalformedEventException with the parser's reason when the body is not a usable event
     */
    public Result parse(byte[] body, Instant receivedAt) throws MalformedEventException {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            // A broken constraint (nesting too deep, a number too long) has no location.
            com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
            throw new MalformedEventException("body is not valid JSON: " + e.getOriginalMessage()
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()));
        } catch (java.io.IOException e) {
            throw new MalformedEventException("body could not be read: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new MalformedEventException("body is empty");
        }
        if (!(root instanceof ObjectNode fields)) {
            throw new MalformedEventException("body must be a JSON object, was " + root.getNodeType().toString().toLowerCase(Locale.ROOT));
        }
        Fields in = new Fields(fields);
        String notification = in.text("NotificationType");
        if (notification == null) {
            throw new MalformedEventException("NotificationType is missing");
        }
        EventType type = EventType.fromWireName(notification);
        if (type == null) {
            return new Ignored(notification);
        }
        String itemId = in.guid("ItemId");
        if (itemId == null) {
            throw new MalformedEventException("ItemId is missing for " + notification);
        }
        String userId = in.guid("UserId");
        if (type.isPersonal() && userId == null) {
            throw new MalformedEventException("UserId is missing for " + notification);
        }
        Instant stamped = in.instant("UtcTimestamp");
        Instant occurredAt = stamped != null ? stamped : receivedAt;
        Long runtime = in.longValue("RunTimeTicks");
        ItemFacts item = new ItemFacts(
                in.text("Name"),
                in.text("ItemType"),
                runtime != null && runtime > 0 ? runtime : null,
                in.intValue("Year"),
                in.list("Genres"),
                in.guid("SeriesId"),
                in.text("SeriesName"),
                in.intValue("SeasonNumber"),
                in.intValue("EpisodeNumber"),
                in.text("Album"),
                in.text("Artist"));
        UserDataFacts userData = type == EventType.USER_DATA_SAVED
                ? new UserDataFacts(in.text("SaveReason"), in.bool("Favorite"), in.bool("Likes"),
                        in.doubleValue("Rating"), in.bool("Played"), in.intValue("PlayCount"))
                : null;
        boolean playback = type == EventType.PLAYBACK_START || type == EventType.PLAYBACK_PROGRESS
                || type == EventType.PLAYBACK_STOP;
        PlaybackEvent event = new PlaybackEvent(
                type,
                occurredAt,
                type.isPersonal() ? userId : null,
                in.text("NotificationUsername"),
                itemId,
                item,
                playback ? in.longValue("PlaybackPositionTicks") : null,
                playback ? in.bool("IsPaused") : null,
                playback ? in.bool("IsAutomated") : null,
                type == EventType.PLAYBACK_STOP ? in.bool("PlayedToCompletion") : null,
                playback ? in.guidOrText("Id") : null,
                in.text("DeviceName"),
                in.text("ClientName"),
                userData);
        return new Accepted(event, stamped);
    }

    /** Reads keys leniently: typed JSON values or their string renderings; empty strings are absent. */
    private record Fields(ObjectNode node) {

        String text(String key) {
            JsonNode value = node.get(key);
            if (value == null || value.isNull() || value.isContainerNode()) {
                return null;
            }
            String text = value.asText().trim();
            return text.isEmpty() ? null : text;
        }

        String guid(String key) throws MalformedEventException {
            String text = text(key);
            if (text == null) {
                return null;
            }
            try {
                return JellyfinIds.normalize(text);
            } catch (IllegalArgumentException e) {
                throw new MalformedEventException(key + " is not a GUID: '" + text + "'");
            }
        }

        String guidOrText(String key) {
            String text = text(key);
            if (text == null) {
                return null;
            }
            return JellyfinIds.isGuid(text) ? JellyfinIds.normalize(text) : text;
        }

        Boolean bool(String key) throws MalformedEventException {
            JsonNode value = node.get(key);
            if (value != null && value.isBoolean()) {
                return value.booleanValue();
            }
            String text = text(key);
            if (text == null) {
                return null;
            }
            if (text.equalsIgnoreCase("true")) {
                return Boolean.TRUE;
            }
            if (text.equalsIgnoreCase("false")) {
                return Boolean.FALSE;
            }
            throw new MalformedEventException(key + " must be true or false, was '" + text + "'");
        }

        Long longValue(String key) throws MalformedEventException {
            JsonNode value = node.get(key);
            if (value != null && value.isIntegralNumber()) {
                return value.longValue();
            }
            String text = text(key);
            if (text == null) {
                return null;
            }
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new MalformedEventException(key + " must be a whole number, was '" + text + "'");
            }
        }

        Integer intValue(String key) throws MalformedEventException {
            Long value = longValue(key);
            if (value == null) {
                return null;
            }
            if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                throw new MalformedEventException(key + " is out of range: " + value);
            }
            return value.intValue();
        }

        Double doubleValue(String key) throws MalformedEventException {
            JsonNode value = node.get(key);
            if (value != null && value.isNumber()) {
                return value.doubleValue();
            }
            String text = text(key);
            if (text == null) {
                return null;
            }
            try {
                double parsed = Double.parseDouble(text);
                if (!Double.isFinite(parsed)) {
                    throw new NumberFormatException();
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw new MalformedEventException(key + " must be a number, was '" + text + "'");
            }
        }

        List<String> list(String key) {
            JsonNode value = node.get(key);
            if (value != null && value.isArray()) {
                return java.util.stream.StreamSupport.stream(value.spliterator(), false)
                        .map(JsonNode::asText).map(String::trim).filter(s -> !s.isEmpty()).toList();
            }
            String text = text(key);
            if (text == null) {
                return List.of();
            }
            return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }

        /** ISO-8601 with 0 to 7 fraction digits; a missing offset is read as UTC (CONTRACT.md §0). */
        Instant instant(String key) throws MalformedEventException {
            String text = text(key);
            if (text == null) {
                return null;
            }
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException withOffset) {
                try {
                    return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException withoutOffset) {
                    throw new MalformedEventException(key + " is not an ISO-8601 time: '" + text + "'");
                }
            }
        }
    }
}
