package dev.larkinbox.domain.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.person.People;
import dev.larkinbox.domain.person.Person;
import dev.larkinbox.domain.person.PersonalToken;
import dev.larkinbox.domain.person.PersonalTokens;
import dev.larkinbox.domain.person.Role;
import dev.larkinbox.domain.person.SecretHash;
import dev.larkinbox.domain.person.SessionStore;
import dev.larkinbox.domain.person.StoredSession;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SessionStore} and {@link PersonalTokens} must do, over the {@link People} of the same store. A
 * subclass supplies empty ones for each test.
 */
public abstract class SessionsAndTokensContract {
    /** Whole seconds: PostgreSQL keeps microseconds. */
    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    private static final Person ANA = new Person("ou_ana", "Ana", null, Role.MEMBER);
    private static final Person BO = new Person("ou_bo", "Bo", null, Role.VIEWER);

    protected People people;
    protected SessionStore sessions;
    protected PersonalTokens tokens;

    /** Sets {@link #people}, {@link #sessions} and {@link #tokens}, all empty. */
    protected abstract void empty();

    @BeforeEach
    void startEmpty() {
        empty();
        people.save(ANA);
        people.save(BO);
    }

    @Test
    void aSessionIsFoundByItsSecretsHashWithItsPersonAsTheyAreNow() {
        String secret = SecretHash.newSecret();
        long id = sessions.start(SecretHash.of(secret), "ou_ana", T0, "Firefox");
        people.save(ANA.withRole(Role.VIEWER));

        StoredSession found = sessions.find(SecretHash.of(secret)).orElseThrow();

        assertEquals(new StoredSession(id, ANA.withRole(Role.VIEWER), T0, T0, "Firefox"), found);
        assertTrue(sessions.find(SecretHash.of(SecretHash.newSecret())).isEmpty());
        assertTrue(sessions.find(secret).isEmpty(), "the secret itself is no key");
    }

    @Test
    void beingSeenMovesLastSeenAndAPersonListsOnlyTheirOwnLatestFirst() {
        long first = sessions.start("h1", "ou_ana", T0, null);
        long second = sessions.start("h2", "ou_ana", T0.plusSeconds(10), "Chrome");
        sessions.start("h3", "ou_bo", T0, null);

        sessions.seen(first, T0.plusSeconds(60));

        assertEquals(List.of(first, second), sessions.of("ou_ana").stream().map(StoredSession::id).toList());
        assertEquals(T0.plusSeconds(60), sessions.of("ou_ana").get(0).lastSeenAt());
    }

    @Test
    void aPersonEndsTheirOwnSessionButNotAnothersAndAnEndedOneIsGone() {
        long anas = sessions.start("h1", "ou_ana", T0, null);

        assertFalse(sessions.end(anas, "ou_bo"));
        assertTrue(sessions.find("h1").isPresent());
        assertTrue(sessions.end(anas, "ou_ana"));
        assertTrue(sessions.find("h1").isEmpty());
    }

    @Test
    void expiredSessionsAreDeletedByIdlenessOrByAge() {
        sessions.start("idle", "ou_ana", T0.minus(Duration.ofHours(2)), null);
        long old = sessions.start("old", "ou_ana", T0.minus(Duration.ofDays(8)), null);
        sessions.seen(old, T0);
        sessions.start("fresh", "ou_bo", T0, null);

        assertEquals(2, sessions.endExpired(T0.minus(Duration.ofHours(1)), T0.minus(Duration.ofDays(7))));

        assertEquals(Optional.empty(), sessions.find("idle"));
        assertEquals(Optional.empty(), sessions.find("old"));
        assertEquals(1, sessions.endExpired(T0.plusSeconds(1), T0.minus(Duration.ofDays(7))), "fresh, now idle");
    }

    @Test
    void aTokenActsAsItsOwnerUntilItExpiresOrIsRevoked() {
        PersonalToken forever = tokens.create("t1", "ou_ana", "laptop", T0, null);
        tokens.create("t2", "ou_ana", "ci", T0.plusSeconds(1), T0.plusSeconds(3600));

        assertEquals(Optional.of(ANA), tokens.use("t1", T0.plusSeconds(5)));
        assertEquals(Optional.of(ANA), tokens.use("t2", T0.plusSeconds(3599)));
        assertTrue(tokens.use("t2", T0.plusSeconds(3600)).isEmpty(), "expired");
        assertTrue(tokens.use("t3", T0).isEmpty(), "no such token");

        assertFalse(tokens.revoke(forever.id(), "ou_bo"), "not Bo's");
        assertTrue(tokens.revoke(forever.id(), "ou_ana"));
        assertTrue(tokens.use("t1", T0.plusSeconds(6)).isEmpty(), "revoked");
        assertEquals(List.of("ci"), tokens.of("ou_ana").stream().map(PersonalToken::name).toList());
    }

    @Test
    void aTokensUseIsRecordedAtMostOnceAMinute() {
        tokens.create("t1", "ou_bo", "laptop", T0, null);
        assertNull(tokens.of("ou_bo").get(0).lastUsedAt());

        tokens.use("t1", T0.plusSeconds(10));
        tokens.use("t1", T0.plusSeconds(30));
        assertEquals(T0.plusSeconds(10), tokens.of("ou_bo").get(0).lastUsedAt());

        tokens.use("t1", T0.plusSeconds(70));
        assertEquals(T0.plusSeconds(70), tokens.of("ou_bo").get(0).lastUsedAt());
        assertEquals(Optional.of(BO), tokens.use("t1", T0.plusSeconds(80)), "with the owner's role: a viewer");
    }

    @Test
    void tokensAreListedNewestFirstWithTheirNamesAndExpiry() {
        tokens.create("t1", "ou_ana", "laptop", T0, null);
        tokens.create("t2", "ou_ana", "ci", T0.plusSeconds(60), T0.plusSeconds(3600));

        List<PersonalToken> listed = tokens.of("ou_ana");

        assertEquals(List.of("ci", "laptop"), listed.stream().map(PersonalToken::name).toList());
        assertEquals(T0.plusSeconds(3600), listed.get(0).expiresAt());
        assertEquals(List.of(), tokens.of("ou_bo"));
    }
}
