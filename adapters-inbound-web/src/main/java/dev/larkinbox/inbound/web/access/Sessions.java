package dev.larkinbox.inbound.web.access;

import dev.larkinbox.domain.person.People;
import dev.larkinbox.domain.person.Person;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions of the web inbox. The cookie holds only a random secret; a session ends after
 * {@code inbox.web.session-idle-timeout} unused or {@code inbox.web.session-lifetime} after sign-in, whichever
 * comes first. When a session is used after a minute or more, it is renewed: the person is read again (a changed
 * role counts at once) and {@link Admission} asked whether they may still come in.
 */
@Singleton
public class Sessions {
    /** How often a session in use is renewed: not a write per request. */
    static final Duration RENEWAL = Duration.ofMinutes(1);
    private static final int SECRET_BYTES = 32;
    private static final int MAX_BROWSER_LENGTH = 300;

    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final People people;
    private final Admission admission;
    private final Duration idleTimeout;
    private final Duration lifetime;
    private final Clock clock = Clock.systemUTC();

    Sessions(People people, Admission admission, WebConfig config) {
        this.people = people;
        this.admission = admission;
        this.idleTimeout = config.sessionIdleTimeout();
        this.lifetime = config.sessionLifetime();
    }

    /**
     * Starts a session for a person who has proved who they are; the caller sets its cookie
     * ({@link SignedIn#cookie}).
     */
    public Session signIn(Person person, HttpRequest<?> request) {
        Instant now = clock.instant();
        var session = new Session(secret(), secret(), person, now, now, browser(request));
        byId.put(session.id(), session);
        return session;
    }

    /** The session the request's cookie names, if it is one. */
    public Optional<Session> find(HttpRequest<?> request) {
        return SignedIn.secret(request).flatMap(this::find);
    }

    private Optional<Session> find(String id) {
        Session session = byId.get(id);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!now.isBefore(session.startedAt().plus(lifetime)) || !now.isBefore(session.lastSeenAt().plus(idleTimeout))) {
            byId.remove(id, session);
            return Optional.empty();
        }
        if (now.isBefore(session.lastSeenAt().plus(RENEWAL))) {
            return Optional.of(session);
        }
        Optional<Person> person = people.find(session.person().openId()).filter(admission::stillAdmitted);
        if (person.isEmpty()) {
            byId.remove(id, session);
            return Optional.empty();
        }
        var renewed = new Session(session.id(), session.csrfToken(), person.get(), session.startedAt(), now,
                session.browser());
        byId.replace(id, session, renewed);
        return Optional.of(renewed);
    }

    public void signOut(Session session) {
        byId.remove(session.id());
    }

    /** Constant-time, so the time an answer takes tells nothing about how much of a guess was right. */
    public static boolean postedBy(Session session, @Nullable String csrfToken) {
        return csrfToken != null && MessageDigest.isEqual(session.csrfToken().getBytes(StandardCharsets.UTF_8),
                csrfToken.getBytes(StandardCharsets.UTF_8));
    }

    private static @Nullable String browser(HttpRequest<?> request) {
        String agent = request.getHeaders().get(HttpHeaders.USER_AGENT);
        if (agent == null || agent.isBlank()) {
            return null;
        }
        String line = agent.strip().replaceAll("\\p{Cntrl}", " ");
        return line.length() <= MAX_BROWSER_LENGTH ? line : line.substring(0, MAX_BROWSER_LENGTH);
    }

    private String secret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
