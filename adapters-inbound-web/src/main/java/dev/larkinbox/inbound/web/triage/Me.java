package dev.larkinbox.inbound.web.triage;

import dev.larkinbox.inbound.web.access.SignedIn;
import io.micronaut.http.HttpRequest;

/**
 * Who the signed-in person is, as their views and "assign to me" need it: the one place that says so.
 *
 * @param id   what their saved views are kept under
 * @param name what a feedback assigned to them names as its assignee
 */
public record Me(String id, String name) {

    /** Today the session's actor; a person's id once the web inbox knows people. */
    public static Me of(HttpRequest<?> request) {
        String name = SignedIn.of(request).actor().name();
        return new Me(name, name);
    }
}
