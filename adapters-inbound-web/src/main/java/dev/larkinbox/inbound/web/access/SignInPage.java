package dev.larkinbox.inbound.web.access;

import dev.larkinbox.domain.person.People;
import dev.larkinbox.domain.person.Person;
import dev.larkinbox.domain.person.TokenGuesses;
import dev.larkinbox.inbound.web.Pages;
import dev.larkinbox.inbound.web.language.Reader;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Signing in with the API token (where no Lark credentials are configured), and out. */
@Controller
@Produces(MediaType.TEXT_HTML)
public class SignInPage {
    private final Sessions sessions;
    private final TokenCheck tokens;
    private final People people;
    private final TokenGuesses guesses;

    SignInPage(Sessions sessions, TokenCheck tokens, People people, TokenGuesses guesses) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.people = people;
        this.guesses = guesses;
    }

    @Get("/sign-in")
    public ModelAndView<Map<String, Object>> form(HttpRequest<?> request) {
        Map<String, Object> model = new HashMap<>(Pages.shared(request));
        model.put("tokenSignIn", tokens.signsIn());
        return new ModelAndView<>("sign-in", model);
    }

    @Post("/sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> signIn(HttpRequest<?> request, @Nullable String token, @Nullable String name) {
        if (!tokens.signsIn()) {
            return refused(request, "people.sign-in.lark-only");
        }
        String address = request.getRemoteAddress().getAddress().getHostAddress();
        Optional<Duration> wait = guesses.waitFor(address);
        if (wait.isPresent()) {
            long seconds = wait.get().toSeconds();
            return refused(request, HttpStatus.TOO_MANY_REQUESTS, "people.sign-in.too-many", seconds)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        }
        if (token == null || !tokens.accepts(token.strip())) {
            guesses.wrong(address);
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
    @OwnAccount
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> signOut(HttpRequest<?> request, @Nullable String csrf) {
        Session session = SignedIn.posted(request, csrf);
        sessions.signOut(session);
        return HttpResponse.seeOther(URI.create("/sign-in")).cookie(SignedIn.expired(request));
    }

    private MutableHttpResponse<?> refused(HttpRequest<?> request, String errorKey, Object... args) {
        return refused(request, HttpStatus.UNAUTHORIZED, errorKey, args);
    }

    private MutableHttpResponse<?> refused(HttpRequest<?> request, HttpStatus status, String errorKey, Object... args) {
        Map<String, Object> model = new HashMap<>(Pages.shared(request));
        model.put("error", Reader.of(request).text(errorKey, args));
        model.put("tokenSignIn", tokens.signsIn());
        return HttpResponse.status(status).body(new ModelAndView<>("sign-in", model));
    }
}
