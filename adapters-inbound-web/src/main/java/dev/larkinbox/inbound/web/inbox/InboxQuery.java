package dev.larkinbox.inbound.web.inbox;

import dev.larkinbox.inbound.web.Pages;
import io.micronaut.core.annotation.Nullable;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The inbox's filters as the URL carries them, so that a reload or a shared link shows the same list. */
public record InboxQuery(@Nullable String status, @Nullable String priority, @Nullable String type,
                         @Nullable String assignee, @Nullable String app, @Nullable String q, @Nullable String sort) {
    /** The assignee filter's word for feedback assigned to nobody: typed, or in a view's link. */
    public static final String NOBODY = "(nobody)";

    /** The filters a view's link carries ({@link #filter()}); what it does not name filters nothing. */
    public static InboxQuery parse(String filter) {
        Map<String, List<String>> params = new QueryStringDecoder(filter, StandardCharsets.UTF_8, false)
                .parameters();
        return new InboxQuery(param(params, "status"), param(params, "priority"), param(params, "type"),
                param(params, "assignee"), param(params, "app"), param(params, "q"), param(params, "sort"));
    }

    private static @Nullable String param(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : Pages.given(values.get(0));
    }

    /** The filters as a view keeps them: the query of the first page's link. */
    public String filter() {
        String link = link(null);
        int query = link.indexOf('?');
        return query < 0 ? "" : link.substring(query + 1);
    }

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
