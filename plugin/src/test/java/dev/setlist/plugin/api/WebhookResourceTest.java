package dev.setlist.plugin.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.setlist.plugin.server.JsonMapper;
import dev.setlist.plugin.store.EventLog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookResourceTest {

    @Test
    void theAnswerForAStoredEventIsJsonWithItsSequenceNumberAndWhetherItWasThereAlready() throws Exception {
        JsonNode fresh = JsonMapper.create().readTree(WebhookResource.stored(new EventLog.Appended(9_876_543_210L, false)));
        JsonNode again = JsonMapper.create().readTree(WebhookResource.stored(new EventLog.Appended(7, true)));

        assertThat(fresh.get("seq").asLong()).isEqualTo(9_876_543_210L);
        assertThat(fresh.get("duplicate").isBoolean()).isTrue();
        assertThat(fresh.get("duplicate").asBoolean()).isFalse();
        assertThat(again.get("seq").asLong()).isEqualTo(7);
        assertThat(again.get("duplicate").asBoolean()).isTrue();
        assertThat(fresh.size()).isEqualTo(2);
    }
}
