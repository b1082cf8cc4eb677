package dev.larkinbox.inbound.web.access;

import dev.larkinbox.domain.person.People;
import dev.larkinbox.domain.person.Person;
import dev.larkinbox.domain.person.TokenGuesses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
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
import java.time.Duration;
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
    public ModelAndView<Map<String, Object>> form() {
        return new ModelAndView<>("sign-in", Map.of("tokenSignIn", tokens.signsIn()));
    }

    @Post("/sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> signIn(HttpRequest<?> request, @Nullable String token, @Nullable String name) {
        if (!tokens.signsIn()) {
            return refused("This inbox signs people in with Lark: the API token does not sign in here.");
        }
        String address = request.getRemoteAddress().getAddress().getHostAddress();
        Optional<Duration> wait = guesses.waitFor(address);
        if (wait.isPresent()) {
            long seconds = wait.get().toSeconds();
            return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER,
                    String.valueOf(seconds)).body(new ModelAndView<>("sign-in", Map.of("error",
                    "Too many wrong tokens: try again in " + seconds + " seconds.", "tokenSignIn", true)));
        }
        if (token == null || !tokens.accepts(token.strip())) {
            guesses.wrong(address);
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
    @OwnAccount
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> signOut(HttpRequest<?> request, @Nullable String csrf) {
        Session session = SignedIn.of(request);
        if (!Sessions.postedBy(session, csrf)) {
            return SignedIn.forgedForm();
        }
        sessions.signOut(session);
        return HttpResponse.seeOther(URI.create("/sign-in")).cookie(SignedIn.expired(request));
    }

    private HttpResponse<?> refused(String error) {
        return HttpResponse.status(HttpStatus.UNAUTHORIZED)
                .body(new ModelAndView<>("sign-in", Map.of("error", error, "tokenSignIn", tokens.signsIn())));
    }
}
