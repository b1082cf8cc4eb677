package dev.larkinbox.inbound.http.error;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * Micronaut's own errors (no route, wrong method, unsupported media type, unreadable body, body over the
 * server's size limit, unexpected failures) as problem documents, like the refusals this service decides on.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ErrorDocumentResponseProcessor implements ErrorResponseProcessor<ErrorDocument> {

    @Override
    public MutableHttpResponse<ErrorDocument> processResponse(ErrorContext errorContext, MutableHttpResponse<?> response) {
        return response.contentType(MediaType.APPLICATION_JSON_PROBLEM_TYPE).body(ErrorResponses.generic(response.status()));
    }
}
