package dev.larkinbox.inbound.web.access;

import dev.larkinbox.inbound.web.Pages;
import dev.larkinbox.inbound.web.language.Reader;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Signing in with the API token, and out. */
@Controller
@Produces(MediaType.TEXT_HTML)
public class SignInPage {
    private final Sessions sessions;

    SignInPage(Sessions sessions) {
        this.sessions = sessions;
    }

    @Get("/sign-in")
    public ModelAndView<Map<String, Object>> form(HttpRequest<?> request) {
        return new ModelAndView<>("sign-in", Pages.shared(request));
    }

    @Post("/sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> signIn(HttpRequest<?> request, @Nullable String token, @Nullable String name) {
        Optional<Session> session;
        try {
            session = sessions.signIn(token, name);
        } catch (IllegalArgumentException e) {
            return refused(request, "sign-in.error.name");
        }
        return session.<HttpResponse<?>>map(s -> HttpResponse.seeOther(URI.create("/")).cookie(SignedIn.cookie(s)))
                .orElseGet(() -> refused(request, "sign-in.error.token"));
    }

    @Post("/sign-out")
    @NeedsSession
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> signOut(HttpRequest<?> request, @Nullable String csrf) {
        Session session = SignedIn.of(request);
        if (!Sessions.postedBy(session, csrf)) {
            return SignedIn.forgedForm(request);
        }
        sessions.signOut(session);
        return HttpResponse.seeOther(URI.create("/sign-in")).cookie(SignedIn.expired());
    }

    private static HttpResponse<?> refused(HttpRequest<?> request, String errorKey) {
        Map<String, Object> model = new HashMap<>(Pages.shared(request));
        model.put("error", Reader.of(request).text(errorKey));
        return HttpResponse.status(HttpStatus.UNAUTHORIZED).body(new ModelAndView<>("sign-in", model));
    }
}
