package dev.larkinbox.inbound.web.access;

import dev.larkinbox.domain.person.Role;
import dev.larkinbox.inbound.web.language.Reader;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.MediaType;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.web.router.RouteAttributes;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Optional;

/**
 * Every page but the sign-in page needs a session ({@link NeedsSession}): without one the browser is sent to sign in.
 * A POST must also carry the session's CSRF token; the controllers check it ({@link #posted}), since only they read
 * the form.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@NeedsSession
public class SignedIn {
    public static final String COOKIE = "inbox_session";
    /** The cookie's name over https. */
    public static final String SECURE_COOKIE = "__Host-inbox_session";
    private static final String FORWARDED_PROTO = "X-Forwarded-Proto";
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
        if (session.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/sign-in"));
        }
        request.setAttribute(ATTRIBUTE, session.get());
        return refusal(request, session.get().person().role());
    }

    /**
     * What the person's role does not allow: an admin's page or form to anyone else; any form but their own
     * account's to a viewer, who reads only. The pages show no control a role cannot use; this refuses the post
     * made without them.
     */
    private static @Nullable HttpResponse<?> refusal(HttpRequest<?> request, Role role) {
        AnnotationMetadata route = RouteAttributes.getRouteMatch(request).orElseThrow().getRouteInfo()
                .getAnnotationMetadata();
        if (route.hasAnnotation(AdminOnly.class) && !role.mayAdminister()) {
            return forbidden(request, "people.refused.admin-only", Reader.of(request).text("people.role." + role.label()));
        }
        boolean reads = request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD;
        if (!reads && !role.mayWork() && !route.hasAnnotation(OwnAccount.class)) {
            return forbidden(request, "people.refused.viewer");
        }
        return null;
    }

    private static HttpResponse<String> forbidden(HttpRequest<?> request, String why, Object... args) {
        return HttpResponse.<String>status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN_TYPE)
                .body(Reader.of(request).text(why, args));
    }

    /** The session the filter found for this request. */
    public static Session of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, Session.class)
                .orElseThrow(() -> new IllegalStateException("no session on a page that needs one"));
    }

    /**
     * HttpOnly: no script reads it. SameSite=Strict: no other site's page sends it. Over https (the request's own, or
     * the proxy's {@code X-Forwarded-Proto}) also Secure and named {@value #SECURE_COOKIE}: only https sends it, and
     * no sibling host or http page can set one by that name. Without Max-Age it ends with the browser; the server
     * ends it anyway when the session is over.
     */
    public static Cookie cookie(Session session, HttpRequest<?> request) {
        return overHttps(request) ? Cookie.of(SECURE_COOKIE, session.secret()).secure(true).httpOnly(true)
                .sameSite(SameSite.Strict).path("/")
                : Cookie.of(COOKIE, session.secret()).httpOnly(true).sameSite(SameSite.Strict).path("/");
    }

    /** What ends the cookie in the browser, as {@link #cookie} set it for this request. */
    public static Cookie expired(HttpRequest<?> request) {
        return overHttps(request) ? Cookie.of(SECURE_COOKIE, "").secure(true).httpOnly(true)
                .sameSite(SameSite.Strict).path("/").maxAge(0)
                : Cookie.of(COOKIE, "").httpOnly(true).sameSite(SameSite.Strict).path("/").maxAge(0);
    }

    /** The session's secret the request's cookie carries, under either name. */
    static Optional<String> secret(HttpRequest<?> request) {
        return request.getCookies().findCookie(SECURE_COOKIE).or(() -> request.getCookies().findCookie(COOKIE))
                .map(Cookie::getValue).filter(value -> !value.isEmpty());
    }

    /**
     * A proxy that ends TLS says so in {@code X-Forwarded-Proto}; a client that sends it over plain http only gets
     * a cookie its browser will not send back over http.
     */
    static boolean overHttps(HttpRequest<?> request) {
        return request.isSecure() || "https".equalsIgnoreCase(request.getHeaders().get(FORWARDED_PROTO));
    }

    /**
     * The session of the person who posted this form, when it carries the session's CSRF token; a form without it
     * is refused with 403 ({@link ForgedForms}).
     */
    public static Session posted(HttpRequest<?> request, @Nullable String csrf) {
        return checked(of(request), request, csrf);
    }

    /** As {@link #posted}, for a form a request may post with or without a session. */
    public static Session checked(Session session, HttpRequest<?> request, @Nullable String csrf) {
        if (!Sessions.postedBy(session, csrf)) {
            throw new ForgedFormException();
        }
        return session;
    }

    /** A form posted without the session's CSRF token. */
    static final class ForgedFormException extends RuntimeException {
        ForgedFormException() {
            super("a form posted without the session's CSRF token", null, false, false);
        }
    }

    /** 403 for a forged form, in the reader's language. */
    @Singleton
    @Produces
    static final class ForgedForms implements ExceptionHandler<ForgedFormException, HttpResponse<String>> {
        @Override
        public HttpResponse<String> handle(HttpRequest request, ForgedFormException exception) {
            return forbidden(request, "error.forged-form");
        }
    }
}
