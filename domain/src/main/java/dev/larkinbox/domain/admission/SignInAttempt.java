package dev.larkinbox.domain.admission;

import dev.larkinbox.domain.validation.Text;
import java.time.Instant;
import java.util.Objects;

/**
 * A sign-in under way at Lark, kept until the browser comes back: once.
 *
 * @param state        what Lark sends back, naming the attempt
 * @param browserHash  the SHA-256 of the secret the browser that began it holds in a cookie: the state alone,
 *                     seen in a URL, signs nobody in
 * @param codeVerifier PKCE's secret, which never leaves the server but to Lark
 * @param returnTo     the inbox's path the person was going to
 */
public record SignInAttempt(String state, String browserHash, String codeVerifier, String returnTo,
                            Instant expiresAt) {
    public SignInAttempt {
        Text.requireNonBlank(state, "state");
        Text.requireNonBlank(browserHash, "browserHash");
        Text.requireNonBlank(codeVerifier, "codeVerifier");
        Text.requireNonBlank(returnTo, "returnTo");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Secrets: out of logs. */
    @Override
    public String toString() {
        return "SignInAttempt[expiresAt=" + expiresAt + "]";
    }
}
