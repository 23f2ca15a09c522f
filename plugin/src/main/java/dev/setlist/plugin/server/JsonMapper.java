package dev.setlist.plugin.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one JSON configuration Setlist uses, for the API, the event log and exports. */
public final class JsonMapper {

    private JsonMapper() {
    }

    /**
     * A new mapper: ISO-8601 times, nulls left out, unknown properties refused. Doubles are written and read
     * with Jackson's fast algorithms (Schubfach, FastDoubleParser): a playlist carries a dozen score parts per
     * entry, and the JDK 17 {@code Double.toString} they replace was a visible share of a playlist's CPU.
     * Both give the shortest text that reads back as the same double.
     */
    public static ObjectMapper create() {
        return configured(JsonFactory.builder());
    }

    /**
     * {@link #create()} for the HTTP API's answers: the generator does not pass its flushes on to the stream.
     * Jetty holds an answer in its output buffer (32 KB) and, when the answer is complete first, sends it whole
     * with a {@code Content-Length}; a flush reaching the stream sends what was written so far instead, and the
     * rest follows in chunks, each a further trip through Jetty's output path (a playlist is 10 to 20 KB).
     */
    public static ObjectMapper forResponses() {
        return configured(JsonFactory.builder().disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM));
    }

    private static ObjectMapper configured(com.fasterxml.jackson.core.JsonFactoryBuilder builder) {
        JsonFactory factory = builder
                .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                .build();
        return new ObjectMapper(factory)
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }
}
