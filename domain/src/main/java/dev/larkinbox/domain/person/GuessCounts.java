package dev.larkinbox.domain.person;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Port: wrong tokens counted where every instance sees them, so that two instances do not double what a guesser may
 * try.
 */
public interface GuessCounts {

    /** The counts kept under these keys, by key; a key without one is absent. */
    Map<String, GuessCount> find(Collection<String> keys);

    /**
     * Replaces the count under the key by {@code next} of it ({@link GuessCount#NONE} when there is none), atomically:
     * wrong tokens counted at once on two instances are two.
     */
    void count(String key, UnaryOperator<GuessCount> next);

    /** Forgets the counts whose last wrong token came before this; how many. */
    int forgetBefore(Instant before);
}
