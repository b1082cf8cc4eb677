package dev.larkinbox.domain.testing;

import dev.larkinbox.domain.admission.SignInAttempts;

class InMemorySignInAttemptsTest extends SignInAttemptsContract {
    @Override
    protected SignInAttempts emptyAttempts() {
        return new InMemorySignInAttempts();
    }
}
