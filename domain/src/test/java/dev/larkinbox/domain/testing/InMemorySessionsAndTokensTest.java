package dev.larkinbox.domain.testing;

class InMemorySessionsAndTokensTest extends SessionsAndTokensContract {
    @Override
    protected void empty() {
        people = new InMemoryPeople();
        sessions = new InMemorySessions(people);
        tokens = new InMemoryPersonalTokens(people);
    }
}
