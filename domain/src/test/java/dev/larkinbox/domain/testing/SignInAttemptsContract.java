package dev.larkinbox.domain.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.admission.SignInAttempt;
import dev.larkinbox.domain.admission.SignInAttempts;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What every store of sign-ins under way does: each is taken once, and not after it expired. */
public abstract class SignInAttemptsContract {
    private static final Instant NOW = Instant.parse("2026-12-06T06:00:00Z");

    protected abstract SignInAttempts emptyAttempts();

    @Test
    void anAttemptIsTakenOnceWithEverythingItKept() {
        SignInAttempts attempts = emptyAttempts();
        SignInAttempt kept = attempt("state-1", NOW.plusSeconds(600));
        attempts.keep(kept);

        assertEquals(kept, attempts.take("state-1", NOW).orElseThrow());
        assertTrue(attempts.take("state-1", NOW).isEmpty(), "the same state a second time signs nobody in");
    }

    @Test
    void anExpiredAttemptIsNotTakenAndIsForgotten() {
        SignInAttempts attempts = emptyAttempts();
        attempts.keep(attempt("old", NOW.minusSeconds(1)));
        attempts.keep(attempt("older", NOW.minusSeconds(60)));
        attempts.keep(attempt("fresh", NOW.plus(Duration.ofMinutes(10))));

        assertTrue(attempts.take("old", NOW).isEmpty());
        assertEquals(1, attempts.forgetExpired(NOW), "the one not taken yet");
        assertTrue(attempts.take("fresh", NOW).isPresent());
    }

    @Test
    void aStateNeverGivenTakesNothing() {
        assertTrue(emptyAttempts().take("forged", NOW).isEmpty());
    }

    private static SignInAttempt attempt(String state, Instant expiresAt) {
        return new SignInAttempt(state, "hash-of-" + state, "verifier-of-" + state, "/feedback/fb-1", expiresAt);
    }
}
