package dev.larkinbox.inbound.web.inbox;

import io.micronaut.core.annotation.Nullable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

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
        String query = params.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return query.isEmpty() ? "/" : "/?" + query;
    }
}
