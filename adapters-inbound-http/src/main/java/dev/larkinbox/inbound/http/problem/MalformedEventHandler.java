package dev.larkinbox.inbound.http.problem;

import dev.larkinbox.inbound.lark.MalformedEventException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A payload that cannot be an event: 400, nothing stored. The intake's message names the defect, never the payload. */
@Singleton
@Produces
public class MalformedEventHandler implements ExceptionHandler<MalformedEventException, HttpResponse<Problem>> {
    private static final Logger LOG = LoggerFactory.getLogger(MalformedEventHandler.class);

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, MalformedEventException exception) {
        LOG.info("refused {}: 400 {}", Route.of(request), exception.getMessage());
        return Problems.response(ProblemType.MALFORMED_EVENT, exception.getMessage());
    }
}
