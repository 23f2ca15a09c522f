package dev.setlist.plugin.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The key that identifies one delivery of an event, so that the same delivery arriving twice is recognised
 * and stored once. It is a pure function of what was delivered, in one of two forms:
 *
 * <ul>
 *   <li><b>dated</b>, for a delivery that carries its own time (a webhook body's {@code UtcTimestamp}):
 *       {@code <time>:<digest>}, the time as {@value #TIME_DIGITS} hex digits of milliseconds since the epoch,
 *       then the SHA-256 of the bytes in hex. Keys sort by the delivery's time, so the log's unique index takes
 *       each commit's new keys at its right-hand edge instead of rewriting a random leaf of the whole index per
 *       event (about 100 µs of the writer's CPU per event at full load);</li>
 *   <li><b>undated</b>: the digest alone. Every key written before dated keys existed has this form.</li>
 * </ul>
 *
 * <p>Why a re-delivery is still always recognised, however late: the time is read from the delivered bytes
 * themselves (never from when they arrived), so the same bytes give the same key, whose place in the index
 * does not depend on what was stored since. The time only decides <em>where</em> the key sits. The one
 * exception is a log written before dated keys: there a delivery was stored under its bare digest, which is
 * why the log also looks a dated key's {@link #digestOf digest} up when it holds keys from that time
 * ({@code store.JdbcEventLog}).
 */
public final class DeliveryKey {

    /** Hex digits of the time: 48 bits of milliseconds reach the year 10889. */
    static final int TIME_DIGITS = 12;
    private static final long LATEST_MILLIS = (1L << (4 * TIME_DIGITS)) - 1;
    private static final HexFormat HEX = HexFormat.of();

    private DeliveryKey() {
    }

    /** The undated key of these bytes: their SHA-256 in hex. */
    public static String of(byte[] bytes) {
        return HEX.formatHex(sha256(bytes));
    }

    public static String of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The dated key of a delivery whose bytes carry the time {@code stamped}; the undated key when
     * {@code stamped} is {@code null} or outside 1970 to 10889 (so the key is still a function of the bytes).
     *
     * @param stamped the time the delivery itself states; never the time it arrived, or a re-delivery would
     *                get another key
     */
    public static String of(Instant stamped, byte[] bytes) {
        if (stamped == null) {
            return of(bytes);
        }
        long millis;
        try {
            millis = stamped.toEpochMilli();
        } catch (ArithmeticException outOfRange) {
            return of(bytes);
        }
        if (millis < 0 || millis > LATEST_MILLIS) {
            return of(bytes);
        }
        StringBuilder key = new StringBuilder(TIME_DIGITS + 1 + 64);
        String time = Long.toHexString(millis);
        key.append("0".repeat(TIME_DIGITS - time.length())).append(time).append(':');
        return HEX.formatHex(key, sha256(bytes)).toString();
    }

    /** Whether {@code key} is a dated key ({@code <time>:<digest>}). */
    public static boolean isDated(String key) {
        if (key.length() <= TIME_DIGITS || key.charAt(TIME_DIGITS) != ':') {
            return false;
        }
        for (int i = 0; i < TIME_DIGITS; i++) {
            if (Character.digit(key.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The digest part of a dated key (the key it would have had undated); an undated key itself. */
    public static String digestOf(String key) {
        return isDated(key) ? key.substring(TIME_DIGITS + 1) : key;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
