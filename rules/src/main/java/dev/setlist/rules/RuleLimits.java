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
 * @param maxAllocatedBytes bytes one evaluation may allocate, checked before every firing where the JVM counts
 *                   allocation per thread (default 256 MiB: the shipped packs allocate a few MiB for 300 candidates;
 *                   a rule that grows memory firing after firing is stopped long before the heap runs out)
 */
public record RuleLimits(int maxFirings, Duration timeLimit, long maxAllocatedBytes) {

    public static final RuleLimits DEFAULTS = new RuleLimits(10_000, Duration.ofSeconds(1), 256L << 20);

    /** Limits with the default allocation limit. */
    public RuleLimits(int maxFirings, Duration timeLimit) {
        this(maxFirings, timeLimit, DEFAULTS.maxAllocatedBytes());
    }

    public RuleLimits {
        if (maxAllocatedBytes < 1) {
            throw new IllegalArgumentException("maxAllocatedBytes must be positive: " + maxAllocatedBytes);
        }
        if (maxFirings < 1) {
            throw new IllegalArgumentException("maxFirings must be positive: " + maxFirings);
        }
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("timeLimit must be positive: " + timeLimit);
        }
    }
}
