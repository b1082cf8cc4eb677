package dev.larkinbox.domain.person;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Wrong tokens (at the token sign-in form, on the API) are slowed and then refused, per address and overall, so that
 * tokens cannot be guessed. A few wrong ones are free; each further one makes the address wait, twice as long as the
 * last time, before a token from it is even looked at; a quarter of an hour without a wrong token forgets them. The
 * same holds for every address together, more loosely, against guesses spread over many addresses. Signing in with
 * Lark and sessions never ask: a guesser cannot lock people out of the web inbox. Counted in {@link GuessCounts},
 * which every instance shares.
 */
public final class TokenGuesses {
    static final int FREE_PER_ADDRESS = 5;
    static final int FREE_OVERALL = 100;
    static final Duration FORGOTTEN_AFTER = Duration.ofMinutes(15);
    /** At most {@link #FORGOTTEN_AFTER}: a count forgotten has nobody waiting on it. */
    static final Duration MAX_WAIT_PER_ADDRESS = Duration.ofMinutes(15);
    static final Duration MAX_WAIT_OVERALL = Duration.ofSeconds(30);
    /** The key of every address together: no address's key reads so. */
    static final String OVERALL = "*";

    private final GuessCounts counts;
    private final Clock clock;

    public TokenGuesses(GuessCounts counts, Clock clock) {
        this.counts = Objects.requireNonNull(counts, "counts");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * How long, in whole seconds, a caller from this address must wait before a token from it is looked at; empty
     * when it may try now.
     * Asked before the token is checked: a right guess made while waiting would count too.
     */
    public Optional<Duration> waitFor(String address) {
        Instant now = clock.instant();
        Instant until = counts.find(List.of(key(address), OVERALL)).values().stream().map(GuessCount::waitUntil)
                .max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
        if (!now.isBefore(until)) {
            return Optional.empty();
        }
        long millis = Duration.between(now, until).toMillis();
        return Optional.of(Duration.ofSeconds((millis + 999) / 1000)); // whole seconds, as Retry-After says them
    }

    /** A wrong token came from this address. */
    public void wrong(String address) {
        Instant now = clock.instant();
        counts.forgetBefore(now.minus(FORGOTTEN_AFTER));
        counts.count(key(address), c -> after(c, now, FREE_PER_ADDRESS, MAX_WAIT_PER_ADDRESS));
        counts.count(OVERALL, c -> after(c, now, FREE_OVERALL, MAX_WAIT_OVERALL));
    }

    /** An address is counted by its hash, not kept in clear. */
    private static String key(String address) {
        return SecretHash.of(address);
    }

    private static GuessCount after(GuessCount count, Instant now, int free, Duration maxWait) {
        int n = now.isBefore(count.last().plus(FORGOTTEN_AFTER)) ? count.wrong() + 1 : 1;
        Instant until = n <= free ? now : now.plus(waitAfter(n - free, maxWait));
        return new GuessCount(n, now, until);
    }

    /** 1 s for the first wrong token past the free ones, doubling, at most {@code max}. */
    private static Duration waitAfter(int past, Duration max) {
        Duration doubled = Duration.ofSeconds(1L << Math.min(past - 1, 30));
        return doubled.compareTo(max) > 0 ? max : doubled;
    }
}
