package dev.larkinbox.inbound.http.error;

import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpRequest;

/** Names a request in a log line by its route, never by its path: a path may carry anything a caller typed. */
final class Route {
    private Route() {
    }

    /** Such as {@code GET /api/feedback/{feedback_id}}. */
    static String of(HttpRequest<?> request) {
        return request.getMethodName() + " " + BasicHttpAttributes.getUriTemplate(request).orElse("(no route)");
    }
}
