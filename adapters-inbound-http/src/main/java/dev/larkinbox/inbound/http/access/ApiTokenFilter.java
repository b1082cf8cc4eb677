package dev.larkinbox.inbound.http.access;

import dev.larkinbox.inbound.http.problem.ProblemType;
import dev.larkinbox.inbound.http.problem.Problems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/** {@code Authorization: Bearer <token>} on every {@code /api/**} request, unknown paths included. */
@ServerFilter("/api/**")
public class ApiTokenFilter {
    private static final String SCHEME = "Bearer ";

    private final ApiToken apiToken;

    ApiTokenFilter(ApiToken apiToken) {
        this.apiToken = apiToken;
    }

    /** @return null to let the request through, else the 401 answer */
    @RequestFilter
    @Nullable
    public HttpResponse<?> authenticate(HttpRequest<?> request) {
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                && apiToken.matches(authorization.substring(SCHEME.length()).trim())) {
            return null;
        }
        return Problems.response(ProblemType.WRONG_API_TOKEN,
                        "send Authorization: Bearer <inbox.api-token>")
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
}
