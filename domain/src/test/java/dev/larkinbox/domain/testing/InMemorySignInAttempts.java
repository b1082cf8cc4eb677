package dev.larkinbox.domain.testing;

import dev.larkinbox.domain.admission.SignInAttempt;
import dev.larkinbox.domain.admission.SignInAttempts;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Sign-ins under way, in memory, for tests of the web pages and of the domain. */
public final class InMemorySignInAttempts implements SignInAttempts {
    private final Map<String, SignInAttempt> byState = new ConcurrentHashMap<>();

    @Override
    public void keep(SignInAttempt attempt) {
        if (byState.putIfAbsent(attempt.state(), attempt) != null) {
            throw new IllegalStateException("a state is used once");
        }
    }

    @Override
    public Optional<SignInAttempt> take(String state, Instant now) {
        return Optional.ofNullable(byState.remove(state)).filter(a -> a.expiresAt().isAfter(now));
    }

    @Override
    public int forgetExpired(Instant now) {
        int before = byState.size();
        byState.values().removeIf(a -> !a.expiresAt().isAfter(now));
        return before - byState.size();
    }
}
