package dev.setlist.plugin.events;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryKeyTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anUndatedKeyIsTheSha256OfTheBytesInHex() {
        assertThat(DeliveryKey.of(bytes("abc")))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
                .isEqualTo(DeliveryKey.of("abc"))
                .isEqualTo(DeliveryKey.of(null, bytes("abc")));
        assertThat(DeliveryKey.isDated(DeliveryKey.of("abc"))).isFalse();
    }

    @Test
    void aDatedKeyIsTheTimeInMillisThenTheDigestAndTheSameBytesGiveTheSameKey() {
        Instant at = Instant.parse("2026-11-28T21:00:00.1234567Z");
        String key = DeliveryKey.of(at, bytes("abc"));

        assertThat(key).isEqualTo(String.format("%012x", at.toEpochMilli()) + ":" + DeliveryKey.of("abc"))
                .isEqualTo(DeliveryKey.of(at, bytes("abc")));
        assertThat(DeliveryKey.isDated(key)).isTrue();
        assertThat(DeliveryKey.digestOf(key)).isEqualTo(DeliveryKey.of("abc"));
        assertThat(DeliveryKey.digestOf(DeliveryKey.of("abc"))).isEqualTo(DeliveryKey.of("abc"));
        assertThat(DeliveryKey.of(at, bytes("abd"))).isNotEqualTo(key);
    }

    @Test
    void datedKeysSortAsTheirTimesWhateverTheirDigests() {
        List<String> keys = new ArrayList<>();
        Instant at = Instant.parse("1970-01-01T00:00:00Z");
        for (int i = 0; i < 200; i++) {
            keys.add(DeliveryKey.of(at, bytes("body " + (200 - i))));
            at = at.plusMillis(1L << (i % 45));
        }
        assertThat(keys).isSorted();
    }

    @Test
    void aTimeOutsideWhatTheKeyCanHoldGivesTheUndatedKeySoTheKeyIsStillAFunctionOfTheBytes() {
        assertThat(DeliveryKey.of(Instant.parse("1969-12-31T23:59:59Z"), bytes("x"))).isEqualTo(DeliveryKey.of("x"));
        assertThat(DeliveryKey.of(Instant.parse("+10889-08-03T00:00:00Z"), bytes("x"))).isEqualTo(DeliveryKey.of("x"));
        assertThat(DeliveryKey.of(Instant.MAX, bytes("x"))).isEqualTo(DeliveryKey.of("x"));
        assertThat(DeliveryKey.isDated(DeliveryKey.of(Instant.parse("+10889-08-01T00:00:00Z"), bytes("x")))).isTrue();
    }

    @Test
    void keysOfOtherShapesAreTheirOwnDigest() {
        for (String key : List.of("k1", "import:abc", "zzzzzzzzzzzz:abc", "0123456789ab", "")) {
            assertThat(DeliveryKey.isDated(key)).as(key).isFalse();
            assertThat(DeliveryKey.digestOf(key)).isEqualTo(key);
        }
    }
}
