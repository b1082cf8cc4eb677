package dev.larkinbox.domain.sync;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential backoff: {@code first} after the first failure, twice as long after each further one, never more
 * than {@code max}.
 */
public record Backoff(Duration first, Duration max) {
    /** 2^30 times any sensible first delay is far beyond any sensible max: the cap applies long before. */
    private static final int MAX_DOUBLINGS = 30;

    public Backoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(max, "max");
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < first <= max");
        }
    }

    /** @param failures how many attempts failed so far, at least 1 */
    public Duration delayAfter(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1");
        }
        Duration delay = first.multipliedBy(1L << Math.min(failures - 1, MAX_DOUBLINGS));
        return delay.compareTo(max) > 0 || delay.isNegative() ? max : delay;
    }
}
