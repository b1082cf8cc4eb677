package dev.larkinbox.inbound.jobs;

import java.time.Duration;
import java.util.Objects;

/**
 * How often each job runs, and how long grouping may yield to a burst. The service makes it from its configuration
 * records, which hold the defaults and name the properties; a job's {@code @Scheduled} placeholder would keep a
 * second default and start with a value that is no duration as a job that never runs.
 *
 * @param grouping             stored feedback grouped into problems
 * @param statusSync           the status outbox drained into Lark
 * @param chatCards            the card outbox drained into the chat
 * @param recovery             missed feedback asked of Lark
 * @param recoveryInitialDelay the first recovery after the start; may be zero
 * @param digestCheck          whether the day's digest is due
 * @param images               feedback's images fetched and kept
 * @param groupingMaxLag       how long feedback may wait for grouping during a burst; zero: never yields
 */
public record JobIntervals(Duration grouping, Duration statusSync, Duration chatCards, Duration recovery,
                           Duration recoveryInitialDelay, Duration digestCheck, Duration images,
                           Duration groupingMaxLag) {

    public JobIntervals {
        for (Duration interval : new Duration[] {grouping, statusSync, chatCards, recovery, digestCheck, images}) {
            if (Objects.requireNonNull(interval, "interval").isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("a job's interval must be positive, not " + interval);
            }
        }
        if (Objects.requireNonNull(recoveryInitialDelay, "recoveryInitialDelay").isNegative()) {
            throw new IllegalArgumentException("the first recovery cannot be before the start: "
                    + recoveryInitialDelay);
        }
        if (Objects.requireNonNull(groupingMaxLag, "groupingMaxLag").isNegative()) {
            throw new IllegalArgumentException("grouping cannot lag a negative time: " + groupingMaxLag);
        }
    }
}
