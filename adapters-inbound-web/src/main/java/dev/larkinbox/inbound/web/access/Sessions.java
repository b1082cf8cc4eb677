package dev.larkinbox.inbound.web.access;

import dev.larkinbox.domain.person.Person;
import dev.larkinbox.domain.person.SecretHash;
import dev.larkinbox.domain.person.SessionStore;
import dev.larkinbox.domain.person.StoredSession;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The sessions of the web inbox, kept in the {@link SessionStore} (PostgreSQL): every instance finds them, a
 * restart keeps them, signing out ends one everywhere. The cookie holds a random secret, the store only its hash.
 * A session ends after {@code inbox.web.session-idle-timeout} unused or {@code inbox.web.session-lifetime} after
 * sign-in, whichever comes first; an expired one is deleted when met, and all of them every hour. A session used a
 * minute or more after it was last seen is renewed: its last-seen time written (not a write per request) and
 * {@link Admission} asked whether the person may still come in. The person is read with the session each time, so a
 * changed role counts at once.
 */
@Singleton
public class Sessions {
    /** How often a session in use is renewed. */
    static final Duration RENEWAL = Duration.ofMinutes(1);
    private static final int MAX_BROWSER_LENGTH = 300;

    private final SessionStore store;
    private final Admission admission;
    private final Duration idleTimeout;
    private final Duration lifetime;
    private final Clock clock;

    Sessions(SessionStore store, Admission admission, WebConfig config, Optional<Clock> clock) {
        this.store = store;
        this.admission = admission;
        this.idleTimeout = config.sessionIdleTimeout();
        this.lifetime = config.sessionLifetime();
        this.clock = clock.orElseGet(Clock::systemUTC);
    }

    /**
     * Starts a session for a person who has proved who they are; the caller sets its cookie
     * ({@link SignedIn#cookie}).
     *
     * @param person someone {@link dev.larkinbox.domain.person.People} knows: save them first
     */
    public Session signIn(Person person, HttpRequest<?> request) {
        Instant now = clock.instant();
        String secret = SecretHash.newSecret();
        String browser = browser(request);
        long id = store.start(SecretHash.of(secret), person.openId(), now, browser);
        return new Session(id, secret, csrfToken(secret), person, now, now, browser);
    }

    /** The session the request's cookie names, if it is one and still going. */
    public Optional<Session> find(HttpRequest<?> request) {
        return SignedIn.secret(request).flatMap(this::find);
    }

    private Optional<Session> find(String secret) {
        Optional<StoredSession> stored = store.find(SecretHash.of(secret));
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        StoredSession s = stored.get();
        Instant now = clock.instant();
        if (!now.isBefore(s.startedAt().plus(lifetime)) || !now.isBefore(s.lastSeenAt().plus(idleTimeout))) {
            store.end(s.id());
            return Optional.empty();
        }
        Instant lastSeen = s.lastSeenAt();
        if (!now.isBefore(lastSeen.plus(RENEWAL))) {
            if (!admission.stillAdmitted(s.person())) {
                store.end(s.id());
                return Optional.empty();
            }
            store.seen(s.id(), now);
            lastSeen = now;
        }
        return Optional.of(new Session(s.id(), secret, csrfToken(secret), s.person(), s.startedAt(), lastSeen,
                s.browser()));
    }

    /** Ends the session on every instance. */
    public void signOut(Session session) {
        store.end(session.id());
    }

    /** The person's sessions that are still going, the latest used first. */
    public List<StoredSession> of(Person person) {
        Instant now = clock.instant();
        return store.of(person.openId()).stream().filter(s -> now.isBefore(s.startedAt().plus(lifetime))
                && now.isBefore(s.lastSeenAt().plus(idleTimeout))).toList();
    }

    /** Ends one of the person's own sessions; false when it is not theirs (or over already). */
    public boolean end(Person person, long id) {
        return store.end(id, person.openId());
    }

    /** Deletes the sessions that are over, which nobody will meet again to delete. */
    @Scheduled(fixedDelay = "1h", initialDelay = "1m")
    void endExpired() {
        Instant now = clock.instant();
        store.endExpired(now.minus(idleTimeout), now.minus(lifetime));
    }

    /** Constant-time, so the time an answer takes tells nothing about how much of a guess was right. */
    public static boolean postedBy(Session session, @Nullable String csrfToken) {
        return csrfToken != null && MessageDigest.isEqual(session.csrfToken().getBytes(StandardCharsets.UTF_8),
                csrfToken.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Derived from the secret, so that no instance needs to store it and the store's hash does not give it away.
     */
    private static String csrfToken(String secret) {
        return SecretHash.of("csrf:" + secret);
    }

    private static @Nullable String browser(HttpRequest<?> request) {
        String agent = request.getHeaders().get(HttpHeaders.USER_AGENT);
        if (agent == null || agent.isBlank()) {
            return null;
        }
        String line = agent.strip().replaceAll("\\p{Cntrl}", " ");
        return line.length() <= MAX_BROWSER_LENGTH ? line : line.substring(0, MAX_BROWSER_LENGTH);
    }
}
