package dev.larkinbox.domain.person;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.testing.InMemoryGuessCounts;
import dev.larkinbox.domain.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenGuessesTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-12-01T09:00:00Z"));
    private final InMemoryGuessCounts counts = new InMemoryGuessCounts();
    private final TokenGuesses guesses = new TokenGuesses(counts, clock);

    @Test
    void aFewWrongTokensAreFreeThenEachMakesTheAddressWaitTwiceAsLong() {
        for (int i = 0; i < TokenGuesses.FREE_PER_ADDRESS; i++) {
            assertEquals(Optional.empty(), guesses.waitFor("10.0.0.1"));
            guesses.wrong("10.0.0.1");
        }
        assertEquals(Optional.empty(), guesses.waitFor("10.0.0.1"));

        guesses.wrong("10.0.0.1");
        assertEquals(Optional.of(Duration.ofSeconds(1)), guesses.waitFor("10.0.0.1"));
        clock.advance(Duration.ofSeconds(1));
        guesses.wrong("10.0.0.1");
        assertEquals(Optional.of(Duration.ofSeconds(2)), guesses.waitFor("10.0.0.1"));
        assertEquals(Optional.empty(), guesses.waitFor("10.0.0.2"), "another address tries at once");
    }

    @Test
    void aQuarterOfAnHourWithoutAWrongTokenForgetsThem() {
        for (int i = 0; i < 10; i++) {
            guesses.wrong("10.0.0.1");
        }
        assertTrue(guesses.waitFor("10.0.0.1").isPresent());

        clock.advance(TokenGuesses.MAX_WAIT_PER_ADDRESS.plus(TokenGuesses.FORGOTTEN_AFTER));
        guesses.wrong("10.0.0.1");

        assertEquals(Optional.empty(), guesses.waitFor("10.0.0.1"), "counted afresh: one wrong token is free");
    }

    @Test
    void guessesSpreadOverManyAddressesMakeEveryoneWaitAtMostHalfAMinute() {
        for (int i = 0; i < TokenGuesses.FREE_OVERALL; i++) {
            guesses.wrong("10.0." + (i / 250) + "." + (i % 250));
        }
        assertEquals(Optional.empty(), guesses.waitFor("192.168.1.1"));

        for (int i = 0; i < 30; i++) {
            guesses.wrong("10.1." + i + ".1");
        }

        assertEquals(Optional.of(TokenGuesses.MAX_WAIT_OVERALL), guesses.waitFor("192.168.1.1"));
    }

    @Test
    void twoInstancesCountingInOnePlaceCountTogether() {
        TokenGuesses other = new TokenGuesses(counts, clock);
        for (int i = 0; i < TokenGuesses.FREE_PER_ADDRESS; i++) {
            (i % 2 == 0 ? guesses : other).wrong("10.0.0.1");
        }
        assertEquals(Optional.empty(), other.waitFor("10.0.0.1"));

        guesses.wrong("10.0.0.1");

        assertEquals(Optional.of(Duration.ofSeconds(1)), other.waitFor("10.0.0.1"), "the other waits too");
    }
}
