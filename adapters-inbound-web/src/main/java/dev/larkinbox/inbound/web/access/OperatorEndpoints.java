package dev.larkinbox.inbound.web.access;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.http.filter.ServerFilterPhase;
import java.security.Principal;
import java.util.Set;

/**
 * What the service tells about itself, for its operators: the metrics ({@code /prometheus}, and Micronaut's
 * {@code /metrics}, which names and reads the same meters), the API's description
 * ({@code /swagger/**}, {@code /swagger-ui/**}) and the health's details. With {@code endpoints.all.port} set they
 * are served on that port alone, to anyone who reaches it (a port the outside never does); else they need the API
 * token, as a bearer token, or an admin's signed-in session. The health's states ({@code /health},
 * {@code /health/liveness}, {@code /health/readiness}) stay open to anyone: a load balancer probes them.
 */
@ServerFilter(patternStyle = FilterPatternStyle.REGEX,
        value = "(?i)/+(prometheus|metrics|health|swagger|swagger-ui)(/.*)?")
public class OperatorEndpoints implements Ordered {
    private static final Set<String> HEALTH_STATES = Set.of("/health", "/health/liveness", "/health/readiness");
    /** Who the health endpoint (details-visible AUTHENTICATED) shows its details to: see OperatorPrincipal. */
    private static final Principal OPERATOR = () -> "operator";

    private final TokenCheck tokens;
    private final Sessions sessions;
    private final int managementPort;

    OperatorEndpoints(TokenCheck tokens, Sessions sessions, @Value("${endpoints.all.port:0}") int managementPort) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.managementPort = managementPort;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> guard(HttpRequest<?> request) {
        if (managementPort > 0) {
            if (request.getServerAddress().getPort() != managementPort) {
                return HttpResponse.notFound(); // as if it were not there: it is on the management port
            }
            request.setAttribute(HttpAttributes.PRINCIPAL, OPERATOR);
            return null;
        }
        boolean operator = tokens.authorizes(request.getHeaders().get(HttpHeaders.AUTHORIZATION))
                || sessions.find(request).filter(s -> s.person().role().mayAdminister()).isPresent();
        if (operator) {
            request.setAttribute(HttpAttributes.PRINCIPAL, OPERATOR);
            return null;
        }
        if (HEALTH_STATES.contains(request.getPath())) {
            return null;
        }
        return HttpResponse.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body("send Authorization: Bearer <inbox.api-token>, or sign in to the web inbox first");
    }

    /** Where Micronaut puts the filters that authenticate. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order();
    }
}
