package dev.larkinbox.inbound.http.access;

import dev.larkinbox.domain.person.People;
import dev.larkinbox.domain.person.Person;
import dev.larkinbox.domain.person.PersonalTokens;
import dev.larkinbox.domain.person.SecretHash;
import dev.larkinbox.domain.person.TokenGuesses;
import dev.larkinbox.inbound.http.error.ErrorResponses;
import dev.larkinbox.inbound.http.error.ErrorType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code Authorization: Bearer <token>} on every {@code /api/**} request, unknown paths included, and on the forms of
 * its path a client may send ({@code /API/feedback}, {@code //api/feedback}): each gets the 401 the canonical path
 * gets, whether or not the router would find a handler for it. The token is {@code inbox.api-token} (an admin,
 * recorded as {@code api-token}) or a person's own token, looked up in the store at every request, so that a revoked
 * or expired one is refused at once by every instance. Wrong tokens are slowed and then refused with 429
 * ({@link TokenGuesses}). A viewer's token reads only: any other method is refused 403.
 */
@ServerFilter(patternStyle = FilterPatternStyle.REGEX, value = "(?i)/+api(/.*)?")
public class ApiTokenFilter {
    private static final String SCHEME = "Bearer ";

    private final ApiToken apiToken;
    private final PersonalTokens personalTokens;
    private final People people;
    private final TokenGuesses guesses;
    private final Person holder;
    private final AtomicBoolean holderKnown = new AtomicBoolean();
    private final Clock clock = Clock.systemUTC();

    ApiTokenFilter(ApiToken apiToken, ApiConfig config, PersonalTokens personalTokens, People people,
                   TokenGuesses guesses) {
        this.apiToken = apiToken;
        this.personalTokens = personalTokens;
        this.people = people;
        this.guesses = guesses;
        this.holder = Person.apiToken(config.apiUser().strip());
    }

    /** @return null to let the request through, else the 401, 403 or 429 answer */
    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    public HttpResponse<?> authenticate(HttpRequest<?> request) {
        String token = bearer(request.getHeaders().get(HttpHeaders.AUTHORIZATION));
        if (token == null) {
            return unauthorized(); // no guess: nothing to slow
        }
        String address = request.getRemoteAddress().getAddress().getHostAddress();
        Optional<Duration> wait = guesses.waitFor(address);
        if (wait.isPresent()) {
            return ErrorResponses.response(ErrorType.TOO_MANY_WRONG_TOKENS, "too many wrong tokens from this address "
                    + "or overall: try again in " + wait.get().toSeconds() + " s")
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(wait.get().toSeconds()));
        }
        Optional<Person> caller = caller(token);
        if (caller.isEmpty()) {
            guesses.wrong(address);
            return unauthorized();
        }
        boolean reads = request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD
                || request.getMethod() == HttpMethod.OPTIONS;
        if (!reads && !caller.get().role().mayWork()) {
            return ErrorResponses.response(ErrorType.NOT_ALLOWED, "the token's owner is a viewer: it reads only");
        }
        request.setAttribute(ApiCaller.ATTRIBUTE, caller.get());
        return null;
    }

    private static HttpResponse<?> unauthorized() {
        return ErrorResponses.response(ErrorType.WRONG_API_TOKEN,
                        "send Authorization: Bearer <token>: inbox.api-token or a token of your own")
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }

    /** The bearer token of an {@code Authorization} header; null when it carries none. */
    private static @Nullable String bearer(@Nullable String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        String token = authorization.substring(SCHEME.length()).trim();
        return token.isEmpty() ? null : token;
    }

    private Optional<Person> caller(String token) {
        if (apiToken.matches(token)) {
            knowHolder();
            return Optional.of(holder);
        }
        return personalTokens.use(SecretHash.of(token), clock.instant());
    }

    /** Once per instance: the holder is among the people, so that pages show their name for {@code api-token}. */
    private void knowHolder() {
        if (!holderKnown.get() && people.find(Person.API_TOKEN).isEmpty()) {
            people.save(holder);
        }
        holderKnown.set(true);
    }
}
