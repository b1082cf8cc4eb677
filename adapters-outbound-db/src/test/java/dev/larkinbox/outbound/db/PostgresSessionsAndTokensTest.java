package dev.larkinbox.outbound.db;

import static dev.larkinbox.outbound.db.PostgresTestDatabase.queryText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.larkinbox.domain.person.PersonalTokens;
import dev.larkinbox.domain.person.SecretHash;
import dev.larkinbox.domain.person.SessionStore;
import dev.larkinbox.domain.testing.SessionsAndTokensContract;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PostgresSessionsAndTokensTest extends SessionsAndTokensContract {
    @Override
    protected void empty() {
        people = PostgresTestDatabase.emptyPeople();
        sessions = PostgresTestDatabase.context().getBean(SessionStore.class);
        tokens = PostgresTestDatabase.context().getBean(PersonalTokens.class);
    }

    @Test
    void neitherTheCookiesSecretNorTheTokenIsStored() {
        String cookie = SecretHash.newSecret();
        String token = SecretHash.newSecret();
        sessions.start(SecretHash.of(cookie), "ou_ana", Instant.now(), null);
        tokens.create(SecretHash.of(token), "ou_ana", "laptop", Instant.now(), null);

        assertNull(queryText("SELECT 1 FROM web_session WHERE secret_hash = ?", cookie));
        assertNull(queryText("SELECT 1 FROM personal_token WHERE secret_hash = ?", token));
        assertEquals("1", queryText("SELECT count(*) FROM personal_token WHERE secret_hash = ?", SecretHash.of(token)));
    }
}
