package dev.larkinbox.inbound.http.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers the refusals this service decides on, and leaves one line saying why (the detail holds no request data). */
@Singleton
@Produces
public class ProblemExceptionHandler implements ExceptionHandler<ProblemException, HttpResponse<Problem>> {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ProblemException exception) {
        LOG.info("refused {}: {} {}", Route.of(request), exception.type().status().getCode(), exception.getMessage());
        return Problems.response(exception.type(), exception.getMessage());
    }
}
