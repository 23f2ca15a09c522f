package dev.setlist.rules;

import java.time.Duration;
import java.util.Objects;

/**
 * Run-time limits of one evaluation. A book that loops or stalls is stopped at the limit, the
 * evaluation reports the failure, and the candidates pass through with only the always-on filters.
 *
 * <p>Immutable; share freely.
 *
 * @param maxFirings rule firings allowed per evaluation (default 10,000: the shipped packs fire about
 *                   one to three times per candidate)
 * @param timeLimit  wall-clock time allowed per evaluation, checked before every firing (default 1 s: the
 *                   shipped packs take about a millisecond warm, but a cold JVM on a busy machine can take
 *                   hundreds of milliseconds for its first evaluations, and a limit that trips on those
 *                   would drop good rules)
 */
public record RuleLimits(int maxFirings, Duration timeLimit) {

    public static final RuleLimits DEFAULTS = new RuleLimits(10_000, Duration.ofSeconds(1));

    public RuleLimits {
        if (maxFirings < 1) {
            throw new IllegalArgumentException("maxFirings must be positive: " + maxFirings);
        }
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("timeLimit must be positive: " + timeLimit);
        }
    }
}
