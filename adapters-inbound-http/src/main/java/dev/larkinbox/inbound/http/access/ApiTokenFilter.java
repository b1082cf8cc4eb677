package dev.larkinbox.inbound.http.access;

import dev.larkinbox.inbound.http.error.ErrorType;
import dev.larkinbox.inbound.http.error.ErrorResponses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;

/**
 * {@code Authorization: Bearer <token>} on every {@code /api/**} request, unknown paths included, and on the forms of
 * its path a client may send ({@code /API/feedback}, {@code //api/feedback}): each gets the 401 the canonical path
 * gets, whether or not the router would find a handler for it.
 */
@ServerFilter(patternStyle = FilterPatternStyle.REGEX, value = "(?i)/+api(/.*)?")
public class ApiTokenFilter {
    private final ApiToken apiToken;

    ApiTokenFilter(ApiToken apiToken) {
        this.apiToken = apiToken;
    }

    /** @return null to let the request through, else the 401 answer */
    @RequestFilter
    @Nullable
    public HttpResponse<?> authenticate(HttpRequest<?> request) {
        if (apiToken.authorizes(request.getHeaders().get(HttpHeaders.AUTHORIZATION))) {
            return null;
        }
        return ErrorResponses.response(ErrorType.WRONG_API_TOKEN,
                        "send Authorization: Bearer <inbox.api-token>")
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
}
