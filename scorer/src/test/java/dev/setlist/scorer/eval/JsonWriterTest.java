package dev.setlist.scorer.eval;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonWriterTest {

    @Test
    void escapesEverythingJsonRequires() {
        String nasty = "quote \" backslash \\ newline \n tab \t bell \u0007 nul \u0000 separator \u2028 é 😀";
        String json = new JsonWriter().beginObject().name("text").value(nasty).endObject().toString();
        assertThat(json).contains("\\\"", "\\\\", "\\n", "\\t", "\\u0007", "\\u0000", "\\u2028", "é", "😀");
        assertThat(JsonParser.parse(json)).isEqualTo(Map.of("text", nasty));
    }

    @Test
    void nestsObjectsAndArraysWithCommasInTheRightPlaces() {
        String json = new JsonWriter().beginObject()
                .name("name").value("EASE")
                .name("empty").beginArray().endArray()
                .name("none").beginObject().endObject()
                .name("list").beginArray().value(1L).value(2.5).value(true).value((String) null).endArray()
                .name("nested").beginObject().name("k").value(20).endObject()
                .endObject().toString();
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("name", "EASE");
        expected.put("empty", List.of());
        expected.put("none", Map.of());
        List<Object> list = new ArrayList<>();
        list.add(1.0);
        list.add(2.5);
        list.add(true);
        list.add(null);
        expected.put("list", list);
        expected.put("nested", Map.of("k", 20.0));
        assertThat(JsonParser.parse(json)).isEqualTo(expected);
    }

    @Test
    void writesNonFiniteNumbersAsNullAndIntegersWithoutAFraction() {
        String json = new JsonWriter().beginArray().value(Double.NaN).value(Double.POSITIVE_INFINITY).value(3.0)
                .value(1e-7).endArray().toString();
        assertThat(json.replaceAll("\\s", "")).isEqualTo("[null,null,3,1.0E-7]");
    }

    @Test
    void refusesToRenderAnUnclosedDocument() {
        assertThatThrownBy(() -> new JsonWriter().beginObject().toString()).isInstanceOf(IllegalStateException.class);
    }
}
