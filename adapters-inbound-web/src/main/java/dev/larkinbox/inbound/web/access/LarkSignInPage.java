package dev.larkinbox.inbound.web.access;

import dev.larkinbox.domain.admission.FinishSignInCommand;
import dev.larkinbox.domain.admission.Refusal;
import dev.larkinbox.domain.admission.SignInOutcome;
import dev.larkinbox.domain.admission.SignInStart;
import dev.larkinbox.domain.admission.SignInWithLark;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.views.ModelAndView;
import java.time.Duration;
import java.util.Map;

/**
 * Signing in with Lark: {@code /sign-in/lark} sends the browser to Lark's page with a new state, and Lark sends it
 * back to {@code /sign-in/lark/callback}. The state is bound to the browser by a cookie of its own, {@code SameSite=
 * Lax} since the return from Lark is a navigation from another site, which a Strict cookie would miss. For the same
 * reason the session's Strict cookie, set on that return, would not go with a redirect chained to it: the person
 * lands on a page of the inbox's own that moves on same-site (a meta refresh, and a link), and from there on the
 * session cookie goes with every request.
 */
@Controller
@Produces(MediaType.TEXT_HTML)
@Requires(beans = SignInWithLark.class)
public class LarkSignInPage {
    static final String COOKIE = "inbox_lark_sign_in";
    static final String PATH = "/sign-in/lark";
    /** As long as the attempt lives: the person has minutes at Lark's page. */
    private static final Duration COOKIE_LIFETIME = Duration.ofMinutes(10);
    private static final int MAX_RETURN_LENGTH = 512;

    private final SignInWithLark lark;
    private final Sessions sessions;

    LarkSignInPage(SignInWithLark lark, Sessions sessions) {
        this.lark = lark;
        this.sessions = sessions;
    }

    /** @param next where the person was going, a path of this inbox; anything else is the inbox's first page */
    @Get(PATH)
    public HttpResponse<?> begin(HttpRequest<?> request, @Nullable @QueryValue String next) {
        SignInStart start = lark.begin(localPath(next));
        return HttpResponse.seeOther(start.authorizePage()).cookie(browserCookie(request, start.browserSecret())
                .maxAge(COOKIE_LIFETIME));
    }

    @Get(PATH + "/callback")
    public HttpResponse<?> callback(HttpRequest<?> request, @Nullable @QueryValue String code,
                                    @Nullable @QueryValue String state, @Nullable @QueryValue String error) {
        String browser = request.getCookies().findCookie(COOKIE).map(Cookie::getValue).orElse(null);
        SignInOutcome outcome = lark.finish(new FinishSignInCommand(state, browser, code, error));
        Cookie used = browserCookie(request, "").maxAge(0);
        if (outcome.refusal() != null) {
            return HttpResponse.status(status(outcome.refusal())).cookie(used)
                    .body(new ModelAndView<>("lark-refused", Map.of("reason", key(outcome.refusal()))));
        }
        Session session = sessions.signIn(outcome.person(), request);
        return HttpResponse.ok(new ModelAndView<>("lark-signed-in", Map.of("returnTo", outcome.returnTo(),
                        "name", outcome.person().name())))
                .cookie(SignedIn.cookie(session, request)).cookie(used);
    }

    /** Only for the callback's path; HttpOnly; Secure where the inbox is reached over https. */
    private static Cookie browserCookie(HttpRequest<?> request, String value) {
        return Cookie.of(COOKIE, value).httpOnly(true).sameSite(SameSite.Lax).path(PATH)
                .secure(SignedIn.overHttps(request));
    }

    /** A path of this inbox, never another site's ({@code //host}, {@code /\host}) nor the sign-in's own. */
    static String localPath(@Nullable String next) {
        if (next == null || next.length() > MAX_RETURN_LENGTH || !next.startsWith("/") || next.startsWith("//")
                || next.startsWith("/\\") || next.startsWith("/sign-in")
                || next.chars().anyMatch(c -> c <= ' ' || c == '\\' || c > '~')) {
            return "/";
        }
        return next;
    }

    /** Refusals of what the person did (or of who they are): 403; of what came back: 400. */
    private static HttpStatus status(Refusal refusal) {
        return switch (refusal) {
            case CANCELLED, OUTSIDE_AVAILABILITY, NOT_LET_IN -> HttpStatus.FORBIDDEN;
            case BAD_STATE, LARK_REFUSED -> HttpStatus.BAD_REQUEST;
            case LARK_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    /** The message that says why, in the person's language. */
    static String key(Refusal refusal) {
        return "lark.refused." + switch (refusal) {
            case CANCELLED -> "cancelled";
            case BAD_STATE -> "bad-state";
            case OUTSIDE_AVAILABILITY -> "outside-availability";
            case NOT_LET_IN -> "not-let-in";
            case LARK_REFUSED -> "lark-refused";
            case LARK_UNAVAILABLE -> "lark-unavailable";
        };
    }
}
