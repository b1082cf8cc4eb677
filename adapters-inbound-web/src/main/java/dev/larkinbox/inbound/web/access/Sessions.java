package dev.larkinbox.inbound.web.access;

import dev.larkinbox.domain.workflow.Actor;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions of the web inbox, kept in memory: signing out ends a session at once, and a restart ends them all
 * (a person signs in again with the token). The cookie holds only a random id, never the token.
 */
@Singleton
public class Sessions {
    private static final int SECRET_BYTES = 32;

    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final TokenCheck tokens;
    private final Actor defaultActor;
    private final Duration lifetime;
    private final Clock clock = Clock.systemUTC();

    Sessions(TokenCheck tokens, WebConfig config) {
        this.tokens = tokens;
        this.defaultActor = tokens.defaultActor();
        this.lifetime = config.sessionLifetime();
    }

    /**
     * @param name who the person says they are, for the history; blank for {@code inbox.api-user}
     * @return empty when the token is not the API token
     * @throws IllegalArgumentException when the name is no usable name
     */
    public Optional<Session> signIn(@Nullable String token, @Nullable String name) {
        if (token == null || !tokens.accepts(token.strip())) {
            return Optional.empty();
        }
        Actor actor = name == null || name.isBlank() ? defaultActor : Actor.user(name.strip());
        var session = new Session(secret(), secret(), actor, clock.instant().plus(lifetime));
        byId.put(session.id(), session);
        return Optional.of(session);
    }

    /** The session the request's cookie names, if it is one. */
    public Optional<Session> find(HttpRequest<?> request) {
        return request.getCookies().findCookie(SignedIn.COOKIE).map(Cookie::getValue).flatMap(this::find);
    }

    public Optional<Session> find(@Nullable String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session session = byId.get(id);
        if (session != null && !clock.instant().isBefore(session.expiresAt())) {
            byId.remove(id, session);
            return Optional.empty();
        }
        return Optional.ofNullable(session);
    }

    public void signOut(Session session) {
        byId.remove(session.id());
    }

    /** Constant-time, so the time an answer takes tells nothing about how much of a guess was right. */
    public static boolean postedBy(Session session, @Nullable String csrfToken) {
        return csrfToken != null && MessageDigest.isEqual(session.csrfToken().getBytes(StandardCharsets.UTF_8),
                csrfToken.getBytes(StandardCharsets.UTF_8));
    }

    private String secret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
