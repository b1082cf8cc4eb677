package dev.larkinbox.outbound.db.signin;

import static dev.larkinbox.outbound.db.postgres.PostgresText.storable;

import dev.larkinbox.domain.admission.SignInAttempt;
import dev.larkinbox.domain.admission.SignInAttempts;
import dev.larkinbox.outbound.db.postgres.StorageFailures;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;

/** Sign-ins under way in PostgreSQL. */
@Singleton
public class PostgresSignInAttempts implements SignInAttempts {
    private final SignInAttemptRepository attempts;

    public PostgresSignInAttempts(SignInAttemptRepository attempts) {
        this.attempts = attempts;
    }

    @Override
    public void keep(SignInAttempt attempt) {
        StorageFailures.writing(() -> {
            attempts.insert(attempt.state(), attempt.browserHash(), attempt.codeVerifier(),
                    storable(attempt.returnTo()), attempt.expiresAt());
            return null;
        });
    }

    @Override
    public Optional<SignInAttempt> take(String state, Instant now) {
        // an expired attempt is taken too: it is of no use any more
        return StorageFailures.writing(() -> attempts.take(storable(state))).stream().findFirst()
                .map(SignInAttemptRow::toDomain).filter(a -> a.expiresAt().isAfter(now));
    }

    @Override
    public int forgetExpired(Instant now) {
        return StorageFailures.writing(() -> attempts.deleteExpired(now));
    }
}
