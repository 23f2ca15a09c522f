package dev.setlist.rules.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.setlist.rules.model.Curation;
import dev.setlist.rules.model.ListeningContext;
import dev.setlist.rules.model.Mode;
import dev.setlist.rules.model.SessionSoFar;
import dev.setlist.rules.model.Tuning;
import dev.setlist.scorer.candidates.Candidate;
import dev.setlist.scorer.candidates.ScoreParts;
import dev.setlist.scorer.catalog.ItemProfile;
import dev.setlist.scorer.catalog.ItemProfile.ItemKind;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses scenario files (YAML for {@code .yaml}/{@code .yml}, JSON for {@code .json}) into
 * {@link Scenario} records. Every error names the file and the field, for example
 * {@code kids.yaml: candidates[2].kind: unknown kind 'film' (movie, episode or track)}.
 *
 * <p>Thread-safe; share freely.
 */
public final class ScenarioLoader {

    private static final Set<String> TOP_KEYS = Set.of("name", "context", "tuning", "curation", "candidates", "expect");
    private static final Set<String> ITEM_KEYS = Set.of("id", "kind", "title", "genres", "tags", "people", "studio",
            "year", "minutes", "series", "season", "episode", "artist", "album", "rating", "addedDaysAgo", "added",
            "score", "wildcard");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    private final ObjectMapper json = new ObjectMapper();

    /** Whether {@code fileName} is a scenario file by its extension. */
    public static boolean isScenarioFile(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json");
    }

    /** Parses one scenario file. */
    public Scenario parse(String file, byte[] bytes) throws ScenarioFormatException {
        JsonNode root;
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            root = (file.toLowerCase(Locale.ROOT).endsWith(".json") ? json : yaml).readTree(text);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ScenarioFormatException(file + ": the file is not UTF-8; save it as UTF-8");
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            throw new ScenarioFormatException(file + (location == null ? "" : ":" + location.getLineNr() + ":"
                    + location.getColumnNr()) + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ScenarioFormatException(file + ": " + e.getMessage(), e);
        }
        return new Reader(file).scenario(root);
    }

    /** Reads one file's tree, tracking the file name for messages. Not thread-safe; one per file. */
    private static final class Reader {
        private final String file;

        Reader(String file) {
            this.file = file;
        }

        private ScenarioFormatException error(String path, String message) {
            return new ScenarioFormatException(file + ": " + path + ": " + message);
        }

        Scenario scenario(JsonNode root) throws ScenarioFormatException {
            if (root == null || !root.isObject()) {
                throw new ScenarioFormatException(file + ": a scenario is a map with name, context, candidates and expect");
            }
            unknownKeys(root, TOP_KEYS, "");
            String name = text(root, "name", "", true);
            LocalDateTime time = LocalDateTime.of(2025, 3, 4, 19, 0);
            ListeningContext context = context(root.get("context"), time);
            Tuning tuning = tuning(root.get("tuning"));
            Curation curation = curation(root.get("curation"));
            JsonNode candidatesNode = root.get("candidates");
            if (candidatesNode == null || !candidatesNode.isArray() || candidatesNode.isEmpty()) {
                throw error("candidates", "a non-empty list of items is required");
            }
            List<Candidate> candidates = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < candidatesNode.size(); i++) {
                String path = "candidates[" + i + "]";
                JsonNode node = candidatesNode.get(i);
                ItemProfile item = item(node, path, context.localTime());
                if (!ids.add(item.id())) {
                    throw error(path + ".id", "duplicate id '" + item.id() + "'");
                }
                double score = node.has("score") ? number(node, "score", path) : 0.5;
                boolean wildcard = node.has("wildcard") && node.get("wildcard").asBoolean();
                candidates.add(new Candidate(item, score, ScoreParts.NONE, wildcard));
            }
            JsonNode expectNode = root.get("expect");
            if (expectNode == null || !expectNode.isArray() || expectNode.isEmpty()) {
                throw error("expect", "a non-empty list of expectations is required");
            }
            List<Expectation> expectations = new ArrayList<>();
            for (int i = 0; i < expectNode.size(); i++) {
                expectations.add(expectation(expectNode.get(i), "expect[" + i + "]"));
            }
            return new Scenario(name, file, context, tuning, curation, candidates, expectations);
        }

