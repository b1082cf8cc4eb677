package dev.larkinbox.domain.inbox;

import dev.larkinbox.domain.validation.Text;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The days a summary covers: the last {@code days} UTC days up to and including the day of {@code now}; open
 * feedback is aged at {@code now}. Counts are kept per day: feedback received later on the day of {@code now} is
 * counted too, feedback of later days is not.
 *
 * @param appId the app whose feedback is counted; null for every app's
 */
public record SummaryWindow(Instant now, int days, String appId) {
    public static final int MAX_DAYS = 92;

    public SummaryWindow {
        Objects.requireNonNull(now, "now");
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("a summary covers 1 to " + MAX_DAYS + " days");
        }
        if (appId != null) {
            Text.requireNonBlank(appId, "appId");
        }
    }

    /** Every app's feedback. */
    public SummaryWindow(Instant now, int days) {
        this(now, days, null);
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
