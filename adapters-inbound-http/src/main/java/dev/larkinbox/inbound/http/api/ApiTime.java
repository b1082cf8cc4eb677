package dev.larkinbox.inbound.http.api;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Times as the API writes them, as text so that they do not depend on the JSON mapper's date settings.
 */
public final class ApiTime {
    /** Lark's own form for feedback times: its local time, no zone. */
    private static final DateTimeFormatter LARK_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ApiTime() {
    }

    /** ISO-8601 in UTC, such as {@code 2024-05-01T08:00:00.123456Z}. */
    public static @Nullable String instant(@Nullable Instant time) {
        return time == null ? null : time.toString();
    }

    /** {@code yyyy-MM-dd HH:mm:ss}, as Lark sent it. */
    public static @Nullable String larkLocal(@Nullable LocalDateTime time) {
        return time == null ? null : LARK_LOCAL.format(time);
    }
}
