package dev.larkinbox.inbound.web.access;

import dev.larkinbox.inbound.web.language.Reader;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.web.router.RouteAttributes;
import java.net.URI;
import java.util.Optional;

/**
 * Every page but the sign-in page needs a session ({@link NeedsSession}): without one the browser is sent to sign in.
 * A POST must also carry the session's CSRF token; the controllers check it, since only they read the form.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@NeedsSession
public class SignedIn {
    public static final String COOKIE = "inbox_session";
    private static final String ATTRIBUTE = SignedIn.class.getName();

    private final Sessions sessions;

    SignedIn(Sessions sessions) {
        this.sessions = sessions;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> requireSession(HttpRequest<?> request) {
        if (RouteAttributes.getRouteMatch(request).isEmpty()) {
            return null; // Micronaut runs a matcher's filter for what no route answers too: a 404 or a static file
        }
        Optional<Session> session = sessions.find(request);
        if (session.isPresent()) {
            request.setAttribute(ATTRIBUTE, session.get());
            return null;
        }
        return HttpResponse.seeOther(URI.create("/sign-in"));
    }

    /** The session the filter found for this request. */
    public static Session of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, Session.class)
                .orElseThrow(() -> new IllegalStateException("no session on a page that needs one"));
    }

    /**
     * HttpOnly: no script reads it. SameSite=Strict: no other site's page sends it. Without Max-Age it ends with
     * the browser; the server ends it anyway after {@code inbox.web.session-lifetime}.
     */
    public static Cookie cookie(Session session) {
        return Cookie.of(COOKIE, session.id()).httpOnly(true).sameSite(SameSite.Strict).path("/");
    }

    public static Cookie expired() {
        return Cookie.of(COOKIE, "").httpOnly(true).sameSite(SameSite.Strict).path("/").maxAge(0);
    }

    /** 403 for a form posted without this session's CSRF token. */
    public static HttpResponse<String> forgedForm(HttpRequest<?> request) {
        return HttpResponse.<String>status(HttpStatus.FORBIDDEN)
                .body(Reader.of(request).text("error.forged-form"));
    }
}
