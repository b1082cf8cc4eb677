package dev.larkinbox.inbound.web.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.person.Person;
import dev.larkinbox.domain.person.Role;
import dev.larkinbox.domain.person.SecretHash;
import dev.larkinbox.domain.testing.InMemoryPeople;
import dev.larkinbox.domain.testing.InMemorySessions;
import dev.larkinbox.domain.testing.TestClock;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How long a session lasts, when it is renewed, and what the store keeps of it. */
class SessionsTest {
    private static final Duration IDLE = Duration.ofHours(12);
    private static final Duration LIFETIME = Duration.ofDays(7);

    private final TestClock clock = new TestClock(Instant.parse("2026-12-01T09:00:00Z"));
    private final InMemoryPeople people = new InMemoryPeople();
    private final InMemorySessions store = new InMemorySessions(people);
    private final Set<String> leftTheChat = new HashSet<>();
    private final Sessions sessions = new Sessions(store, person -> !leftTheChat.contains(person.openId()),
            new WebConfig(IDLE, LIFETIME, false, Duration.ofSeconds(5)), Optional.of(clock));
    private final Person ana = people.save(new Person("ou_ana", "Ana", null, Role.MEMBER));

    @Test
    void aSessionUnusedForTheIdleTimeoutIsOverAndDeleted() {
        Session session = sessions.signIn(ana, HttpRequest.GET("/"));

        clock.advance(IDLE.minusSeconds(1));
        assertTrue(find(session).isPresent());
        clock.advance(IDLE.minusSeconds(1));
        assertTrue(find(session).isPresent(), "used a moment ago: its idle time starts again");
        clock.advance(IDLE);

        assertTrue(find(session).isEmpty());
        assertEquals(0, store.of("ou_ana").size(), "deleted when met");
    }

    @Test
    void aSessionInUseIsOverAtItsLifetimeAnyway() {
        Session session = sessions.signIn(ana, HttpRequest.GET("/"));
        for (int hours = 0; hours < 7 * 24 - 1; hours++) {
            clock.advance(Duration.ofHours(1));
            assertTrue(find(session).isPresent());
        }

        clock.advance(Duration.ofHours(1));

        assertTrue(find(session).isEmpty());
    }

    @Test
    void itIsRenewedAtMostOnceAMinuteAndThenWhoLeftIsSignedOut() {
        Session session = sessions.signIn(ana, HttpRequest.GET("/"));
        clock.advance(Duration.ofSeconds(30));
        find(session);
        assertEquals(session.startedAt(), store.of("ou_ana").get(0).lastSeenAt(), "no write within the minute");

        clock.advance(Duration.ofSeconds(30));
        find(session);
        assertEquals(clock.instant(), store.of("ou_ana").get(0).lastSeenAt());

        leftTheChat.add("ou_ana");
        clock.advance(Duration.ofSeconds(30));
        assertTrue(find(session).isPresent(), "not asked again within the minute");
        clock.advance(Duration.ofSeconds(30));
        assertTrue(find(session).isEmpty(), "asked at the renewal: no longer admitted");
    }

    @Test
    void theStoreKeepsTheSecretsHashAndTheFormTokenIsNeitherOfThem() {
        Session session = sessions.signIn(ana, HttpRequest.GET("/"));

        assertTrue(store.find(session.secret()).isEmpty());
        assertTrue(store.find(SecretHash.of(session.secret())).isPresent());
        assertTrue(!session.csrfToken().equals(session.secret())
                && !session.csrfToken().equals(SecretHash.of(session.secret())));
        assertEquals(session.csrfToken(), find(session).orElseThrow().csrfToken(), "the same on every request");
    }

    private Optional<Session> find(Session session) {
        return sessions.find(HttpRequest.GET("/").cookie(Cookie.of(SignedIn.COOKIE, session.secret())));
    }
}
