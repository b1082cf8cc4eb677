package dev.larkinbox.outbound.db.signin;

import dev.larkinbox.domain.admission.SignInAttempt;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of {@code sign_in_attempt}. */
@MappedEntity("sign_in_attempt")
public record SignInAttemptRow(@Id String state, String browserHash, String codeVerifier, String returnTo,
                               Instant expiresAt) {

    SignInAttempt toDomain() {
        return new SignInAttempt(state, browserHash, codeVerifier, returnTo, expiresAt);
    }

    /** Secrets: out of logs. */
    @Override
    public String toString() {
        return "SignInAttemptRow[expiresAt=" + expiresAt + "]";
    }
}
