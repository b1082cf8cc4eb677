package dev.larkinbox.inbound.web.inbox;

import dev.larkinbox.inbound.web.Pages;
import io.micronaut.core.annotation.Nullable;
import java.util.LinkedHashMap;
import java.util.Map;

/** The inbox's filters as the URL carries them, so that a reload or a shared link shows the same list. */
public record InboxQuery(@Nullable String status, @Nullable String priority, @Nullable String type,
                         @Nullable String assignee, @Nullable String app, @Nullable String q, @Nullable String sort) {

    /** The inbox with these filters, at the page the cursor names (the first page for null). */
    public String link(@Nullable String cursor) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("status", status);
        params.put("priority", priority);
        params.put("type", type);
        params.put("assignee", assignee);
        params.put("app", app);
        params.put("q", q);
        params.put("sort", sort);
        params.put("cursor", cursor);
        return Pages.link("/", params);
    }
}
