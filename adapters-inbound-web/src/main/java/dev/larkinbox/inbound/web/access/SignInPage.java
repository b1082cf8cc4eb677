package dev.larkinbox.inbound.web.access;

import dev.larkinbox.domain.person.People;
import dev.larkinbox.domain.person.Person;
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

/** Signing in with the API token, and out. */
@Controller
@Produces(MediaType.TEXT_HTML)
public class SignInPage {
    private final Sessions sessions;
    private final TokenCheck tokens;
    private final People people;

    SignInPage(Sessions sessions, TokenCheck tokens, People people) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.people = people;
    }

    @Get("/sign-in")
    public ModelAndView<Map<String, Object>> form(HttpRequest<?> request) {
        return new ModelAndView<>("sign-in", Pages.shared(request));
    }

    @Post("/sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> signIn(HttpRequest<?> request, @Nullable String token, @Nullable String name) {
        if (token == null || !tokens.accepts(token.strip())) {
            return refused(request, "sign-in.error.token");
        }
        Person holder;
        try {
            holder = Person.apiToken(name == null || name.isBlank() ? tokens.holderName() : name.strip());
        } catch (IllegalArgumentException e) {
            return refused(request, "sign-in.error.name");
        }
        Session session = sessions.signIn(people.save(holder), request);
        return HttpResponse.seeOther(URI.create("/")).cookie(SignedIn.cookie(session, request));
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
        return HttpResponse.seeOther(URI.create("/sign-in")).cookie(SignedIn.expired(request));
    }

    private static HttpResponse<?> refused(HttpRequest<?> request, String errorKey) {
        Map<String, Object> model = new HashMap<>(Pages.shared(request));
        model.put("error", Reader.of(request).text(errorKey));
        return HttpResponse.status(HttpStatus.UNAUTHORIZED).body(new ModelAndView<>("sign-in", model));
    }
}
