package dev.setlist.plugin.auth;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JellyfinTokensTest {

    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        private Instant now = Instant.parse("2026-11-28T08:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final TestClock clock = new TestClock();
    private final List<String> asked = new ArrayList<>();
    private boolean jellyfinDown;

    private final JellyfinTokens tokens = new JellyfinTokens(token -> {
        asked.add(token);
        if (jellyfinDown) {
            throw new JellyfinTokens.Unavailable("unreachable", null);
        }
        return token.startsWith("alex") ? Optional.of("a1") : Optional.empty();
    }, clock);

    @Test
    void aValidTokenIsAskedOnceThenTrustedForFiveMinutes() {
        assertThat(tokens.userOf("alex-token")).contains("a1");
        assertThat(tokens.userOf("alex-token")).contains("a1");
        assertThat(asked).hasSize(1);
        clock.now = clock.now.plus(JellyfinTokens.VALID_FOR).minusSeconds(1);
        assertThat(tokens.userOf("alex-token")).contains("a1");
        assertThat(asked).hasSize(1);
        clock.now = clock.now.plusSeconds(1);
        assertThat(tokens.userOf("alex-token")).contains("a1");
        assertThat(asked).as("asked again once the answer expired").hasSize(2);
    }

    @Test
    void aRefusedTokenIsRefusedForHalfAMinuteWithoutAskingAgain() {
        assertThat(tokens.userOf("bad")).isEmpty();
        assertThat(tokens.userOf("bad")).isEmpty();
        assertThat(asked).hasSize(1);
        clock.now = clock.now.plus(JellyfinTokens.REFUSED_FOR);
        assertThat(tokens.userOf("bad")).isEmpty();
        assertThat(asked).hasSize(2);
    }

    @Test
    void anUnansweredQuestionIsNotRemembered() {
        jellyfinDown = true;
        assertThatThrownBy(() -> tokens.userOf("alex-token")).isInstanceOf(JellyfinTokens.Unavailable.class);
        jellyfinDown = false;
        assertThat(tokens.userOf("alex-token")).contains("a1");
        assertThat(asked).hasSize(2);
    }

    @Test
    void rememberedAnswersStayBounded() {
        for (int i = 0; i < JellyfinTokens.CAPACITY; i++) {
            tokens.userOf("bad-" + i);
        }
        assertThat(tokens.remembered()).isEqualTo(JellyfinTokens.CAPACITY);
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        tokens.userOf("alex-token");
        assertThat(tokens.remembered()).as("the expired are swept first").isEqualTo(1);
        for (int i = 1; i < JellyfinTokens.CAPACITY; i++) {
            tokens.userOf("worse-" + i);
        }
        tokens.userOf("alex-again");
        assertThat(tokens.remembered()).as("none expired: all forgotten rather than grow").isEqualTo(1);
    }
}
