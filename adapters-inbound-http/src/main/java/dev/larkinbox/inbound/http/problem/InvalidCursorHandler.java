package dev.larkinbox.inbound.http.problem;

import dev.larkinbox.domain.paging.InvalidCursorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** A cursor the store did not give out for this listing: the client's mistake, 400. */
@Singleton
@Produces
public class InvalidCursorHandler implements ExceptionHandler<InvalidCursorException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, InvalidCursorException exception) {
        return Problems.response(ProblemType.INVALID_QUERY,
                "cursor is not one this listing gave out; start again without it");
    }
}
