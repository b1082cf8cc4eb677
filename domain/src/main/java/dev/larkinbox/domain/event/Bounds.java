package dev.larkinbox.domain.event;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * What a value of an event may be for the inbox to keep it as a column. Java takes far more than any store
 * (an instant 292 million years away, a year 0), and an id of a few thousand characters cannot be indexed: such
 * a value is refused here, never clamped, so that its event is kept raw as malformed instead.
 */
public final class Bounds {
    /**
     * Lark's ids are some 20 to 40 characters. 256 keeps an index entry of two ids (at most 3 UTF-8 bytes per
     * UTF-16 unit) well under the 2,700 bytes a btree entry may hold.
     */
    public static final int MAX_ID_LENGTH = 256;

    /** The calendar of Lark's {@code yyyy-MM-dd} and of every database: years 1 to 9999. */
    public static final LocalDateTime FIRST_TIME = LocalDateTime.of(1, 1, 1, 0, 0);
    public static final LocalDateTime LAST_TIME = LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999);

    private Bounds() {
    }

    /** @return the id (null stays null) when at most {@value #MAX_ID_LENGTH} characters long */
    public static String requireId(String value, String name) {
        if (value != null && value.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException(name + " is longer than " + MAX_ID_LENGTH + " characters");
        }
        return value;
    }

    /** @return the time (null stays null) when it falls in years 1 to 9999 */
    public static LocalDateTime requireCalendar(LocalDateTime value, String name) {
        if (value != null && (value.isBefore(FIRST_TIME) || value.isAfter(LAST_TIME))) {
            throw new IllegalArgumentException(name + " is outside the years 1 to 9999");
        }
        return value;
    }

    /** @return the instant (null stays null) when it falls in years 1 to 9999 (UTC) */
    public static Instant requireCalendar(Instant value, String name) {
        if (value != null && (value.isBefore(FIRST_TIME.toInstant(ZoneOffset.UTC))
                || value.isAfter(LAST_TIME.toInstant(ZoneOffset.UTC)))) {
            throw new IllegalArgumentException(name + " is outside the years 1 to 9999");
        }
        return value;
    }
}
