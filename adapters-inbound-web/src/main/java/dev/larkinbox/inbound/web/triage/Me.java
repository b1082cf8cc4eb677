package dev.larkinbox.inbound.web.triage;

import dev.larkinbox.inbound.web.access.SignedIn;
import io.micronaut.http.HttpRequest;

/**
 * Who the signed-in person is, as their views and "assign to me" need it: the one place that says so.
 *
 * @param id   what their saved views are kept under: their open_id
 * @param name what a feedback assigned to them names as its assignee: their open_id too, which pages show by name
 */
public record Me(String id, String name) {

    public static Me of(HttpRequest<?> request) {
        String openId = SignedIn.of(request).person().openId();
        return new Me(openId, openId);
    }
}
