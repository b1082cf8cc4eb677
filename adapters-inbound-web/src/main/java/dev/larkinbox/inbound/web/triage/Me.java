package dev.larkinbox.inbound.web.triage;

import dev.larkinbox.inbound.web.access.SignedIn;
import io.micronaut.http.HttpRequest;

/**
 * Who the signed-in person is, as their views and "assign to me" need it: the one place that says so.
 *
 * @param openId what their saved views are kept under, and what a feedback assigned to them names as its assignee
 *               (pages show it by name)
 */
public record Me(String openId) {

    public static Me of(HttpRequest<?> request) {
        return new Me(SignedIn.of(request).person().openId());
    }
}
