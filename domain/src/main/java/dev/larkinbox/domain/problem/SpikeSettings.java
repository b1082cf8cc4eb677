package dev.larkinbox.domain.problem;

import java.time.Duration;
import java.util.Objects;

/**
 * When a problem is spiking: at least {@code minimumReports} in {@code window}, and at least {@code rateFactor}
 * times as many as the problem had in an average window of the {@code baseline} before; a spike ends after
 * {@code quietPeriod} below that.
 */
public record SpikeSettings(int minimumReports, Duration window, double rateFactor, Duration baseline,
                            Duration quietPeriod) {

    public static final SpikeSettings DEFAULTS =
            new SpikeSettings(5, Duration.ofMinutes(10), 3.0, Duration.ofDays(7), Duration.ofHours(1));

    public SpikeSettings {
        if (minimumReports < 1) {
            throw new IllegalArgumentException("minimumReports must be at least 1");
        }
        requirePositive(window, "window");
        requirePositive(baseline, "baseline");
        requirePositive(quietPeriod, "quietPeriod");
        if (!(rateFactor >= 1) || Double.isInfinite(rateFactor)) {
            throw new IllegalArgumentException("rateFactor must be a number of at least 1");
        }
        if (baseline.compareTo(window) < 0) {
            throw new IllegalArgumentException("baseline must be at least as long as window");
        }
    }

    /** How far back an assessment needs the reports: a window, its baseline, and the quiet period after a spike. */
    public Duration history() {
        return window.plus(baseline).plus(quietPeriod);
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
