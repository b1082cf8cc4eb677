package dev.larkinbox.domain.inbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The days a summary covers: the last {@code days} UTC days up to and including the day of {@code now}; open
 * feedback is aged at {@code now}.
 */
public record SummaryWindow(Instant now, int days) {
    public static final int MAX_DAYS = 92;

    public SummaryWindow {
        Objects.requireNonNull(now, "now");
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("a summary covers 1 to " + MAX_DAYS + " days");
        }
    }

    public LocalDate firstDay() {
        return lastDay().minusDays(days - 1L);
    }

    public LocalDate lastDay() {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    /** The start of the first day: feedback received from then on is counted by day. */
    public Instant since() {
        return firstDay().atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
