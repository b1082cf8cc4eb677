package dev.larkinbox.domain.card;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * When the daily digest goes to the chat: at {@code time} in {@code zone}, or up to {@link #WINDOW} later (an
 * instance down at that time, or a job that ran a little late, still posts it). The window is no longer than the
 * hour Lark posts a message uuid once, so two instances, or a restart, within it post one digest.
 */
public record DigestSchedule(LocalTime time, ZoneId zone) {
    public static final Duration WINDOW = Duration.ofMinutes(50);

    public DigestSchedule {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(zone, "zone");
    }

    /** The day whose digest is due at {@code now}; empty outside the window. */
    public Optional<LocalDate> dueDay(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        for (LocalDate day : new LocalDate[] {local.toLocalDate(), local.toLocalDate().minusDays(1)}) {
            Instant start = day.atTime(time).atZone(zone).toInstant();
            if (!now.isBefore(start) && now.isBefore(start.plus(WINDOW))) {
                return Optional.of(day);
            }
        }
        return Optional.empty();
    }
}
