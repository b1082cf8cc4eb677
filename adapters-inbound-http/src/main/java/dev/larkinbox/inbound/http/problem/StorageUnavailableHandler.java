package dev.larkinbox.inbound.http.problem;

import dev.larkinbox.domain.event.StorageUnavailableException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nothing was committed: 503 with Retry-After, so that Lark delivers the event again. Never 200.
 * The store's message is not logged: a database error can quote the values it failed to write.
 */
@Singleton
@Produces
public class StorageUnavailableHandler implements ExceptionHandler<StorageUnavailableException, HttpResponse<Problem>> {
    private static final Logger LOG = LoggerFactory.getLogger(StorageUnavailableHandler.class);

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, StorageUnavailableException exception) {
        LOG.warn("storage unavailable during {} ({}): answered 503 so that the sender retries", Route.of(request),
                exception.getCause() == null ? "no cause given" : exception.getCause().getClass().getName());
        return Problems.response(ProblemType.STORAGE_UNAVAILABLE, "the store could not commit; nothing was kept");
    }
}
