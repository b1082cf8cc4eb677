package dev.larkinbox.inbound.web.access;

import dev.larkinbox.domain.person.People;
import dev.larkinbox.domain.person.Person;
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
    public ModelAndView<Map<String, Object>> form() {
        return new ModelAndView<>("sign-in", Map.of());
    }

    @Post("/sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> signIn(HttpRequest<?> request, @Nullable String token, @Nullable String name) {
        if (token == null || !tokens.accepts(token.strip())) {
            return refused("That is not the API token of this inbox.");
        }
        Person holder;
        try {
            holder = Person.apiToken(name == null || name.isBlank() ? tokens.holderName() : name.strip());
        } catch (IllegalArgumentException e) {
            return refused("Your name must be at most 100 characters, on one line.");
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
            return SignedIn.forgedForm();
        }
        sessions.signOut(session);
        return HttpResponse.seeOther(URI.create("/sign-in")).cookie(SignedIn.expired(request));
    }

    private static HttpResponse<?> refused(String error) {
        return HttpResponse.status(HttpStatus.UNAUTHORIZED)
                .body(new ModelAndView<>("sign-in", Map.of("error", error)));
    }
}
