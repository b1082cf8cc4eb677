package dev.larkinbox.domain.person;

import java.time.Instant;
import java.util.Objects;

/**
 * The wrong tokens counted under one key: an address, or every address together.
 *
 * @param wrong     how many since the count was last forgotten
 * @param last      when the last one came
 * @param waitUntil until when no token under this key is looked at
 */
public record GuessCount(int wrong, Instant last, Instant waitUntil) {
    /** No wrong token yet. */
    public static final GuessCount NONE = new GuessCount(0, Instant.EPOCH, Instant.EPOCH);

    public GuessCount {
        if (wrong < 0) {
            throw new IllegalArgumentException("wrong must not be negative");
        }
        Objects.requireNonNull(last, "last");
        Objects.requireNonNull(waitUntil, "waitUntil");
    }
}
