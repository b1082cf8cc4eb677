package dev.larkinbox.domain.person;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wrong tokens (at the token sign-in form, on the API) are slowed and then refused, per address and overall, so that
 * tokens cannot be guessed. A few wrong ones are free; each further one makes the address wait, twice as long as the
 * last time, before a token from it is even looked at; a quarter of an hour without a wrong token forgets them. The
 * same holds for every address together, more loosely, against guesses spread over many addresses. Signing in with
 * Lark and sessions never ask: a guesser cannot lock people out of the web inbox. Kept in each instance's memory.
 */
public final class TokenGuesses {
    static final int FREE_PER_ADDRESS = 5;
    static final int FREE_OVERALL = 100;
    static final Duration FORGOTTEN_AFTER = Duration.ofMinutes(15);
    static final Duration MAX_WAIT_PER_ADDRESS = Duration.ofMinutes(15);
    static final Duration MAX_WAIT_OVERALL = Duration.ofSeconds(30);
    /** More addresses than this, and the forgotten ones are dropped: memory stays bounded. */
    private static final int MAX_ADDRESSES = 10_000;

    private record Count(int wrong, Instant last, Instant waitUntil) {
        Count after(Instant now, int free, Duration maxWait) {
            int n = now.isBefore(last.plus(FORGOTTEN_AFTER)) ? wrong + 1 : 1;
            Instant until = n <= free ? now : now.plus(waitAfter(n - free, maxWait));
            return new Count(n, now, until);
        }
    }

    private static final Count NONE = new Count(0, Instant.EPOCH, Instant.EPOCH);

    private final Map<String, Count> byAddress = new ConcurrentHashMap<>();
    private volatile Count overall;
    private final Clock clock;

    public TokenGuesses(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.overall = NONE;
    }

    /**
     * How long, in whole seconds, a caller from this address must wait before a token from it is looked at; empty
     * when it may try now.
     * Asked before the token is checked: a right guess made while waiting would count too.
     */
    public Optional<Duration> waitFor(String address) {
        Instant now = clock.instant();
        Instant until = overall.waitUntil();
        Count count = byAddress.get(address);
        if (count != null && count.waitUntil().isAfter(until)) {
            until = count.waitUntil();
        }
        if (!now.isBefore(until)) {
            return Optional.empty();
        }
        long millis = Duration.between(now, until).toMillis();
        return Optional.of(Duration.ofSeconds((millis + 999) / 1000)); // whole seconds, as Retry-After says them
    }

    /** A wrong token came from this address. */
    public void wrong(String address) {
        Instant now = clock.instant();
        if (byAddress.size() >= MAX_ADDRESSES) {
            byAddress.values().removeIf(c -> !now.isBefore(c.last().plus(FORGOTTEN_AFTER)));
        }
        byAddress.compute(address, (a, c) -> (c == null ? NONE : c).after(now, FREE_PER_ADDRESS,
                MAX_WAIT_PER_ADDRESS));
        synchronized (this) {
            overall = overall.after(now, FREE_OVERALL, MAX_WAIT_OVERALL);
        }
    }

    /** 1 s for the first wrong token past the free ones, doubling, at most {@code max}. */
    private static Duration waitAfter(int past, Duration max) {
        Duration doubled = Duration.ofSeconds(1L << Math.min(past - 1, 30));
        return doubled.compareTo(max) > 0 ? max : doubled;
    }
}