        private void unknownKeys(JsonNode node, Set<String> known, String path) throws ScenarioFormatException {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String key = names.next();
                if (!known.contains(key)) {
                    throw error(path.isEmpty() ? key : path + "." + key, "unknown key; known keys: " + new java.util.TreeSet<>(known));
                }
            }
        }

        private String text(JsonNode node, String key, String path, boolean required) throws ScenarioFormatException {
            JsonNode value = node.get(key);
            if (value == null || value.isNull()) {
                if (required) {
                    throw error(path.isEmpty() ? key : path + "." + key, "required");
                }
                return null;
            }
            if (!value.isValueNode()) {
                throw error(path.isEmpty() ? key : path + "." + key, "expected a single value");
            }
            return value.asText();
        }

        private double number(JsonNode node, String key, String path) throws ScenarioFormatException {
            JsonNode value = node.get(key);
            if (value == null || !value.isNumber()) {
                throw error(path + "." + key, "expected a number, found " + value);
            }
            return value.asDouble();
        }

        private int integer(JsonNode node, String key, String path) throws ScenarioFormatException {
            JsonNode value = node.get(key);
            if (value == null || !value.canConvertToInt() || !value.isIntegralNumber()) {
                throw error(path + "." + key, "expected a whole number, found " + value);
            }
            return value.asInt();
        }

        private List<String> strings(JsonNode node, String key, String path) throws ScenarioFormatException {
            JsonNode value = node.get(key);
            if (value == null || value.isNull()) {
                return List.of();
            }
            if (value.isValueNode()) {
                return List.of(value.asText());
            }
            if (!value.isArray()) {
                throw error(path + "." + key, "expected a list");
            }
            List<String> values = new ArrayList<>();
            for (JsonNode each : value) {
                values.add(each.asText());
            }
            return values;
        }

        private ListeningContext context(JsonNode node, LocalDateTime defaultTime) throws ScenarioFormatException {
            if (node == null || node.isNull()) {
                return ListeningContext.of("scenario", defaultTime);
            }
            unknownKeys(node, Set.of("user", "profile", "mode", "time", "device", "client", "session",
                    "parentalCeiling", "lastPlayedDaysAgo", "signals"), "context");
            Mode mode = null;
            String modeText = text(node, "mode", "context", false);
            if (modeText != null) {
                try {
                    mode = Mode.parse(modeText);
                } catch (IllegalArgumentException e) {
                    throw error("context.mode", e.getMessage());
                }
            }
            LocalDateTime time = defaultTime;
            String timeText = text(node, "time", "context", false);
            if (timeText != null) {
                try {
                    time = LocalDateTime.parse(timeText);
                } catch (DateTimeParseException e) {
                    throw error("context.time", "expected a local time such as 2025-03-07T20:30, found '" + timeText + "'");
                }
            }
            List<ItemProfile> played = new ArrayList<>();
            JsonNode session = node.get("session");
            if (session != null && !session.isNull()) {
                if (!session.isArray()) {
                    throw error("context.session", "expected a list of items played, oldest first");
                }
                for (int i = 0; i < session.size(); i++) {
                    played.add(item(session.get(i), "context.session[" + i + "]", time));
                }
            }
            Integer ceiling = node.has("parentalCeiling") ? integer(node, "parentalCeiling", "context") : null;
            Map<String, Instant> lastPlayed = new HashMap<>();
            JsonNode daysAgo = node.get("lastPlayedDaysAgo");
            if (daysAgo != null) {
                if (!daysAgo.isObject()) {
                    throw error("context.lastPlayedDaysAgo", "expected a map of item id to days");
                }
                Iterator<Map.Entry<String, JsonNode>> fields = daysAgo.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    lastPlayed.put(field.getKey(), time.toInstant(ZoneOffset.UTC).minusSeconds(
                            Math.round(field.getValue().asDouble() * 86_400)));
                }
            }
            Map<String, Double> signals = new HashMap<>();
            JsonNode signalNode = node.get("signals");
            if (signalNode != null) {
                Iterator<Map.Entry<String, JsonNode>> fields = signalNode.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    if (!field.getValue().isNumber()) {
                        throw error("context.signals." + field.getKey(), "expected a number");
                    }
                    signals.put(field.getKey(), field.getValue().asDouble());
                }
            }
            String user = text(node, "user", "context", false);
            try {
                return new ListeningContext(user == null ? "scenario" : user, text(node, "profile", "context", false),
                        mode, time, text(node, "device", "context", false), text(node, "client", "context", false),
                        SessionSoFar.of(played), ceiling, lastPlayed, signals);
            } catch (IllegalArgumentException e) {
                throw error("context", e.getMessage());
            }
        }

        private Tuning tuning(JsonNode node) throws ScenarioFormatException {
            if (node == null || node.isNull()) {
                return Tuning.DEFAULTS;
            }
            Map<String, Object> values = new java.util.LinkedHashMap<>();
            Tuning d = Tuning.DEFAULTS;
            values.put("length", d.length());
            values.put("budgetMinutes", d.budgetMinutes());
            values.put("diversityStrength", d.diversityStrength());
            values.put("explorationRate", d.explorationRate());
            values.put("bingeRun", d.bingeRun());
            values.put("genreRun", d.genreRun());
            values.put("newArrivalDays", d.newArrivalDays());
            values.put("repeatWindowDays", d.repeatWindowDays());
            values.put("allowRepeats", d.allowRepeats());
            values.put("featuredMax", d.featuredMax());
            values.put("genreCap", d.genreCap());
            values.put("kidsCeiling", d.kidsCeiling());
            unknownKeys(node, values.keySet(), "tuning");
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                Object old = values.get(field.getKey());
                JsonNode value = field.getValue();
                if (old instanceof Integer) {
                    values.put(field.getKey(), integer(node, field.getKey(), "tuning"));
                } else if (old instanceof Double) {
                    values.put(field.getKey(), number(node, field.getKey(), "tuning"));
                } else if (!value.isBoolean()) {
                    throw error("tuning." + field.getKey(), "expected true or false");
                } else {
                    values.put(field.getKey(), value.asBoolean());
                }
            }
            try {
                return new Tuning((Integer) values.get("length"), (Integer) values.get("budgetMinutes"),
                        (Double) values.get("diversityStrength"), (Double) values.get("explorationRate"),
                        (Integer) values.get("bingeRun"), (Integer) values.get("genreRun"),
                        (Integer) values.get("newArrivalDays"), (Integer) values.get("repeatWindowDays"),
                        (Boolean) values.get("allowRepeats"), (Integer) values.get("featuredMax"),
                        (Integer) values.get("genreCap"), (Integer) values.get("kidsCeiling"));
            } catch (IllegalArgumentException e) {
                throw error("tuning", e.getMessage());
            }
        }

        private Curation curation(JsonNode node) throws ScenarioFormatException {
            if (node == null || node.isNull()) {
                return Curation.NONE;
            }
            unknownKeys(node, Set.of("featured", "hidden"), "curation");
            return new Curation(Set.copyOf(strings(node, "featured", "curation")),
                    Set.copyOf(strings(node, "hidden", "curation")));
        }

        private ItemProfile item(JsonNode node, String path, LocalDateTime now) throws ScenarioFormatException {
            if (node == null || !node.isObject()) {
                throw error(path, "expected an item (a map with at least id and kind)");
            }
            unknownKeys(node, ITEM_KEYS, path);
            String id = text(node, "id", path, true);
            String kindText = text(node, "kind", path, true);
            ItemKind kind;
            try {
                kind = ItemKind.valueOf(kindText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw error(path + ".kind", "unknown kind '" + kindText + "' (movie, episode or track)");
            }
            Instant added;
            if (node.has("added")) {
                try {
                    added = Instant.parse(text(node, "added", path, true));
                } catch (DateTimeParseException e) {
                    throw error(path + ".added", "expected an instant such as 2025-03-01T00:00:00Z");
                }
            } else {
                double days = node.has("addedDaysAgo") ? number(node, "addedDaysAgo", path) : 365;
                added = now.toInstant(ZoneOffset.UTC).minusSeconds(Math.round(days * 86_400));
            }
            String title = text(node, "title", path, false);
            String series = text(node, "series", path, false);
            int minutes = node.has("minutes") ? integer(node, "minutes", path) : 0;
            try {
                return new ItemProfile(id, kind, title == null ? id : title, strings(node, "genres", path),
                        strings(node, "tags", path), strings(node, "people", path), text(node, "studio", path, false),
                        node.has("year") ? integer(node, "year", path) : null, minutes * 60, series, series,
                        node.has("season") ? integer(node, "season", path) : 0,
                        node.has("episode") ? integer(node, "episode", path) : 0, text(node, "artist", path, false),
                        text(node, "album", path, false), text(node, "rating", path, false), added);
            } catch (IllegalArgumentException e) {
                throw error(path, e.getMessage());
            }
        }

        private Expectation expectation(JsonNode node, String path) throws ScenarioFormatException {
            if (node == null || !node.isObject() || node.size() != 1) {
                throw error(path, "each expectation is a map with one key, for example {excluded: \"42\"}");
            }
            String key = node.fieldNames().next();
            JsonNode value = node.get(key);
            String at = path + "." + key;
            return switch (key) {
                case "excluded" -> new Expectation.Excluded(value.asText());
                case "notExcluded" -> new Expectation.NotExcluded(value.asText());
                case "offered" -> new Expectation.Offered(value.asText());
                case "notOffered" -> new Expectation.NotOffered(value.asText());
                case "boosted" -> new Expectation.Adjusted(value.asText(), true);
                case "buried" -> new Expectation.Adjusted(value.asText(), false);
                case "fired" -> new Expectation.Fired(value.asText(), true);
                case "notFired" -> new Expectation.Fired(value.asText(), false);
                case "relaxed" -> new Expectation.Relaxed(value.asText());
                case "noRelaxations" -> new Expectation.NoRelaxations();
                case "failure" -> new Expectation.Fails();
                case "maxTotalMinutes" -> new Expectation.MaxTotalMinutes(integer(node, key, path));
                case "mode" -> {
                    try {
                        yield new Expectation.InMode(Mode.parse(value.asText()));
                    } catch (IllegalArgumentException e) {
                        throw error(at, e.getMessage());
                    }
                }
                case "first" -> {
                    unknownKeys(value, Set.of("kind", "minMinutes", "maxMinutes", "genre"), at);
                    String kindText = text(value, "kind", at, false);
                    ItemKind kind = null;
                    if (kindText != null) {
                        try {
                            kind = ItemKind.valueOf(kindText.toUpperCase(Locale.ROOT));
                        } catch (IllegalArgumentException e) {
                            throw error(at + ".kind", "unknown kind '" + kindText + "' (movie, episode or track)");
                        }
                    }
                    yield new Expectation.First(kind, value.has("minMinutes") ? integer(value, "minMinutes", at) : null,
                            value.has("maxMinutes") ? integer(value, "maxMinutes", at) : null,
                            text(value, "genre", at, false));
                }
                case "top" -> {
                    unknownKeys(value, Set.of("n", "atLeastGenres", "maxPerGenre"), at);
                    yield new Expectation.Top(integer(value, "n", at),
                            value.has("atLeastGenres") ? integer(value, "atLeastGenres", at) : null,
                            value.has("maxPerGenre") ? integer(value, "maxPerGenre", at) : null);
                }
                case "length" -> {
                    unknownKeys(value, Set.of("min", "max"), at);
                    yield new Expectation.Length(value.has("min") ? integer(value, "min", at) : null,
                            value.has("max") ? integer(value, "max", at) : null);
                }
                case "position" -> {
                    unknownKeys(value, Set.of("item", "at"), at);
                    yield new Expectation.Position(text(value, "item", at, true), integer(value, "at", at));
                }
                case "adjustedBy" -> {
                    unknownKeys(value, Set.of("item", "rule"), at);
                    yield new Expectation.AdjustedBy(text(value, "item", at, true), text(value, "rule", at, true));
                }
                default -> throw error(at, "unknown expectation; known: excluded, notExcluded, offered, notOffered, "
                        + "boosted, buried, adjustedBy, fired, notFired, mode, first, top, length, position, "
                        + "maxTotalMinutes, relaxed, noRelaxations, failure");
            };
        }
    }
}
