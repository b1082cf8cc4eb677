package dev.larkinbox.inbound.web;

import dev.larkinbox.inbound.web.access.Session;
import dev.larkinbox.inbound.web.access.SignedIn;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/** What every signed-in page shows: who is signed in, the navigation, the form token. */
public final class Pages {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Pages() {
    }

    /** @param current the page the navigation marks as the current one */
    public static Map<String, Object> model(HttpRequest<?> request, String current) {
        Session session = SignedIn.of(request);
        Map<String, Object> model = new HashMap<>();
        model.put("csrf", session.csrfToken());
        model.put("actor", session.actor().name());
        model.put("current", current);
        return model;
    }

    /** A query parameter left empty filters nothing. */
    public static @Nullable String given(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }
}
